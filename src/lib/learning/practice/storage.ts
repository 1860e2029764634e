/**
 * Where practice attempts live in the browser: one localStorage entry per case,
 * `mlsd:practice:v3:<slug>` (namespaced by the site's base path, see
 * ../site-storage.ts), holding every attempt at that case. The format is
 * versioned; older formats are migrated on first read, and data that cannot be
 * read is copied aside to `…:corrupt:<timestamp>` instead of crashing the page
 * or being thrown away. Storage is injected (anything with getItem/setItem/
 * removeItem), so this module runs in Node tests as it runs in the browser.
 */
import * as z from 'zod/mini';
import { attemptSchema, upgradeAttemptV1, type Attempt } from './attempt.ts';

/** The slice of the Web Storage API this module uses. */
export interface StorageLike {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

export const STORE_VERSION = 3;

export interface PracticeDoc {
	version: typeof STORE_VERSION;
	/** The attempt the worksheet opens; null when a new, still empty attempt is open. */
	currentId: string | null;
	/** Every attempt at this case, oldest first. */
	attempts: Attempt[];
}

export interface LoadResult {
	doc: PracticeDoc;
	/** False when the browser gives no usable storage: nothing will be saved. */
	available: boolean;
	/** Things the user should be told (data set aside, migrated, unreadable). */
	notices: string[];
}

export type SaveResult = { ok: true } | { ok: false; reason: 'quota' | 'unavailable'; message: string };

export function storeKey(slug: string): string {
	return `mlsd:practice:v${STORE_VERSION}:${slug}`;
}

/** Where format 2 (before mock-interview mode) kept a case's attempts. */
export function v2Key(slug: string): string {
	return `mlsd:practice:v2:${slug}`;
}

/** Where format 1 (before the key-point self-check) kept a case's attempts. */
export function v1Key(slug: string): string {
	return `mlsd:practice:v1:${slug}`;
}

/** Where format 0 (before versioned keys) kept a case's single attempt. */
export function legacyKey(slug: string): string {
	return `mlsd:practice:${slug}`;
}

export function corruptKey(slug: string, now: number): string {
	return `${storeKey(slug)}:corrupt:${now}`;
}

export function emptyDoc(): PracticeDoc {
	return { version: STORE_VERSION, currentId: null, attempts: [] };
}

export const docSchema = z.strictObject({
	version: z.literal(STORE_VERSION),
	currentId: z.nullable(z.string()),
	attempts: z.array(attemptSchema),
});

/**
 * Format 0 kept one attempt per case under `mlsd:practice:<slug>`:
 * `{ answers: { [sectionId]: text }, startedAt: epochMs, minutes?: number }`,
 * with no timer history and no scores.
 */
const v0Schema = z.object({
	answers: z.record(z.string(), z.string()),
	startedAt: z.number(),
	minutes: z.optional(z.number()),
});

/**
 * Format 1 → 2: each attempt gains an empty key-point self-check; nothing else
 * changes. Format 2 → 3: mock-interview mode is optional per attempt, so every
 * format-2 attempt is already a format-3 one; only the version changes. Returns
 * the raw current shape for the usual reading (and salvage).
 */
export function migrateV1(raw: unknown): unknown {
	if (!raw || typeof raw !== 'object') return raw;
	const version = (raw as { version?: unknown }).version;
	if (version === 2) return { ...raw, version: STORE_VERSION };
	if (version !== 1) return raw;
	const { attempts } = raw as { attempts?: unknown };
	return { ...raw, version: STORE_VERSION, attempts: Array.isArray(attempts) ? attempts.map(upgradeAttemptV1) : attempts };
}

/** Format 0 → 2: the single attempt becomes the first (and current) of the list. */
export function migrateV0(raw: unknown, firstSection: string): PracticeDoc | undefined {
	const parsed = v0Schema.safeParse(raw);
	if (!parsed.success) return undefined;
	const { answers, startedAt, minutes } = parsed.data;
	const attempt: Attempt = {
		id: `v0-${Math.max(0, Math.floor(startedAt)).toString(36)}`,
		createdAt: startedAt,
		updatedAt: startedAt,
		answers,
		scores: {},
		revealed: [],
		covered: {},
		timer: { minutes: minutes ?? 45, runningSince: null, spentMs: {}, active: firstSection },
	};
	const doc: PracticeDoc = { version: STORE_VERSION, currentId: attempt.id, attempts: [attempt] };
	return docSchema.safeParse(doc).success ? doc : undefined;
}

/** Calls `open` (e.g. `() => window.localStorage`) and checks a write works; null when storage is blocked or broken. */
export function probeStorage(open: () => StorageLike): StorageLike | null {
	try {
		const storage = open();
		const key = 'mlsd:practice:probe';
		storage.setItem(key, '1');
		storage.removeItem(key);
		return storage;
	} catch {
		return null;
	}
}

export function isQuotaError(error: unknown): boolean {
	if (!error || typeof error !== 'object') return false;
	const e = error as { name?: unknown; code?: unknown };
	return e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22 || e.code === 1014;
}

/**
 * Reads a case's attempts. Never throws: missing data gives an empty list,
 * format 0 is migrated, and unreadable data is copied aside (the valid attempts
 * in it are kept) with a notice saying where the copy is.
 */
export function loadPractice(storage: StorageLike | null, slug: string, options: { now: number; firstSection: string }): LoadResult {
	const notices: string[] = [];
	if (!storage) return { doc: emptyDoc(), available: false, notices };
	let raw: string | null;
	try {
		raw = storage.getItem(storeKey(slug));
	} catch {
		return { doc: emptyDoc(), available: false, notices };
	}

	// An older format moves to the current key; the old entry goes only once the new one is safely written.
	let fromKey: string | null = null;
	for (const key of [v2Key(slug), v1Key(slug)]) {
		if (raw !== null) break;
		raw = tryGet(storage, key);
		if (raw !== null) fromKey = key;
	}
	if (raw === null) return { doc: loadLegacy(storage, slug, options, notices), available: true, notices };

	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		return { doc: replaceUnreadable(storage, slug, raw, emptyDoc(), options.now, notices, 'is not valid JSON'), available: true, notices };
	}
	parsed = migrateV1(parsed);
	const result = docSchema.safeParse(parsed);
	if (result.success && fromKey && savePractice(storage, slug, result.data).ok) tryRemove(storage, fromKey);
	if (result.success) return { doc: withValidCurrent(result.data), available: true, notices };

