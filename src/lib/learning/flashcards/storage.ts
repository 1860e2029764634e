/**
 * Where flashcard reviews live in the browser: one localStorage entry,
 * `mlsd:flashcards:v1` (namespaced by the site's base path, see
 * ../site-storage.ts), holding each card's FSRS schedule by card id, the review
 * settings, and per-day counts. Versioned like the practice storage: data that
 * cannot be read is copied aside to `…:corrupt:<timestamp>` with a notice, and
 * a failed write (full or blocked storage) leaves what was stored untouched and
 * says so.
 */
import * as z from 'zod/mini';
import type { StorageLike } from '../practice/storage.ts';
import { isQuotaError } from '../practice/storage.ts';
import type { Schedule } from './schedule.ts';

export const FLASHCARD_STORE_VERSION = 1;
/** The storage key (format 1); defined beside the home page's reader, which must not import the schema. */
export { FLASHCARD_KEY } from './today.ts';
import { FLASHCARD_KEY } from './today.ts';
/** New cards a day unless the learner sets another number. */
export const DEFAULT_NEW_PER_DAY = 20;
export const MAX_NEW_PER_DAY = 500;
/** Per-day counts older than this many days are dropped; they only feed "today" and recent stats. */
const KEEP_DAYS = 400;

export interface ReviewSettings {
	/** New cards introduced per day at most. */
	newPerDay: number;
	/** Filters: a case slug, a domain id, a framework section id; '' for all. */
	case: string;
	domain: string;
	section: string;
}

export interface DayCount {
	/** Cards seen for the first time that day. */
	new: number;
	/** Reviews graded that day (new cards included). */
	reviews: number;
}

export interface FlashcardDoc {
	version: typeof FLASHCARD_STORE_VERSION;
	settings: ReviewSettings;
	/** Schedule per card id; kept when a card is retired, so it comes back with its history if its source does. */
	cards: Record<string, Schedule>;
	/** Per local day, `YYYY-MM-DD`. */
	days: Record<string, DayCount>;
	/** Stored card ids whose source no longer exists (not counted as due). */
	retired: string[];
	/** How many cards the site had when the learner last opened /review/ (for the home page's new-card count). */
	deckSize: number;
}

export interface FlashcardLoad {
	doc: FlashcardDoc;
	available: boolean;
	notices: string[];
}

export type FlashcardSave = { ok: true } | { ok: false; reason: 'quota' | 'unavailable'; message: string };

const id = z.string().check(z.minLength(1), z.maxLength(200));
const count = z.int().check(z.minimum(0), z.maximum(1_000_000));
const epoch = z.number().check(z.minimum(0), z.maximum(7_258_118_400_000));

export const scheduleSchema = z.strictObject({
	due: epoch,
	stability: z.number().check(z.minimum(0)),
	difficulty: z.number().check(z.minimum(0), z.maximum(11)),
	scheduledDays: z.number().check(z.minimum(0)),
	learningSteps: count,
	reps: count,
	lapses: count,
	state: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
	lastReview: z.nullable(epoch),
});

const settingsSchema = z.strictObject({
	newPerDay: z.int().check(z.minimum(0), z.maximum(MAX_NEW_PER_DAY)),
	case: z.string().check(z.maxLength(80)),
	domain: z.string().check(z.maxLength(80)),
	section: z.string().check(z.maxLength(80)),
});

export const flashcardDocSchema = z.strictObject({
	version: z.literal(FLASHCARD_STORE_VERSION),
	settings: settingsSchema,
	cards: z.record(id, scheduleSchema),
	days: z.record(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)), z.strictObject({ new: count, reviews: count })),
	retired: z.array(id),
	deckSize: count,
});

export function emptyFlashcardDoc(): FlashcardDoc {
	return { version: FLASHCARD_STORE_VERSION, settings: { newPerDay: DEFAULT_NEW_PER_DAY, case: '', domain: '', section: '' }, cards: {}, days: {}, retired: [], deckSize: 0 };
}

