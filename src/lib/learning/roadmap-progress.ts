/**
 * The roadmap's ticks as the browser stores them. Plain functions with no DOM,
 * shared by the page script and the tests; a corrupt or foreign value reads as
 * "nothing ticked" rather than an error.
 */

/** localStorage key; a new format gets a new version so old data is never misread. */
export const ROADMAP_STORAGE_KEY = 'mlsd:roadmap:v1';

interface StoredProgress {
	version: 1;
	/** Tick ids (`week-3`, `week-3/bfs-dfs`, `project/logging`), in the order ticked. */
	done: string[];
}

const TICK_ID = /^(week-\d+(\/[a-z0-9-]+)?|project\/[a-z0-9-]+)$/;

/** The ticked ids in a stored value; anything unreadable yields an empty set. */
export function parseProgress(raw: string | null | undefined): Set<string> {
	if (!raw) return new Set();
	let value: unknown;
	try {
		value = JSON.parse(raw);
	} catch {
		return new Set();
	}
	if (typeof value !== 'object' || value === null || (value as { version?: unknown }).version !== 1) return new Set();
	const done = (value as { done?: unknown }).done;
	if (!Array.isArray(done)) return new Set();
	return new Set(done.filter((id): id is string => typeof id === 'string' && TICK_ID.test(id)));
}

/** The stored form of a set of ticks. */
export function serializeProgress(done: Iterable<string>): string {
	const stored: StoredProgress = { version: 1, done: [...new Set(done)] };
	return JSON.stringify(stored);
}

export interface ProgressSummary {
	weeksDone: number;
	weeksTotal: number;
	actionsDone: number;
	actionsTotal: number;
}

/**
 * Counts ticks against the ids on the page, ignoring stored ids the page no
 * longer has (a week's action renamed or removed).
 */
export function summarizeProgress(done: Set<string>, weekIds: string[], actionIds: string[]): ProgressSummary {
	return {
		weeksDone: weekIds.filter((id) => done.has(id)).length,
		weeksTotal: weekIds.length,
		actionsDone: actionIds.filter((id) => done.has(id)).length,
		actionsTotal: actionIds.length,
	};
}

/** The sentence beside the progress bar: "3 of 16 weeks done · 12 of 41 actions ticked". */
export function describeProgress(s: ProgressSummary): string {
	return `${s.weeksDone} of ${s.weeksTotal} weeks done · ${s.actionsDone} of ${s.actionsTotal} actions ticked`;
}
