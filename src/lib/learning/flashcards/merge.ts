/** Merging review histories; apart from the scheduler so /progress/ can import histories without loading FSRS. */
import type { FlashcardDoc } from './storage.ts';

/**
 * Two copies of the history (this tab's and another tab's, or an import and
 * what is here) as one: for each card the copy reviewed last wins, each day
 * keeps the larger counts, settings come from `mine`. Nothing in either is lost.
 */
export function mergeHistories(mine: FlashcardDoc, theirs: FlashcardDoc): FlashcardDoc {
	const cards = { ...theirs.cards };
	for (const [id, s] of Object.entries(mine.cards)) {
		const other = Object.hasOwn(cards, id) ? cards[id] : undefined;
		if (!other || (s.lastReview ?? 0) >= (other.lastReview ?? 0)) cards[id] = s;
	}
	const days = { ...theirs.days };
	for (const [day, c] of Object.entries(mine.days)) {
		const other = Object.hasOwn(days, day) ? days[day] : undefined;
		days[day] = other ? { new: Math.max(c.new, other.new), reviews: Math.max(c.reviews, other.reviews) } : c;
	}
	return { ...mine, cards, days, retired: [...new Set([...mine.retired, ...theirs.retired])].filter((id) => Object.hasOwn(cards, id)).sort(), deckSize: Math.max(mine.deckSize, theirs.deckSize) };
}
