/** The home page's line about flashcards due today; shown only once the learner has reviewed a card. */
import { FLASHCARD_KEY, readToday } from '../lib/learning/flashcards/today.ts';
import { openSiteStorage } from '../lib/learning/site-storage.ts';

export function showCardsDue(doc: Document): void {
	const line = doc.querySelector<HTMLElement>('[data-home-review]');
	const count = line?.querySelector('[data-home-review-count]');
	if (!line || !count) return;
	let raw: string | null = null;
	try {
		raw = openSiteStorage(import.meta.env.BASE_URL)?.getItem(FLASHCARD_KEY) ?? null;
	} catch {
		return;
	}
	const today = readToday(raw, Date.now());
	if (!today) return;
	const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	count.textContent = today.due || today.new ? `${plural(today.due, 'card')} due today${today.new ? ` and ${today.new} new` : ''}.` : 'No cards due today.';
	line.hidden = false;
}
