/**
 * An attempt leaves the browser as Markdown (to read, share, paste) or JSON (to
 * import again, here or in another browser). Imports are untrusted: size-capped,
 * schema-checked, matched against this case's sections and rubric, and only
 * ever turned into a fresh attempt; a bad file changes nothing.
 */
import * as z from 'zod/mini';
import { attemptSchema, describeIssue, newAttemptId, upgradeAttemptV1, type Attempt } from './attempt.ts';
import { RUBRIC_FORMULA, describeTarget, rubricTotal, targetOf, targetVerdicts, type TargetLevelInfo } from './rubric.ts';
import { attemptCoverage, describeCoverage } from './coverage.ts';
import { formatDuration, frozenTimer, sectionSpentMs, elapsedMs } from './timer.ts';
import { formatBytes } from '../../numbers/estimates.ts';

/** Re-exported for the worksheet's client script: one byte formatter for the whole project. */
export { formatBytes };
import type { MockSource } from './mock.ts';

export const EXPORT_FORMAT = 'mlsd-workbook/practice-attempt';
export const EXPORT_VERSION = 3;
/** Largest file the import accepts, in bytes (1 MB). */
export const MAX_IMPORT_BYTES = 1_000_000;

/** What a worksheet knows about its case and the framework; built at site build time, embedded in the page. */
export interface WorksheetInfo {
	slug: string;
	title: string;
	prompt: string;
	context: string;
	sections: { id: string; title: string; question: string }[];
	rubric: { id: string; title: string; weight: number; levels: string[] }[];
	/** The case's key points per section id, for the self-check. */
	keyPoints: Record<string, string[]>;
	/** Levels a learner can aim for, lowest first. */
	targetLevels: TargetLevelInfo[];
	/** Interview lengths offered, in minutes. */
	lengths: number[];
	defaultMinutes: number;
	/** Section budgets in minutes, per interview length (`budgets["45"].model`). */
	budgets: Record<string, Record<string, number>>;
	/** Mock-interview mode: how many interjections, and what the interviewer may raise. */
	mock: { count: number; sources: MockSource[] };
}

const exportSchema = z.object({
	format: z.literal(EXPORT_FORMAT),
	// Format 1 files (before the key-point self-check) are upgraded on import; format 2 (before mock mode) reads as it is.
	version: z.literal([1, 2, EXPORT_VERSION]),
	case: z.string().check(z.maxLength(120)),
	exportedAt: z.optional(z.string().check(z.maxLength(40))),
	attempt: attemptSchema,
});

export type ImportResult = { ok: true; attempt: Attempt } | { ok: false; message: string };

/** The JSON export: a small envelope naming the format and case, around the attempt (timer stopped at `now`). */
export function attemptToJson(attempt: Attempt, info: WorksheetInfo, now: number): string {
	const snapshot: Attempt = { ...attempt, timer: frozenTimer(attempt.timer, now) };
	return `${JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, case: info.slug, caseTitle: info.title, exportedAt: new Date(now).toISOString(), attempt: snapshot }, null, 2)}\n`;
}

