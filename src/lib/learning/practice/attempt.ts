/**
 * One practice attempt at a case: the answers, the timer, the self-assessment.
 * The schema validates what comes back from storage and from imported files;
 * it uses zod/mini because it ships to the browser.
 */
import * as z from 'zod/mini';
import { newTimer, type TimerState } from './timer.ts';

export interface Attempt {
	/** Unique within a case's attempts. */
	id: string;
	/** When the attempt began (epoch ms). */
	createdAt: number;
	/** Last change (epoch ms). */
	updatedAt: number;
	/** Text per framework section id. */
	answers: Record<string, string>;
	/** Self-assessment score (1–4) per rubric dimension id. */
	scores: Record<string, number>;
	/** Section ids whose reference answer the user has revealed. */
	revealed: string[];
	/** Per section id, the indices of the key points the user ticked "I covered this" (format 2). */
	covered: Record<string, number[]>;
	/** The target level the user measures the attempt against (`senior`, `staff`); unset means the framework's first. */
	target?: string;
	/** Mock-interview mode (format 3): the interviewer's interjections and the answers to them. */
	mock?: MockState;
	timer: TimerState;
}

/** One thing the mock interviewer says mid-interview: a follow-up question or a requirement change. */
export interface Interjection {
	/** `follow-up:<id>` or `change:<id>`: where it came from. */
	id: string;
	kind: 'follow-up' | 'change';
	/** The section during whose budget it comes. */
	section: string;
	/** Interview time (elapsed on the timer, ms) at which it comes. */
	atMs: number;
	/** What the interviewer says, as it was when planned (the attempt stays readable if the case changes). */
	prompt: string;
	/** The answer sketch, revealed when the interview ends. */
	sketch: string;
	/** When it was shown (epoch ms); null until the timer reaches `atMs`. */
	shownAt: number | null;
	/** The learner's answer. */
	answer: string;
}

export interface MockState {
	/** Seed the interjections were chosen and timed from: the same seed gives the same interview. */
	seed: number;
	interjections: Interjection[];
	/** When the learner ended the interview and saw the sketches (epoch ms); null while it runs. */
	endedAt: number | null;
}

/** Longest answer kept for one section (characters); an exported file is capped at 1 MB anyway. */
export const MAX_ANSWER_CHARS = 200_000;

const kebab = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), z.maxLength(80));
// Epoch milliseconds between 2000 and 2200: rejects nonsense without trusting the file's clock.
const timestamp = z.number().check(z.minimum(946_684_800_000), z.maximum(7_258_118_400_000));
const duration = z.number().check(z.minimum(0), z.maximum(7 * 24 * 3_600_000));

export const timerSchema = z.strictObject({
	minutes: z.int().check(z.minimum(5), z.maximum(240)),
	runningSince: z.nullable(timestamp),
	spentMs: z.record(kebab, duration),
	active: kebab,
});

/** Most key points a section could list; indices beyond it are nonsense, not data. */
const MAX_KEY_POINT_INDEX = 99;

/** Most interjections one attempt holds (the framework asks for at most 8). */
const MAX_INTERJECTIONS = 12;

export const mockStateSchema = z.strictObject({
	seed: z.int().check(z.minimum(0), z.maximum(0xffffffff)),
	interjections: z
		.array(
			z.strictObject({
				id: z.string().check(z.regex(/^(follow-up|change):\S+$/), z.maxLength(120)),
				kind: z.enum(['follow-up', 'change']),
				section: kebab,
				atMs: duration,
				prompt: z.string().check(z.maxLength(2000)),
				sketch: z.string().check(z.maxLength(5000)),
				shownAt: z.nullable(timestamp),
				answer: z.string().check(z.maxLength(MAX_ANSWER_CHARS)),
			}),
		)
		.check(z.maxLength(MAX_INTERJECTIONS)),
	endedAt: z.nullable(timestamp),
});

export const attemptSchema = z.strictObject({
	id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
	createdAt: timestamp,
	updatedAt: timestamp,
	answers: z.record(kebab, z.string().check(z.maxLength(MAX_ANSWER_CHARS))),
	scores: z.record(kebab, z.int().check(z.minimum(1), z.maximum(4))),
	revealed: z.array(kebab).check(z.maxLength(100)),
	covered: z.record(kebab, z.array(z.int().check(z.minimum(0), z.maximum(MAX_KEY_POINT_INDEX))).check(z.maxLength(MAX_KEY_POINT_INDEX + 1))),
	target: z.optional(kebab),
	mock: z.optional(mockStateSchema),
	timer: timerSchema,
});

/**
 * Format 1 had no key-point self-check: its attempts become format 2 by gaining an
 * empty `covered`. Anything else is left as it was, for the format-2 schema to judge.
 */
export function upgradeAttemptV1(raw: unknown): unknown {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw) || 'covered' in raw) return raw;
	return { ...raw, covered: {} };
}

/** A fresh id: time-ordered and random enough to never collide within one browser. */
export function newAttemptId(now: number, random: () => number = Math.random): string {
	return `${now.toString(36)}-${Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')}`;
}

export function newAttempt(options: { now: number; minutes: number; firstSection: string; id?: string }): Attempt {
	const { now, minutes, firstSection } = options;
	return { id: options.id ?? newAttemptId(now), createdAt: now, updatedAt: now, answers: {}, scores: {}, revealed: [], covered: {}, timer: newTimer(minutes, firstSection) };
}

/** Whether the user has put anything into the attempt (worth saving, worth listing). */
export function hasContent(a: Attempt): boolean {
	return Object.values(a.answers).some((t) => t.trim() !== '') || a.mock !== undefined || Object.keys(a.scores).length > 0 || Object.values(a.covered).some((c) => c.length > 0) || a.timer.runningSince !== null || Object.values(a.timer.spentMs).some((ms) => ms > 0);
}

/** A zod issue as one line a user can act on: where in the file, and what was expected. */
export function describeIssue(issue: z.core.$ZodIssue): string {
	const where = issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : 'the file';
	const i = issue as z.core.$ZodIssue & { expected?: string; maximum?: number | bigint; minimum?: number | bigint; keys?: string[]; values?: unknown[] };
	switch (issue.code) {
		case 'invalid_type':
			return `${where}: expected ${i.expected}`;
		case 'too_big':
			return `${where}: too large (at most ${String(i.maximum)})`;
		case 'too_small':
			return `${where}: too small (at least ${String(i.minimum)})`;
		case 'invalid_value':
			return `${where}: expected ${(i.values ?? []).map((v) => JSON.stringify(v)).join(' or ')}`;
		case 'unrecognized_keys':
			return `${where}: unexpected field ${(i.keys ?? []).map((k) => `"${k}"`).join(', ')}`;
		case 'invalid_key':
			return `${where}: not a valid name`;
		default:
			return `${where}: not valid`;
	}
}