	const version = (parsed as { version?: unknown } | null)?.version;
	if (typeof version === 'number' && version > STORE_VERSION) {
		return { doc: replaceUnreadable(storage, slug, raw, emptyDoc(), options.now, notices, `was written by a newer version of the workbook (format ${version})`), available: true, notices };
	}
	// Keep every attempt that still reads, so one damaged attempt does not cost the others.
	const list = (parsed as { attempts?: unknown } | null)?.attempts;
	const attempts = Array.isArray(list) ? list.flatMap((a) => { const r = attemptSchema.safeParse(a); return r.success ? [r.data] : []; }) : [];
	const lost = Array.isArray(list) ? list.length - attempts.length : 0;
	const currentId = (parsed as { currentId?: unknown } | null)?.currentId;
	const salvaged = withValidCurrent({ version: STORE_VERSION, currentId: typeof currentId === 'string' ? currentId : null, attempts });
	const why = lost ? `had ${lost} unreadable attempt${lost === 1 ? '' : 's'}` : 'was not in the expected format';
	return { doc: replaceUnreadable(storage, slug, raw, salvaged, options.now, notices, why), available: true, notices };
}

/**
 * Copies unreadable data aside, then stores what could be read in its place so
 * the next load is clean. Without room for the copy the original stays where it
 * is, untouched, and the page works from the salvaged data in memory.
 */
function replaceUnreadable(storage: StorageLike, slug: string, raw: string, salvaged: PracticeDoc, now: number, notices: string[], why: string): PracticeDoc {
	if (setAside(storage, slug, raw, now, notices, why)) savePractice(storage, slug, salvaged);
	return salvaged;
}

function loadLegacy(storage: StorageLike, slug: string, options: { now: number; firstSection: string }, notices: string[]): PracticeDoc {
	let raw: string | null = null;
	try {
		raw = storage.getItem(legacyKey(slug));
	} catch {
		return emptyDoc();
	}
	if (raw === null) return emptyDoc();
	let doc: PracticeDoc | undefined;
	try {
		doc = migrateV0(JSON.parse(raw), options.firstSection);
	} catch {
		doc = undefined;
	}
	if (!doc) {
		if (setAside(storage, slug, raw, options.now, notices, 'from an older version could not be read')) tryRemove(storage, legacyKey(slug));
		return emptyDoc();
	}
	// The old entry goes only once the migrated one is safely written.
	if (savePractice(storage, slug, doc).ok) tryRemove(storage, legacyKey(slug));
	return doc;
}

function setAside(storage: StorageLike, slug: string, raw: string, now: number, notices: string[], why: string): boolean {
	const key = corruptKey(slug, now);
	// Name the key as the browser's storage shows it (namespaced by the site's base path).
	const shown = 'keyFor' in storage && typeof storage.keyFor === 'function' ? (storage.keyFor as (k: string) => string)(key) : key;
	try {
		storage.setItem(key, raw);
		notices.push(`Your saved practice data for this case ${why}. A copy was kept in this browser's storage under "${shown}"; the worksheet starts from what could be read.`);
		return true;
	} catch {
		notices.push(`Your saved practice data for this case ${why}, and there was no room to keep a copy; it was left as it was. The worksheet starts from what could be read.`);
		return false;
	}
}

function tryGet(storage: StorageLike, key: string): string | null {
	try {
		return storage.getItem(key);
	} catch {
		return null;
	}
}

function tryRemove(storage: StorageLike, key: string): void {
	try {
		storage.removeItem(key);
	} catch {
		// Leaving a stale entry behind is harmless.
	}
}

/** A current id that names no attempt falls back to the latest one; null (a new, empty attempt is open) stays. */
function withValidCurrent(doc: PracticeDoc): PracticeDoc {
	if (doc.currentId === null || doc.attempts.some((a) => a.id === doc.currentId)) return doc;
	return { ...doc, currentId: doc.attempts.at(-1)?.id ?? null };
}

/** Writes a case's attempts; on failure says why in words the page can show. */
export function savePractice(storage: StorageLike | null, slug: string, doc: PracticeDoc): SaveResult {
	if (!storage) return { ok: false, reason: 'unavailable', message: 'Not saved: this browser does not allow this site to store data. Export your attempt to keep it.' };
	try {
		storage.setItem(storeKey(slug), JSON.stringify(doc));
		return { ok: true };
	} catch (error) {
		if (isQuotaError(error)) return { ok: false, reason: 'quota', message: "Not saved: this browser's storage for this site is full. Export your attempt to keep it, then delete old attempts to make room." };
		return { ok: false, reason: 'unavailable', message: 'Not saved: this browser refused to store the attempt. Export your attempt to keep it.' };
	}
}
