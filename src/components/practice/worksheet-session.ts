/**
 * The worksheet's state: the case's stored attempts and the one open now. Every
 * change goes through `change`, which saves (after a pause in typing, or at
 * once) and tells the page's parts to redraw. Nothing typed is ever dropped:
 * the page saves when hidden or closed, and merges what other tabs save.
 */
import { hasContent, newAttempt, type Attempt } from '../../lib/learning/practice/attempt.ts';
import type { WorksheetInfo } from '../../lib/learning/practice/export.ts';
import { loadPractice, probeStorage, savePractice, storeKey, type LoadResult, type PracticeDoc } from '../../lib/learning/practice/storage.ts';
import { isRunning, pauseTimer } from '../../lib/learning/practice/timer.ts';
import { siteStorage } from '../../lib/learning/site-storage.ts';
import { setText } from './worksheet-dom.ts';

/** Typing is saved this long after the last keystroke, and at once when the page is hidden or closed. */
const SAVE_DELAY_MS = 300;

export interface Session {
	readonly doc: Document;
	readonly root: HTMLElement;
	readonly info: WorksheetInfo;
	readonly loaded: LoadResult;
	$<T extends Element = HTMLElement>(selector: string): T | null;
	$$<T extends Element = HTMLElement>(selector: string): T[];
	/** The attempt open now. */
	readonly attempt: Attempt;
	/** Every stored attempt. */
	readonly store: PracticeDoc;
	/** Applies a change to the open attempt and saves it. */
	change(next: Attempt, when?: 'soon' | 'now'): void;
	/** Replaces the open attempt without saving (a change not worth storing, like moving focus while the clock is stopped). */
	replace(next: Attempt): void;
	flush(): void;
	isStored(a: Attempt): boolean;
	/** A new, empty attempt at the chosen length. */
	fresh(): Attempt;
	/** Shows another attempt; the one left behind stops its clock. */
	open(next: Attempt, note: string): void;
	/** Deletes a stored attempt; if it was open, the latest other one opens. */
	remove(id: string): void;
	/** Adds an attempt (an import) to the stored ones. */
	add(a: Attempt): void;
	/** A message in the attempts area. */
	say(text: string, error?: boolean): void;
	/** Registers a part's redraw: `whole` on every full render, `saved` after each save. */
	onRender(whole: () => void): void;
	onSaved(saved: () => void): void;
	render(): void;
}

export function createSession(doc: Document, root: HTMLElement, info: WorksheetInfo): Session {
	const firstSection = info.sections[0].id;
	const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector);
	const $$ = <T extends Element = HTMLElement>(selector: string) => [...root.querySelectorAll<T>(selector)];
	const raw = probeStorage(() => window.localStorage);
	const storage = raw && siteStorage(raw, import.meta.env.BASE_URL);
	const loaded = loadPractice(storage, info.slug, { now: Date.now(), firstSection });
	let store: PracticeDoc = loaded.doc;
	let attempt: Attempt = store.attempts.find((a) => a.id === store.currentId) ?? fresh();
	let dirty = false;
	let saveTimer: ReturnType<typeof setTimeout> | undefined;
	const whole: (() => void)[] = [];
	const saved: (() => void)[] = [];
	const saveStatus = $('[data-save-status]')!;
	const message = $('[data-attempts-message]')!;

	function fresh(): Attempt {
		const minutes = Number($<HTMLSelectElement>('[data-timer-length]')?.value) || info.defaultMinutes;
		return newAttempt({ now: Date.now(), minutes, firstSection });
	}

	const isStored = (a: Attempt) => store.attempts.some((x) => x.id === a.id);

	function change(next: Attempt, when: 'soon' | 'now' = 'now'): void {
		attempt = { ...next, updatedAt: Date.now() };
		// An attempt nobody has touched is not worth storing (or listing).
		if (!isStored(attempt) && !hasContent(attempt)) return;
		const i = store.attempts.findIndex((a) => a.id === attempt.id);
		const attempts = i < 0 ? [...store.attempts, attempt] : store.attempts.with(i, attempt);
		store = { ...store, currentId: attempt.id, attempts };
		dirty = true;
		if (when === 'now') flush();
		else {
			clearTimeout(saveTimer);
			saveTimer = setTimeout(flush, SAVE_DELAY_MS);
		}
	}

	function flush(): void {
		clearTimeout(saveTimer);
		if (!dirty) return;
		dirty = false;
		const result = savePractice(storage, info.slug, store);
		setText(saveStatus, result.ok ? 'Saved' : result.message);
		saveStatus.classList.toggle('is-error', !result.ok);
		for (const f of saved) f();
	}

	/** Writes the store (and the open attempt's place in it) now. */
	function commit(): void {
		store = { ...store, currentId: isStored(attempt) ? attempt.id : null };
		dirty = true;
		flush();
	}

	function render(): void {
		for (const f of whole) f();
	}

	// Another tab saved this case: take its attempts (newest copy of each wins), keep the one open here as it is.
	addEventListener('storage', (event) => {
		if (!storage || event.key !== storage.keyFor(storeKey(info.slug)) || event.newValue === null) return;
		const theirs = loadPractice(storage, info.slug, { now: Date.now(), firstSection }).doc.attempts;
		const mine = new Map(store.attempts.map((a) => [a.id, a]));
		const merged = theirs.map((a) => (a.id === attempt.id && mine.has(a.id) ? attempt : (mine.get(a.id)?.updatedAt ?? 0) > a.updatedAt ? mine.get(a.id)! : a));
		const kept = store.attempts.filter((a) => !theirs.some((t) => t.id === a.id) && a.id === attempt.id);
		store = { ...store, attempts: [...merged, ...kept] };
		for (const f of saved) f();
	});
	addEventListener('pagehide', flush);
	doc.addEventListener('visibilitychange', () => {
		if (doc.visibilityState === 'hidden') flush();
	});

	return {
		doc,
		root,
		info,
		loaded,
		$,
		$$,
		get attempt() {
			return attempt;
		},
		get store() {
			return store;
		},
		change,
		replace(next) {
			attempt = next;
		},
		flush,
		isStored,
		fresh,
		open(next, note) {
			flush();
			if (isRunning(attempt.timer)) change({ ...attempt, timer: pauseTimer(attempt.timer, Date.now()) });
			attempt = next;
			// currentId null means "a new, still empty attempt is open".
			commit();
			render();
			this.say(note);
		},
		remove(id) {
			const wasOpen = id === attempt.id;
			store = { ...store, attempts: store.attempts.filter((a) => a.id !== id) };
			if (wasOpen) attempt = store.attempts.at(-1) ?? fresh();
			commit();
			render();
		},
		add(a) {
			store = { ...store, attempts: [...store.attempts, a] };
		},
		say(text, error = false) {
			setText(message, text);
			message.classList.toggle('is-error', error);
		},
		onRender(f) {
			whole.push(f);
		},
		onSaved(f) {
			saved.push(f);
		},
		render,
	};
}