/** Reads the review history. Never throws; unreadable data is copied aside and the readable cards kept. */
export function loadFlashcards(storage: StorageLike | null, now: number): FlashcardLoad {
	const notices: string[] = [];
	if (!storage) return { doc: emptyFlashcardDoc(), available: false, notices };
	let raw: string | null;
	try {
		raw = storage.getItem(FLASHCARD_KEY);
	} catch {
		return { doc: emptyFlashcardDoc(), available: false, notices };
	}
	if (raw === null) return { doc: emptyFlashcardDoc(), available: true, notices };
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		return { doc: setAside(storage, raw, emptyFlashcardDoc(), now, notices, 'is not valid JSON'), available: true, notices };
	}
	const result = flashcardDocSchema.safeParse(parsed);
	if (result.success) return { doc: result.data as FlashcardDoc, available: true, notices };
	const version = (parsed as { version?: unknown } | null)?.version;
	if (typeof version === 'number' && version > FLASHCARD_STORE_VERSION) {
		return { doc: setAside(storage, raw, emptyFlashcardDoc(), now, notices, `was written by a newer version of the workbook (format ${version})`), available: true, notices };
	}
	return { doc: setAside(storage, raw, salvage(parsed), now, notices, 'was not in the expected format') , available: true, notices };
}

/** Keeps every card schedule, setting and day count that still reads. */
export function salvage(parsed: unknown): FlashcardDoc {
	const doc = emptyFlashcardDoc();
	if (!parsed || typeof parsed !== 'object') return doc;
	const p = parsed as Record<string, unknown>;
	const settings = settingsSchema.safeParse(p.settings);
	if (settings.success) doc.settings = settings.data;
	if (p.cards && typeof p.cards === 'object') {
		for (const [key, value] of Object.entries(p.cards)) {
			const s = scheduleSchema.safeParse(value);
			if (s.success && id.safeParse(key).success) doc.cards[key] = s.data as Schedule;
		}
	}
	const days = flashcardDocSchema.shape.days.safeParse(p.days);
	if (days.success) doc.days = days.data;
	if (Array.isArray(p.retired)) doc.retired = p.retired.filter((r): r is string => id.safeParse(r).success);
	const size = count.safeParse(p.deckSize);
	if (size.success) doc.deckSize = size.data;
	return doc;
}

function setAside(storage: StorageLike, raw: string, salvaged: FlashcardDoc, now: number, notices: string[], why: string): FlashcardDoc {
	const key = `${FLASHCARD_KEY}:corrupt:${now}`;
	const shown = 'keyFor' in storage && typeof storage.keyFor === 'function' ? (storage.keyFor as (k: string) => string)(key) : key;
	try {
		storage.setItem(key, raw);
		notices.push(`Your saved review history ${why}. A copy was kept in this browser's storage under "${shown}"; reviews continue from what could be read.`);
		saveFlashcards(storage, salvaged);
	} catch {
		notices.push(`Your saved review history ${why}, and there was no room to keep a copy; it was left as it was, and reviews here will not be saved until there is room.`);
	}
	return salvaged;
}

/** Writes the review history; on failure the stored copy is untouched and the message says why. */
export function saveFlashcards(storage: StorageLike | null, doc: FlashcardDoc): FlashcardSave {
	if (!storage) return { ok: false, reason: 'unavailable', message: 'Not saved: this browser does not allow this site to store data, so reviews are forgotten when you close the tab.' };
	try {
		storage.setItem(FLASHCARD_KEY, JSON.stringify(pruneDays(doc)));
		return { ok: true };
	} catch (error) {
		if (isQuotaError(error)) return { ok: false, reason: 'quota', message: "Not saved: this browser's storage for this site is full. Your earlier reviews are kept; free some room (delete old practice attempts) to save new ones." };
		return { ok: false, reason: 'unavailable', message: 'Not saved: this browser refused to store the review. Your earlier reviews are kept.' };
	}
}

function pruneDays(doc: FlashcardDoc): FlashcardDoc {
	const keys = Object.keys(doc.days).sort();
	if (keys.length <= KEEP_DAYS) return doc;
	const kept = keys.slice(-KEEP_DAYS);
	return { ...doc, days: Object.fromEntries(kept.map((k) => [k, doc.days[k]])) };
}