/** A readable write-up of the attempt: prompt, each section's answer and time, the self-assessment. */
export function attemptToMarkdown(attempt: Attempt, info: WorksheetInfo, now: number): string {
	const timer = frozenTimer(attempt.timer, now);
	const budgets = info.budgets[String(timer.minutes)] ?? {};
	const score = rubricTotal(info.rubric, attempt.scores);
	const revealed = info.sections.filter((s) => attempt.revealed.includes(s.id)).map((s) => s.title);
	const coverage = attemptCoverage(info.keyPoints, info.sections.map((s) => s.id), attempt.covered);
	const target = targetOf(info.targetLevels, attempt.target);
	const verdicts = targetVerdicts(info.rubric, attempt.scores, target);
	const lines = [
		`# Practice attempt: ${info.title}`,
		'',
		`- Started: ${formatDate(attempt.createdAt)}`,
		`- Interview length: ${timer.minutes} minutes; time used: ${formatDuration(elapsedMs(timer, now))}`,
		`- Self-assessment: ${score.total} / 100 (${score.scored} of ${score.of} dimensions scored)`,
		`- Target level: ${target.title}; ${describeTarget(verdicts, target).replace(/^M/, 'm')}`,
		`- Key points: ${describeCoverage(coverage.overall)}`,
		`- Reference answers viewed: ${revealed.length ? revealed.join(', ') : 'none'}`,
		'',
		'## The prompt',
		'',
		quote(info.prompt),
		'',
		quote(info.context),
	];
	info.sections.forEach((s, i) => {
		const answer = (attempt.answers[s.id] ?? '').trim();
		const used = formatDuration(sectionSpentMs(timer, s.id, now));
		lines.push('', `## ${i + 1}. ${s.title}`, '', `*${s.question}*`, '', `Time: ${used} of ${budgets[s.id] ?? '?'} min`, '', answer || '_(no answer)_');
		const points = Object.hasOwn(info.keyPoints, s.id) ? info.keyPoints[s.id] : [];
		if (points.length) {
			const ticked = new Set(Object.hasOwn(attempt.covered, s.id) ? attempt.covered[s.id] : []);
			lines.push('', `Key points (${describeCoverage(coverage.sections.get(s.id)!)}):`, '', ...points.map((p, j) => `- [${ticked.has(j) ? 'x' : ' '}] ${p}`));
		}
	});
	if (attempt.mock) lines.push(...mockMarkdown(attempt.mock, info));
	lines.push('', '## Self-assessment', '', `| Dimension | Weight | Score | Level | ${cell(target.title)} (${target.score}+) |`, '| --- | --- | --- | --- | --- |');
	info.rubric.forEach((d, i) => {
		const value = attempt.scores[d.id];
		const level = value ? d.levels[value - 1] : '';
		const verdict = { meets: 'meets', below: 'below', unscored: '–' }[verdicts[i].verdict];
		lines.push(`| ${cell(d.title)} | ${d.weight} | ${value ?? '–'} | ${cell(level ?? '')} | ${verdict} |`);
	});
	lines.push('', `Total: ${score.total} / 100, where ${RUBRIC_FORMULA}.`, '');
	return lines.join('\n');
}

/** `tiktok-feed-attempt-2025-03-01-1004.md` */
export function exportFileName(slug: string, attempt: Attempt, extension: 'md' | 'json'): string {
	const stamp = new Date(attempt.createdAt).toISOString().slice(0, 16).replace('T', '-').replace(':', '');
	return `${slug}-attempt-${stamp}.${extension}`;
}

/**
 * Reads an exported file back into a new attempt (fresh id, timer stopped). Any
 * problem — too large, not JSON, not an export, another case, unknown sections —
 * gives a message naming it, and no attempt.
 */
