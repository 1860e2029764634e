/**
 * Everything this browser holds for the learner, as one file: roadmap ticks,
 * checklist ticks per case, practice attempts per case, and the flashcard
 * history. Exported whole; imported after validation (zod/mini, size-capped),
 * with a plan that says what will be added and what replaced before anything
 * is written. Nothing is deleted by an import: ticks are unioned, attempts and
 * card histories are added, and only same-id ones that differ are replaced.
 */
import * as z from 'zod/mini';
import { describeIssue, type Attempt } from '../practice/attempt.ts';
import { docSchema, emptyDoc, loadPractice, savePractice, STORE_VERSION, type PracticeDoc, type StorageLike } from '../practice/storage.ts';
import { flashcardDocSchema, loadFlashcards, saveFlashcards, type FlashcardDoc } from '../flashcards/storage.ts';
import { mergeHistories } from '../flashcards/merge.ts';
import { formatBytes } from '../../numbers/estimates.ts';
import { parseProgress, ROADMAP_STORAGE_KEY, serializeProgress } from '../roadmap-progress.ts';

export const PROGRESS_FORMAT = 'mlsd-workbook/progress';
export const PROGRESS_VERSION = 1;
export const MAX_PROGRESS_BYTES = 20_000_000;
export const CHECKLIST_PREFIX = 'mlsd:checklist:v1:';

export interface ProgressBundle {
	format: typeof PROGRESS_FORMAT;
	version: typeof PROGRESS_VERSION;
	exportedAt: string;
	/** Roadmap tick ids. */
	roadmap: string[];
	/** Checklist tick ids per case slug. */
	checklists: Record<string, string[]>;
	/** Practice attempts per case slug (cases with none are left out). */
	practice: Record<string, PracticeDoc>;
	/** The flashcard history, or null before the first review. */
	flashcards: FlashcardDoc | null;
}

const slug = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), z.maxLength(80));
const tick = z.string().check(z.maxLength(200));

const bundleSchema = z.strictObject({
	format: z.literal(PROGRESS_FORMAT),
	version: z.literal(PROGRESS_VERSION),
	exportedAt: z.string().check(z.maxLength(40)),
	roadmap: z.array(tick).check(z.maxLength(5000)),
	checklists: z.record(slug, z.array(tick).check(z.maxLength(1000))),
	practice: z.record(slug, docSchema),
	flashcards: z.nullable(flashcardDocSchema),
});

function readChecklist(storage: StorageLike, s: string): string[] {
	try {
		const parsed: unknown = JSON.parse(storage.getItem(CHECKLIST_PREFIX + s) ?? '[]');
		return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
	} catch {
		return [];
	}
}

/** Reads everything stored for these cases, through the same loaders the pages use (so old formats are migrated first). */
export function collectProgress(storage: StorageLike | null, slugs: string[], now: number, firstSection: string): ProgressBundle {
	const bundle: ProgressBundle = { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, exportedAt: new Date(now).toISOString(), roadmap: [], checklists: {}, practice: {}, flashcards: null };
	if (!storage) return bundle;
	let roadmapRaw: string | null = null;
	try {
		roadmapRaw = storage.getItem(ROADMAP_STORAGE_KEY);
	} catch {
		// Blocked storage reads as nothing stored.
	}
	bundle.roadmap = [...parseProgress(roadmapRaw)];
	for (const s of slugs) {
		const ticks = readChecklist(storage, s);
		if (ticks.length) bundle.checklists[s] = ticks;
		const practice = loadPractice(storage, s, { now, firstSection }).doc;
		if (practice.attempts.length) bundle.practice[s] = practice;
	}
	const cards = loadFlashcards(storage, now).doc;
	if (Object.keys(cards.cards).length) bundle.flashcards = cards;
	return bundle;
}

export function progressToJson(bundle: ProgressBundle): string {
	return `${JSON.stringify(bundle, null, 2)}\n`;
}

export type ParsedBundle = { ok: true; bundle: ProgressBundle } | { ok: false; message: string };

/** Reads an exported progress file; any problem gives a message and no data. */
export function parseProgressFile(text: string): ParsedBundle {
	const bytes = new TextEncoder().encode(text).length;
	if (bytes > MAX_PROGRESS_BYTES) return { ok: false, message: `This file is ${formatBytes(bytes)}; a progress export is at most ${formatBytes(MAX_PROGRESS_BYTES)}.` };
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { ok: false, message: 'This file is not JSON. Choose the .json file this page exported.' };
	}
	if ((data as { format?: unknown } | null)?.format !== PROGRESS_FORMAT) return { ok: false, message: 'This JSON file is not a progress export from the MLSD Workbook (a single practice attempt is imported on its worksheet instead).' };
	const parsed = bundleSchema.safeParse(data);
	if (!parsed.success) return { ok: false, message: `This export is damaged or from an incompatible version, so nothing was imported (${parsed.error.issues.slice(0, 3).map(describeIssue).join('; ')}).` };
	return { ok: true, bundle: parsed.data as ProgressBundle };
}

