/**
 * A review session as pure functions of the cards, the stored history and the
 * clock: which cards the filters keep, which are due, how many new cards today
 * still allows, which card comes next, and the history after a grade. The
 * browser (src/components/review/) only draws what these return.
 */
import type { Flashcard } from './cards.ts';
import { review, type GradeValue } from './schedule.ts';
import type { FlashcardDoc, ReviewSettings } from './storage.ts';
import { dayKey, endOfDay, newToday } from './today.ts';

export { dayKey, endOfDay, newToday, todayCounts } from './today.ts';
export { mergeHistories } from './merge.ts';

export function matchesFilters(card: Flashcard, settings: Pick<ReviewSettings, 'case' | 'domain' | 'section'>): boolean {
	if (settings.case && !card.cases.includes(settings.case)) return false;
	if (settings.domain && !card.domains.includes(settings.domain)) return false;
	if (settings.section && card.section !== settings.section) return false;
	return true;
}

export interface Queue {
	/** Seen cards due now, earliest first. */
	due: Flashcard[];
	/** Seen cards due later today (learning steps, today's reviews). */
	laterToday: Flashcard[];
	/** When the next of those is due, if any. */
	nextDueAt: number | null;
	/** Unseen cards the filters keep, in study order. */
	unseen: Flashcard[];
	/** New cards today's limit still allows (never more than `unseen`). */
	newAllowed: number;
	/** The card to show now: a due card first, else a new one within the limit. */
	next: Flashcard | undefined;
}

export function buildQueue(cards: Flashcard[], doc: FlashcardDoc, now: number): Queue {
	const kept = cards.filter((c) => matchesFilters(c, doc.settings));
	const seen = kept.filter((c) => Object.hasOwn(doc.cards, c.id));
	const byDue = (a: Flashcard, b: Flashcard) => doc.cards[a.id].due - doc.cards[b.id].due;
	const due = seen.filter((c) => doc.cards[c.id].due <= now).sort(byDue);
	const end = endOfDay(now);
	const laterToday = seen.filter((c) => doc.cards[c.id].due > now && doc.cards[c.id].due <= end).sort(byDue);
	const unseen = kept.filter((c) => !Object.hasOwn(doc.cards, c.id));
	const newAllowed = Math.min(unseen.length, Math.max(0, doc.settings.newPerDay - newToday(doc, now)));
	return { due, laterToday, nextDueAt: laterToday.length ? doc.cards[laterToday[0].id].due : null, unseen, newAllowed, next: due[0] ?? (newAllowed > 0 ? unseen[0] : undefined) };
}

/** The history after grading `card` at `now`: its new schedule, and today's counts. */
export function gradeCard(doc: FlashcardDoc, cardId: string, grade: GradeValue, now: number): FlashcardDoc {
	const before = Object.hasOwn(doc.cards, cardId) ? doc.cards[cardId] : undefined;
	const day = dayKey(now);
	const counts = doc.days[day] ?? { new: 0, reviews: 0 };
	return {
		...doc,
		cards: { ...doc.cards, [cardId]: review(before, grade, now) },
		days: { ...doc.days, [day]: { new: counts.new + (before ? 0 : 1), reviews: counts.reviews + 1 } },
	};
}

/**
 * Marks stored cards whose source is gone as retired (and un-retires those that
 * came back), and records the deck size; nothing is deleted.
 */
export function reconcile(doc: FlashcardDoc, cards: Flashcard[]): FlashcardDoc {
	const live = new Set(cards.map((c) => c.id));
	const retired = Object.keys(doc.cards).filter((id) => !live.has(id)).sort();
	const same = retired.length === doc.retired.length && retired.every((id, i) => id === doc.retired[i]) && doc.deckSize === cards.length;
	return same ? doc : { ...doc, retired, deckSize: cards.length };
}