export function parseAttemptFile(text: string, info: WorksheetInfo, options: { now: number; newId?: string }): ImportResult {
	const bytes = new TextEncoder().encode(text).length;
	if (bytes > MAX_IMPORT_BYTES) return fail(`This file is ${formatBytes(bytes)}; an exported attempt is at most ${formatBytes(MAX_IMPORT_BYTES)}. Choose the .json file the worksheet exported.`);
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return fail('This file is not JSON. Choose the .json file the worksheet exported (the Markdown export cannot be imported).');
	}
	const format = (data as { format?: unknown } | null)?.format;
	if (format !== EXPORT_FORMAT) return fail('This JSON file is not a practice attempt exported by the MLSD Workbook.');
	const envelope = data as { version?: unknown; attempt?: unknown };
	if (envelope.version === 1) data = { ...envelope, attempt: upgradeAttemptV1(envelope.attempt) };
	const parsed = exportSchema.safeParse(data);
	if (!parsed.success) {
		const issues = parsed.error.issues.slice(0, 3).map(describeIssue).join('; ');
		return fail(`This export is damaged or from an incompatible version, so nothing was imported (${issues}).`);
	}
	const file = parsed.data;
	if (file.case !== info.slug) return fail(`This export is an attempt at another case ("${file.case}"). Open that case's worksheet to import it.`);
	const sectionIds = info.sections.map((s) => s.id);
	const rubricIds = info.rubric.map((d) => d.id);
	const a = file.attempt;
	const unknownSections = [...new Set([...Object.keys(a.answers), ...Object.keys(a.timer.spentMs), ...Object.keys(a.covered), ...a.revealed, a.timer.active])].filter((id) => !sectionIds.includes(id));
	if (a.mock) unknownSections.push(...new Set(a.mock.interjections.map((i) => i.section).filter((id) => !sectionIds.includes(id))));
	if (unknownSections.length) return fail(`This export has sections this worksheet does not (${unknownSections.map((s) => `"${s}"`).join(', ')}), so nothing was imported.`);
	const unknownDims = Object.keys(a.scores).filter((id) => !rubricIds.includes(id));
	if (unknownDims.length) return fail(`This export scores rubric dimensions this worksheet does not have (${unknownDims.map((s) => `"${s}"`).join(', ')}), so nothing was imported.`);
	// Rebuilt field by field into plain objects: nothing from the file is kept by reference.
	const attempt: Attempt = {
		id: options.newId ?? newAttemptId(options.now),
		createdAt: a.createdAt,
		updatedAt: options.now,
		answers: pick(a.answers, sectionIds),
		scores: pick(a.scores, rubricIds),
		revealed: a.revealed.filter((id, i) => a.revealed.indexOf(id) === i),
		covered: coveredIn(a.covered, info.keyPoints),
		...(a.target && info.targetLevels.some((l) => l.id === a.target) ? { target: a.target } : {}),
		...(a.mock ? { mock: { seed: a.mock.seed, endedAt: a.mock.endedAt, interjections: a.mock.interjections.map((i) => ({ id: i.id, kind: i.kind, section: i.section, atMs: i.atMs, prompt: i.prompt, sketch: i.sketch, shownAt: i.shownAt, answer: i.answer })) } } : {}),
		timer: { minutes: a.timer.minutes, runningSince: null, spentMs: pick(a.timer.spentMs, sectionIds), active: a.timer.active },
	};
	return { ok: true, attempt };
}

/** The interviewer's interjections: when each came, what was asked, the answer, and the sketch. */
function mockMarkdown(mock: NonNullable<Attempt['mock']>, info: WorksheetInfo): string[] {
	const titleOf = new Map(info.sections.map((s) => [s.id, s.title]));
	const lines = ['', '## Mock interview', '', `Seed ${mock.seed} (the same seed gives the same interjections at the same moments). ${mock.endedAt === null ? 'The interview had not been ended.' : 'Ended and revealed.'}`];
	mock.interjections.forEach((i, n) => {
		const when = `${formatDuration(i.atMs)} into the interview, during ${titleOf.get(i.section) ?? i.section}`;
		lines.push('', `### ${n + 1}. ${i.kind === 'change' ? 'Requirement change' : 'Follow-up question'} (${when})`, '', quote(i.prompt), '');
		lines.push(i.shownAt === null ? '_(not reached)_' : i.answer.trim() || '_(no answer)_');
		lines.push('', `Answer sketch: ${i.sketch}`);
	});
	return lines;
}

/** Ticks for key points this case has, each once, in order. */
function coveredIn(covered: Record<string, number[]>, keyPoints: Record<string, string[]>): Record<string, number[]> {
	const out: Record<string, number[]> = {};
	for (const [id, ticks] of Object.entries(covered)) {
		const total = Object.hasOwn(keyPoints, id) ? keyPoints[id].length : 0;
		const kept = [...new Set(ticks)].filter((i) => i < total).sort((a, b) => a - b);
		if (kept.length) out[id] = kept;
	}
	return out;
}

function pick<T>(record: Record<string, T>, keys: string[]): Record<string, T> {
	const out: Record<string, T> = {};
	for (const k of keys) if (Object.hasOwn(record, k)) out[k] = record[k];
	return out;
}

function fail(message: string): ImportResult {
	return { ok: false, message };
}


function formatDate(ms: number): string {
	return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function quote(text: string): string {
	return text.split('\n').map((l) => `> ${l}`).join('\n');
}

function cell(text: string): string {
	return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
