/**
 * "Today" for the review history: the learner's local day, and the counts the
 * home page shows. Kept apart from the scheduler and the schema so the home
 * page's script stays a few hundred bytes (no ts-fsrs, no zod).
 */
import type { FlashcardDoc } from './storage.ts';

/** Where the review history lives (format 1; see storage.ts). */
export const FLASHCARD_KEY = 'mlsd:flashcards:v1';

/** The learner's local calendar day, `YYYY-MM-DD`: "today" is the learner's day, not UTC's. */
export function dayKey(now: number): string {
	const d = new Date(now);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The last millisecond of the learner's local day. */
export function endOfDay(now: number): number {
	const d = new Date(now);
	d.setHours(23, 59, 59, 999);
	return d.getTime();
}

export function newToday(doc: Pick<FlashcardDoc, 'days'>, now: number): number {
	const day = dayKey(now);
	return Object.hasOwn(doc.days, day) ? doc.days[day].new : 0;
}

type TodayDoc = Pick<FlashcardDoc, 'cards' | 'days' | 'retired' | 'deckSize'> & { settings: Pick<FlashcardDoc['settings'], 'newPerDay'> };

/** Seen cards due by the end of today, and new cards today's limit still allows. */
export function todayCounts(doc: TodayDoc, now: number): { due: number; new: number } {
	const end = endOfDay(now);
	const retired = new Set(doc.retired);
	const stored = Object.entries(doc.cards).filter(([id]) => !retired.has(id));
	const due = stored.filter(([, s]) => s.due <= end).length;
	const unseen = Math.max(0, doc.deckSize - stored.length);
	return { due, new: Math.min(unseen, Math.max(0, doc.settings.newPerDay - newToday(doc, now))) };
}

/**
 * The home page's reading of the stored history: null until the learner has
 * reviewed a card (or when the data is unreadable; /review/ reports that).
 */
export function readToday(raw: string | null, now: number): { due: number; new: number } | null {
	if (raw === null) return null;
	try {
		const doc = JSON.parse(raw) as Partial<TodayDoc>;
		if (!doc || typeof doc !== 'object' || !doc.cards || typeof doc.cards !== 'object' || !Object.keys(doc.cards).length) return null;
		const cards = Object.fromEntries(Object.entries(doc.cards).filter(([, s]) => s && typeof s.due === 'number'));
		const days = doc.days && typeof doc.days === 'object' ? doc.days : {};
		const retired = Array.isArray(doc.retired) ? doc.retired : [];
		const newPerDay = typeof doc.settings?.newPerDay === 'number' ? doc.settings.newPerDay : 0;
		return todayCounts({ cards, days, retired, deckSize: typeof doc.deckSize === 'number' ? doc.deckSize : 0, settings: { newPerDay } }, now);
	} catch {
		return null;
	}
}
