/**
 * The practice worksheet in the browser: autosave, timer, compare, rubric,
 * attempts, export/import and print. All state lives in one Attempt object that
 * src/lib/learning/practice/ knows how to store, time, score and export; this file only
 * connects it to the page. User text only ever goes into `value` and
 * `textContent`, never into HTML.
 */
import { watchSectionOnScreen } from './section-on-screen.ts';
import { hasContent, newAttempt, type Attempt } from '../../lib/learning/practice/attempt.ts';
import { attemptToJson, attemptToMarkdown, exportFileName, formatBytes, MAX_IMPORT_BYTES, parseAttemptFile, type WorksheetInfo } from '../../lib/learning/practice/export.ts';
import { rubricTotal } from '../../lib/learning/practice/rubric.ts';
import { loadPractice, probeStorage, savePractice, storeKey, type PracticeDoc } from '../../lib/learning/practice/storage.ts';
import { formatDuration, isRunning, pauseTimer, setLength, startTimer, switchSection, timerStatus } from '../../lib/learning/practice/timer.ts';

/** Typing is saved this long after the last keystroke, and at once when the page is hidden or closed. */
const SAVE_DELAY_MS = 300;

export function startWorksheet(doc: Document): void {
	const root = doc.querySelector<HTMLElement>('[data-practice]');
	const config = doc.getElementById('practice-config');
	if (!root || !config) return;
	const info = JSON.parse(config.textContent ?? '{}') as WorksheetInfo;
	const firstSection = info.sections[0].id;
	const titleOf = new Map(info.sections.map((s) => [s.id, s.title]));
	const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector);
	const $$ = <T extends Element = HTMLElement>(selector: string) => [...root.querySelectorAll<T>(selector)];

	const storage = probeStorage(() => window.localStorage);
	const loaded = loadPractice(storage, info.slug, { now: Date.now(), firstSection });
	let store: PracticeDoc = loaded.doc;
	let attempt: Attempt = store.attempts.find((a) => a.id === store.currentId) ?? fresh();
	let dirty = false;
	let saveTimer: ReturnType<typeof setTimeout> | undefined;
	let ticker: ReturnType<typeof setInterval> | undefined;
	let lastWarning = '';

	const saveStatus = $('[data-save-status]')!;
	const notice = $('[data-practice-notice]')!;
	const message = $('[data-attempts-message]')!;

	function fresh(): Attempt {
		const minutes = Number($<HTMLSelectElement>('[data-timer-length]')?.value) || info.defaultMinutes;
		return newAttempt({ now: Date.now(), minutes, firstSection });
	}

	// ── saving ────────────────────────────────────────────────────────────
	function isStored(a: Attempt): boolean {
		return store.attempts.some((x) => x.id === a.id);
	}

	/** Applies a change to the open attempt; saves after a pause in typing, or at once. */
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
		renderAttempts();
	}

	// Another tab saved this case: take its attempts (newest copy of each wins), keep the one open here as it is.
	addEventListener('storage', (event) => {
		if (event.key !== storeKey(info.slug) || event.newValue === null) return;
		const theirs = loadPractice(storage, info.slug, { now: Date.now(), firstSection }).doc.attempts;
		const mine = new Map(store.attempts.map((a) => [a.id, a]));
		const merged = theirs.map((a) => (a.id === attempt.id && mine.has(a.id) ? attempt : (mine.get(a.id)?.updatedAt ?? 0) > a.updatedAt ? mine.get(a.id)! : a));
		const kept = store.attempts.filter((a) => !theirs.some((t) => t.id === a.id) && a.id === attempt.id);
		store = { ...store, attempts: [...merged, ...kept] };
		renderAttempts();
	});

	addEventListener('pagehide', flush);
	doc.addEventListener('visibilitychange', () => {
		if (doc.visibilityState === 'hidden') flush();
	});

	// ── answers ───────────────────────────────────────────────────────────
	root.addEventListener('input', (event) => {
		const box = event.target as HTMLTextAreaElement;
		const id = box.dataset?.answer;
		if (!id) return;
		setText($(`[data-print-for="${id}"]`), box.value);
		change({ ...attempt, answers: { ...attempt.answers, [id]: box.value } }, 'soon');
	});

	// Time counts against the section the user is working in: the one with focus, else the one on screen.
	function workIn(section: string | undefined): void {
		if (!section || section === attempt.timer.active) return;
		const timer = switchSection(attempt.timer, section, Date.now());
		if (isRunning(timer)) change({ ...attempt, timer });
		else attempt = { ...attempt, timer };
		renderTimer();
	}
	root.addEventListener('focusin', (event) => workIn((event.target as Element).closest<HTMLElement>('[data-section]')?.dataset.section));
	watchSectionOnScreen(root, (section) => {
		if (!doc.activeElement?.closest('[data-section]')) workIn(section);
	});

	// ── timer ─────────────────────────────────────────────────────────────
	$('[data-timer-toggle]')?.addEventListener('click', () => {
		const now = Date.now();
		change({ ...attempt, timer: isRunning(attempt.timer) ? pauseTimer(attempt.timer, now) : startTimer(attempt.timer, now) });
		renderTimer();
	});

	$<HTMLSelectElement>('[data-timer-length]')?.addEventListener('change', (event) => {
		const minutes = Number((event.target as HTMLSelectElement).value);
		change({ ...attempt, timer: setLength(attempt.timer, minutes) });
		renderBudgets();
		renderTimer();
	});

	function budgets(): Record<string, number> {
		return info.budgets[String(attempt.timer.minutes)] ?? info.budgets[String(info.defaultMinutes)];
	}

	function renderBudgets(): void {
		const b = budgets();
		for (const el of $$('[data-budget-for]')) setText(el, String(b[el.dataset.budgetFor!] ?? ''));
		setText($('[data-total-minutes]'), String(attempt.timer.minutes));
		const select = $<HTMLSelectElement>('[data-timer-length]');
		if (select) select.value = String(attempt.timer.minutes);
		for (const s of $$('[data-section]')) s.style.setProperty('--budget-minutes', String(b[s.dataset.section!] ?? 3));
	}

	function renderTimer(): void {
		const status = timerStatus(attempt.timer, budgets(), Date.now());
		setText($('[data-timer-elapsed]'), formatDuration(status.elapsedMs));
		setText($('[data-timer-total]'), formatDuration(status.totalMs));
		setText($('[data-timer-state]'), status.running ? 'running' : status.started ? 'paused' : 'not started');
		setText($('[data-timer-toggle]'), status.running ? 'Pause the timer' : status.started ? 'Resume the timer' : 'Start the timer');
		$('.practice-clock')?.classList.toggle('is-over', status.sessionOver);
		const active = attempt.timer.active;
		for (const s of status.sections) {
			const row = $(`[data-budget-row="${s.id}"]`);
			row?.classList.toggle('is-over', s.over);
			row?.classList.toggle('is-current', s.id === active);
			if (s.id === active) row?.setAttribute('aria-current', 'step');
			else row?.removeAttribute('aria-current');
			setText($(`[data-used-for="${s.id}"]`), `${formatDuration(s.spentMs)} of `);
			$(`[data-section="${s.id}"]`)?.classList.toggle('is-current', s.id === active);
		}
		const current = $<HTMLAnchorElement>('[data-timer-current]');
		if (current) {
			setText(current, titleOf.get(active) ?? '');
			current.href = `#${$(`[data-section="${active}"] h2`)?.id ?? ''}`;
		}
		// Announced text changes only when the set of overruns does, not every second.
		const over = status.sections.filter((s) => s.over).map((s) => `${titleOf.get(s.id)} is over its ${Math.round(s.budgetMs / 60_000)}-minute budget.`);
		if (status.sessionOver) over.unshift(`Time is up: the ${attempt.timer.minutes}-minute interview has run over.`);
		const warning = over.join(' ');
		if (warning !== lastWarning) {
			lastWarning = warning;
			setText($('[data-timer-warning]'), warning);
		}
		if (status.running && ticker === undefined) ticker = setInterval(renderTimer, 1000);
		if (!status.running && ticker !== undefined) {
			clearInterval(ticker);
			ticker = undefined;
		}
	}

	// ── compare ───────────────────────────────────────────────────────────
	root.addEventListener('click', (event) => {
		const button = (event.target as Element).closest<HTMLButtonElement>('[data-compare]');
		if (!button) return;
		const id = button.dataset.compare!;
		const wasOpen = button.getAttribute('aria-expanded') === 'true';
		closeReferences();
		if (wasOpen) return;
		const panel = $(`[data-reference-panel="${id}"]`)!;
		const body = panel.querySelector<HTMLElement>('[data-reference-body]')!;
		const template = doc.querySelector<HTMLTemplateElement>(`template[data-reference="${id}"]`);
		// The reference is this site's own build output, never user data.
		if (!body.hasChildNodes() && template) body.append(template.content.cloneNode(true));
		panel.hidden = false;
		panel.closest('[data-section]')?.classList.add('is-comparing');
		button.setAttribute('aria-expanded', 'true');
		setText(button.querySelector('[data-label]'), 'Hide the reference');
		if (!attempt.revealed.includes(id)) change({ ...attempt, revealed: [...attempt.revealed, id] });
	});

	function closeReferences(): void {
		for (const button of $$<HTMLButtonElement>('[data-compare]')) {
			button.setAttribute('aria-expanded', 'false');
			setText(button.querySelector('[data-label]'), 'Compare with the reference');
		}
		for (const panel of $$('[data-reference-panel]')) panel.hidden = true;
		for (const s of $$('.is-comparing')) s.classList.remove('is-comparing');
	}

	// ── rubric ────────────────────────────────────────────────────────────
	root.addEventListener('change', (event) => {
		const radio = event.target as HTMLInputElement;
		const dim = radio.dataset?.score;
		if (!dim) return;
		change({ ...attempt, scores: { ...attempt.scores, [dim]: Number(radio.value) } });
		renderScore();
	});

	function renderScore(): void {
		const { total, scored, of } = rubricTotal(info.rubric, attempt.scores);
		setText($('[data-rubric-total]'), String(total));
		setText($('[data-rubric-count]'), `(${scored} of ${of} dimensions scored)`);
	}

	// ── attempts ──────────────────────────────────────────────────────────
	/** Shows another attempt; the one left behind stops its clock. */
	function open(next: Attempt, note: string): void {
		flush();
		if (isRunning(attempt.timer)) change({ ...attempt, timer: pauseTimer(attempt.timer, Date.now()) });
		attempt = next;
		// currentId null means "a new, still empty attempt is open".
		store = { ...store, currentId: isStored(next) ? next.id : null };
		dirty = true;
		flush();
		render();
		say(note);
	}

	$('[data-new-attempt]')?.addEventListener('click', () => {
		if (!isStored(attempt)) return say('This attempt is still empty, so it is already a new one.');
		open(fresh(), 'New attempt started. Your earlier attempts are listed below.');
		$('textarea[data-answer]')?.focus();
	});

	$('[data-attempt-list]')?.addEventListener('click', (event) => {
		const button = (event.target as Element).closest<HTMLButtonElement>('button[data-attempt]');
		if (!button) return;
		const target = store.attempts.find((a) => a.id === button.dataset.attempt);
		if (!target) return;
		if (button.dataset.action === 'open') return open(target, `Opened the attempt started ${formatDate(target.createdAt)}.`);
		if (!confirm(`Delete the attempt started ${formatDate(target.createdAt)}? This cannot be undone.`)) return;
		const wasOpen = target.id === attempt.id;
		store = { ...store, attempts: store.attempts.filter((a) => a.id !== target.id) };
		if (wasOpen) attempt = store.attempts.at(-1) ?? fresh();
		store = { ...store, currentId: isStored(attempt) ? attempt.id : null };
		dirty = true;
		flush();
		render();
		say(`Deleted the attempt started ${formatDate(target.createdAt)}.`);
		$('#attempt-list-title')?.focus();
	});

	function renderAttempts(): void {
		const list = $('[data-attempt-list]');
		if (!list) return;
		// An attempt exists from the first thing typed, timed or scored: an untouched one is not listed as if it were saved.
		const pending = doc.createElement('li');
		pending.classList.add('is-current');
		pending.textContent = store.attempts.length
			? 'New attempt · open now · saved as soon as you type, time or score'
			: 'None yet. An attempt is saved here as soon as you type an answer, start the timer or score yourself.';
		const all = store.attempts;
		list.replaceChildren(
			...all.map((a) => {
				const li = doc.createElement('li');
				const current = a.id === attempt.id;
				li.classList.toggle('is-current', current);
				const { total, scored } = rubricTotal(info.rubric, a.scores);
				const used = formatDuration(timerStatus(a.timer, {}, Date.now()).elapsedMs);
				const summary = doc.createElement('span');
				summary.textContent = `Started ${formatDate(a.createdAt)} · ${used} used of ${a.timer.minutes} min · ${scored ? `score ${total}/100` : 'not scored'}${current ? ' · open now' : ''}`;
				li.append(summary);
				if (isStored(a)) {
					if (!current) li.append(' ', actionButton('open', 'Open', a));
					li.append(' ', actionButton('delete', 'Delete', a));
				}
				return li;
			}),
			...(isStored(attempt) ? [] : [pending]),
		);
	}

	function actionButton(action: 'open' | 'delete', label: string, a: Attempt): HTMLButtonElement {
		const b = doc.createElement('button');
		b.type = 'button';
		b.className = 'practice-button practice-button-small';
		b.dataset.attempt = a.id;
		b.dataset.action = action;
		const hidden = doc.createElement('span');
		hidden.className = 'sr-only';
		hidden.textContent = ` the attempt started ${formatDate(a.createdAt)}`;
		b.append(label, hidden);
		return b;
	}

	// ── export, import, print ─────────────────────────────────────────────
	for (const button of $$<HTMLButtonElement>('[data-export]')) {
		button.addEventListener('click', () => {
			flush();
			const now = Date.now();
			const markdown = button.dataset.export === 'md';
			const text = markdown ? attemptToMarkdown(attempt, info, now) : attemptToJson(attempt, info, now);
			download(exportFileName(info.slug, attempt, markdown ? 'md' : 'json'), markdown ? 'text/markdown' : 'application/json', text);
		});
	}

	const importInput = $<HTMLInputElement>('[data-import]');
	importInput?.addEventListener('change', async () => {
		const file = importInput.files?.[0];
		importInput.value = '';
		if (!file) return;
		if (file.size > MAX_IMPORT_BYTES) return say(`Not imported: “${file.name}” is ${formatBytes(file.size)}; an exported attempt is at most ${formatBytes(MAX_IMPORT_BYTES)}.`, true);
		let text: string;
		try {
			text = await file.text();
		} catch {
			return say(`Not imported: “${file.name}” could not be read.`, true);
		}
		const result = parseAttemptFile(text, info, { now: Date.now() });
		if (!result.ok) return say(`Not imported: ${result.message}`, true);
		store = { ...store, attempts: [...store.attempts, result.attempt] };
		open(result.attempt, `Imported the attempt started ${formatDate(result.attempt.createdAt)} from “${file.name}”; it is open now. Your other attempts are listed below.`);
	});

	$('[data-print]')?.addEventListener('click', () => {
		flush();
		print();
	});
	$('[data-print-blank]')?.addEventListener('click', () => {
		const html = doc.documentElement;
		html.classList.add('practice-blank');
		addEventListener('afterprint', () => html.classList.remove('practice-blank'), { once: true });
		print();
	});

	// ── whole page ────────────────────────────────────────────────────────
	function render(): void {
		closeReferences();
		for (const box of $$<HTMLTextAreaElement>('textarea[data-answer]')) {
			box.value = attempt.answers[box.dataset.answer!] ?? '';
			setText($(`[data-print-for="${box.dataset.answer}"]`), box.value);
		}
		for (const radio of $$<HTMLInputElement>('input[data-score]')) radio.checked = attempt.scores[radio.dataset.score!] === Number(radio.value);
		renderBudgets();
		renderTimer();
		renderScore();
		renderAttempts();
	}

	function say(text: string, error = false): void {
		setText(message, text);
		message.classList.toggle('is-error', error);
	}

	for (const el of doc.querySelectorAll<HTMLElement>('[data-js-only]')) el.hidden = false;
	render();
	const notes = [...loaded.notices];
	if (!loaded.available) notes.push('This browser does not let the site store data, so what you write is lost when you close the tab. Use “Download as Markdown” or “Download as JSON” below to keep it.');
	if (notes.length) {
		setText(notice, notes.join(' '));
		notice.hidden = false;
	}
	if (!loaded.available) {
		setText(saveStatus, 'Not saved: storage is blocked');
		saveStatus.classList.add('is-error');
	} else if (isStored(attempt)) setText(saveStatus, 'Saved');
}

function setText(el: Element | null | undefined, text: string): void {
	if (el && el.textContent !== text) el.textContent = text;
}

function formatDate(ms: number): string {
	return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

function download(name: string, type: string, text: string): void {
	const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.hidden = true;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