export interface PlanLine {
	/** What the line is about ("Roadmap", "Practice: TikTok feed", "Flashcards"). */
	what: string;
	add: number;
	replace: number;
	/** The unit counted ("tick", "attempt", "card history"). */
	unit: string;
}

export interface ImportPlan {
	lines: PlanLine[];
	adds: number;
	replaces: number;
	/** Cases in the file this site does not have; their data is left out. */
	unknownCases: string[];
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What importing `incoming` over `current` would do, before doing it. */
export function planImport(current: ProgressBundle, incoming: ProgressBundle, titles: Record<string, string>): ImportPlan {
	const lines: PlanLine[] = [];
	const known = (s: string) => Object.hasOwn(titles, s);
	const unknownCases = [...new Set([...Object.keys(incoming.checklists), ...Object.keys(incoming.practice)])].filter((s) => !known(s)).sort();
	const newTicks = (have: string[], add: string[]) => add.filter((t) => !have.includes(t)).length;
	const roadmap = newTicks(current.roadmap, incoming.roadmap);
	if (roadmap) lines.push({ what: 'Roadmap', add: roadmap, replace: 0, unit: 'tick' });
	for (const [s, ticks] of Object.entries(incoming.checklists)) {
		const add = known(s) ? newTicks(current.checklists[s] ?? [], ticks) : 0;
		if (add) lines.push({ what: `Checklist: ${titles[s]}`, add, replace: 0, unit: 'tick' });
	}
	for (const [s, doc] of Object.entries(incoming.practice)) {
		if (!known(s)) continue;
		const here = new Map((current.practice[s]?.attempts ?? []).map((a) => [a.id, a]));
		const add = doc.attempts.filter((a) => !here.has(a.id)).length;
		const replace = doc.attempts.filter((a) => here.has(a.id) && !sameJson(here.get(a.id), a)).length;
		if (add || replace) lines.push({ what: `Practice: ${titles[s]}`, add, replace, unit: 'attempt' });
	}
	if (incoming.flashcards) {
		const here = current.flashcards?.cards ?? {};
		const ids = Object.keys(incoming.flashcards.cards);
		const add = ids.filter((id) => !Object.hasOwn(here, id)).length;
		const replace = ids.filter((id) => Object.hasOwn(here, id) && !sameJson(here[id], incoming.flashcards!.cards[id])).length;
		if (add || replace) lines.push({ what: 'Flashcards', add, replace, unit: 'card history' });
	}
	return { lines, adds: lines.reduce((n, l) => n + l.add, 0), replaces: lines.reduce((n, l) => n + l.replace, 0), unknownCases };
}

export interface ApplyResult {
	/** Keys that could not be written, with why. Everything else was written. */
	failures: string[];
}

/** Writes the import: ticks unioned, attempts and card histories added or replaced by id (the file's copy wins), nothing removed. */
export function applyImport(storage: StorageLike, current: ProgressBundle, incoming: ProgressBundle, titles: Record<string, string>): ApplyResult {
	const failures: string[] = [];
	const write = (what: string, key: string, value: string) => {
		try {
			storage.setItem(key, value);
		} catch {
			failures.push(`${what}: not saved (storage is full or blocked)`);
		}
	};
	const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
	if (incoming.roadmap.some((t) => !current.roadmap.includes(t))) write('Roadmap', ROADMAP_STORAGE_KEY, serializeProgress(union(current.roadmap, incoming.roadmap)));
	for (const [s, ticks] of Object.entries(incoming.checklists)) {
		if (!Object.hasOwn(titles, s) || ticks.every((t) => (current.checklists[s] ?? []).includes(t))) continue;
		write(`Checklist: ${titles[s]}`, CHECKLIST_PREFIX + s, JSON.stringify(union(current.checklists[s] ?? [], ticks)));
	}
	for (const [s, doc] of Object.entries(incoming.practice)) {
		if (!Object.hasOwn(titles, s)) continue;
		const here = current.practice[s] ?? emptyDoc();
		const theirs = new Map(doc.attempts.map((a) => [a.id, a]));
		const attempts: Attempt[] = [...here.attempts.map((a) => theirs.get(a.id) ?? a), ...doc.attempts.filter((a) => !here.attempts.some((h) => h.id === a.id))];
		const merged: PracticeDoc = { version: STORE_VERSION, currentId: here.currentId ?? doc.currentId, attempts };
		if (sameJson(merged, here)) continue;
		const saved = savePractice(storage, s, merged);
		if (!saved.ok) failures.push(`Practice: ${titles[s]}: ${saved.message}`);
	}
	if (incoming.flashcards) {
		const here = current.flashcards;
		// The file's copy of each card wins, as the plan said; cards only here are kept.
		const merged = here ? { ...mergeHistories(here, incoming.flashcards), cards: { ...here.cards, ...incoming.flashcards.cards } } : incoming.flashcards;
		if (!here || !sameJson(merged, here)) {
			const saved = saveFlashcards(storage, merged);
			if (!saved.ok) failures.push(`Flashcards: ${saved.message}`);
		}
	}
	return { failures };
}
