/**
 * A problem a contributor can cause, and the one report format used by
 * `npm run check`, the build and the tests: grouped by file, with line numbers,
 * ending "Found N problems in M files."
 */
export interface Problem {
	/** Path relative to the project root, e.g. `case-studies/tiktok-feed.mdx`. */
	file: string;
	/** 1-based line in the file, when known. */
	line?: number;
	/** 1-based column, when known. */
	column?: number;
	/** Dotted frontmatter field path, when the problem is in a field. */
	field?: string;
	/** What is wrong and what was expected. */
	message: string;
	/** How to fix it, as an instruction. */
	fix?: string;
	/** Warnings are reported but fail nothing (a draft below the case standard's minimums). */
	severity?: 'warning';
}

export function problem(file: string, message: string, extra: Omit<Problem, 'file' | 'message'> = {}): Problem {
	return { file, message, ...extra };
}

/** One line per problem: `file:line: message (field: x). Fix.` */
export function formatProblem(p: Problem): string {
	const where = p.line ? `${p.file}:${p.line}${p.column ? `:${p.column}` : ''}` : p.file;
	const field = p.field ? ` [${p.field}]` : '';
	const fix = p.fix ? `\n    fix: ${p.fix}` : '';
	const level = p.severity === 'warning' ? ' warning:' : '';
	return `${where}:${field}${level} ${p.message}${fix}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const isError = (p: Problem) => p.severity !== 'warning';
export const isWarning = (p: Problem) => p.severity === 'warning';

/** Problems that fail `npm run check` and the build: everything but warnings. */
export function errorsOf(problems: Problem[]): Problem[] {
	return problems.filter(isError);
}

/** The whole report, grouped by file, sorted by line, with a closing count; warnings are counted apart. */
export function formatReport(problems: Problem[]): string {
	if (problems.length === 0) return 'No problems found.';
	const byFile = new Map<string, Problem[]>();
	for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
	const blocks = [...byFile.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([file, list]) => {
			const lines = [...list].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)).map((p) => '  ' + formatProblem(p).replace(/\n/g, '\n  '));
			return `${file}\n${lines.join('\n')}`;
		});
	const errors = problems.filter(isError).length;
	const warnings = problems.length - errors;
	const files = plural(byFile.size, 'file');
	const summary = !warnings
		? `Found ${plural(errors, 'problem')} in ${files}.`
		: errors
			? `Found ${plural(errors, 'problem')} and ${plural(warnings, 'warning')} in ${files}.`
			: `No problems found; ${plural(warnings, 'warning')} in ${files} (warnings fail neither the check nor the build).`;
	return `${blocks.join('\n\n')}\n\n${summary}`;
}

/** Thrown where content is wrong; carries the problems so callers can print the report. */
export class ContentError extends Error {
	readonly problems: Problem[];
	constructor(problems: Problem[]) {
		super(formatReport(problems));
		this.problems = problems;
		this.name = 'ContentError';
	}
}
