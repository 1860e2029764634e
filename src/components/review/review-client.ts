/**
 * The review session in the browser: fetches the built cards, reads the review
 * history, and shows one card at a time. Space reveals, 1–4 grade. Every grade
 * is saved at once; a failed save is said on the page and the history already
 * stored is left as it was. Card text is HTML the build rendered; nothing a
 * reader typed is ever put into the page as HTML.
 */
import type { ShippedCard, ShippedDeck } from '../../lib/learning/flashcards/site-deck.ts';
import { formatInterval, preview, type GradeValue } from '../../lib/learning/flashcards/schedule.ts';
import { buildQueue, gradeCard, mergeHistories, reconcile } from '../../lib/learning/flashcards/session.ts';
import { FLASHCARD_KEY, loadFlashcards, MAX_NEW_PER_DAY, saveFlashcards, type FlashcardDoc } from '../../lib/learning/flashcards/storage.ts';
import { probeStorage } from '../../lib/learning/practice/storage.ts';
import { siteStorage } from '../../lib/learning/site-storage.ts';

const KIND_LABEL: Record<ShippedCard['kind'], string> = { 'key-points': 'Key points', 'follow-up': 'Follow-up question', pitfall: 'Pitfall', definition: 'Definition' };

export async function startReview(doc: Document): Promise<void> {
	const found = doc.querySelector<HTMLElement>('[data-review]');
	if (!found) return;
	const root: HTMLElement = found;
	const $ = <T extends Element = HTMLElement>(s: string) => root.querySelector<T>(s)!;
	const notice = $('[data-review-notice]');
	const counts = $('[data-review-counts]');
	const card = $('[data-review-card]');
	const done = $('[data-review-done]');
	const saveStatus = $('[data-save-status]');
	const form = $('[data-review-filters]');
	const field = <T extends HTMLElement>(name: string) => form.querySelector<T>(`[name="${name}"]`)!;
	const base = root.dataset.base ?? '/';

	const raw = probeStorage(() => window.localStorage);
	const storage = raw && siteStorage(raw, import.meta.env.BASE_URL);
	const loaded = loadFlashcards(storage, Date.now());
	const notes = [...loaded.notices];
	if (!loaded.available) notes.push('This browser does not let the site store data, so your reviews are forgotten when you close the tab.');
	say(notes.join(' '));

	let cards: ShippedCard[];
	try {
		const response = await fetch(root.dataset.cardsUrl!);
		if (!response.ok) throw new Error(String(response.status));
		cards = ((await response.json()) as ShippedDeck).cards;
	} catch {
		counts.textContent = 'The cards could not be loaded. Reload the page to try again.';
		return;
	}

	let history: FlashcardDoc = reconcile(loaded.doc, cards);
	if (history !== loaded.doc && Object.keys(history.cards).length) save();
	let current: ShippedCard | undefined;
	let revealed = false;

	// A link can choose the filters (`?section=model`, from /progress/); they are kept like a choice made here.
	const params = new URLSearchParams(location.search);
	if (['case', 'domain', 'section'].some((k) => params.has(k))) {
		history = { ...history, settings: { ...history.settings, case: params.get('case') ?? '', domain: params.get('domain') ?? '', section: params.get('section') ?? '' } };
	}
	for (const name of ['case', 'domain', 'section'] as const) {
		const select = field<HTMLSelectElement>(name);
		// A filter naming a case or stage that no longer exists falls back to "all".
		select.value = history.settings[name];
		if (select.value !== history.settings[name]) select.value = '';
	}
	const limit = field<HTMLInputElement>('newPerDay');
	limit.value = String(history.settings.newPerDay);

	form.addEventListener('change', () => {
		const n = Math.round(Number(limit.value));
		const newPerDay = Number.isFinite(n) ? Math.min(MAX_NEW_PER_DAY, Math.max(0, n)) : history.settings.newPerDay;
		limit.value = String(newPerDay);
		const value = (name: string) => field<HTMLSelectElement>(name).value;
		history = { ...history, settings: { newPerDay, case: value('case'), domain: value('domain'), section: value('section') } };
		save();
		show();
	});

	$('[data-reveal]').addEventListener('click', reveal);
	for (const button of root.querySelectorAll<HTMLButtonElement>('[data-grade]')) button.addEventListener('click', () => grade(Number(button.dataset.grade) as GradeValue));
	doc.addEventListener('keydown', (event) => {
		if (event.ctrlKey || event.metaKey || event.altKey || !current) return;
		const target = event.target as HTMLElement;
		if (target.closest('input, select, textarea, [contenteditable]')) return;
		if (event.key === ' ' && !revealed) {
			// Space on a focused button presses it; only take Space when it would otherwise scroll.
			if (target.closest('button, a')) return;
			event.preventDefault();
			reveal();
		} else if (revealed && /^[1-4]$/.test(event.key)) {
			event.preventDefault();
			grade(Number(event.key) as GradeValue);
		}
	});
	// Another tab reviewed: take its history in, keep ours.
	addEventListener('storage', (event) => {
		if (!storage || event.key !== storage.keyFor(FLASHCARD_KEY)) return;
		history = mergeHistories(history, loadFlashcards(storage, Date.now()).doc);
		if (!revealed) show();
	});

	show();

	function show(): void {
		const now = Date.now();
		const queue = buildQueue(cards, history, now);
		counts.textContent = `${queue.due.length} due now, ${queue.newAllowed} new today${queue.laterToday.length ? `, ${queue.laterToday.length} more later today` : ''}.`;
		const previous = current;
		current = queue.next;
		revealed = false;
		if (!current) {
			card.hidden = true;
			done.hidden = false;
			done.textContent = queue.nextDueAt
				? `Nothing due right now. ${queue.laterToday.length} card${queue.laterToday.length === 1 ? ' comes' : 's come'} back in ${formatInterval(now, queue.nextDueAt)}; this page shows ${queue.laterToday.length === 1 ? 'it' : 'them'} when you reload.`
				: queue.unseen.length && !history.settings.newPerDay
					? 'Nothing due. New cards are off: set “New cards a day” above 0 to learn more.'
					: queue.unseen.length && !queue.newAllowed
						? `Done for today: you have seen today's ${history.settings.newPerDay} new cards. Raise “New cards a day” for more.`
						: 'Done for today: no cards are due with these filters.';
			if (previous) done.focus();
			return;
		}
		done.hidden = true;
		card.hidden = false;
		const stored = history.cards[current.id];
		$('[data-card-meta]').textContent = `${KIND_LABEL[current.kind]}${stored ? '' : ' · new'}`;
		$('[data-card-front]').innerHTML = current.front;
		$('[data-card-hint]').innerHTML = current.hint;
		const answer = $('[data-card-answer]');
		answer.innerHTML = current.back.map((b) => `<li>${b}</li>`).join('');
		$<HTMLAnchorElement>('[data-card-source]').href = base + current.href;
		$('[data-card-back]').hidden = true;
		$('[data-grades]').hidden = true;
		$('[data-reveal]').hidden = false;
		const next = preview(stored, now);
		for (const el of root.querySelectorAll<HTMLElement>('[data-next-for]')) el.textContent = formatInterval(now, next[Number(el.dataset.nextFor) as GradeValue]);
		if (previous) $('[data-card-front]').focus();
	}

	function reveal(): void {
		if (!current || revealed) return;
		revealed = true;
		$('[data-card-back]').hidden = false;
		$('[data-reveal]').hidden = true;
		$('[data-grades]').hidden = false;
		root.querySelector<HTMLButtonElement>('[data-grade="3"]')?.focus();
	}

	function grade(value: GradeValue): void {
		if (!current || !revealed) return;
		history = gradeCard(history, current.id, value, Date.now());
		save();
		show();
	}

	function save(): void {
		const result = saveFlashcards(storage, history);
		saveStatus.textContent = result.ok ? 'Saved in this browser.' : result.message;
		saveStatus.classList.toggle('is-error', !result.ok);
	}

	function say(text: string): void {
		notice.textContent = text;
		notice.hidden = !text;
	}
}
