import { join } from 'node:path';
import { CASES_DIR, FRAMEWORK_FILE, displayPath } from './project.ts';
import { ROADMAP_FILE } from './roadmap.ts';
import { formatReport, type Problem } from './problems.ts';

/** Files the content check reads: a change to any of them can change the report. */
const CHECKED = [`${CASES_DIR}/`, FRAMEWORK_FILE, 'src/content/docs/', ROADMAP_FILE];

export function isCheckedFile(root: string, absolute: string): boolean {
	const path = displayPath(root, absolute);
	return /\.(mdx?|ya?ml)$/.test(path) && CHECKED.some((c) => path === c || path.startsWith(c));
}

/** What Astro's dev error overlay reads from an error (see astro/dist/core/errors/overlay.js). */
export interface OverlayError extends Error {
	title: string;
	hint: string;
	loc?: { file: string; line?: number; column?: number };
}

/**
 * The content report as an error for Astro's dev overlay: the whole report as the message,
 * the first problem's file and line as the location (the overlay shows that line of the
 * file), and no stack trace, since nothing in the code is wrong.
 */
export function contentOverlayError(problems: Problem[], root: string): OverlayError {
	const error = new Error(`${formatReport(problems)}`) as OverlayError;
	error.name = 'ContentProblems';
	error.title = 'The content check found problems';
	error.hint = 'Fix the files above and save: the check runs again and the page reloads. `npm run check -- --no-types` prints the same report.';
	const first = [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0))[0];
	if (first && !first.file.startsWith('(')) error.loc = { file: join(root, first.file), line: first.line, column: first.column };
	error.stack = '';
	return error;
}

/** The dev server's latest content report, and the check under way after a change (pages wait for it). */
export interface DevContentState {
	problems: Problem[];
	root: string;
	pending?: Promise<void>;
}

// The dev server's integration and its page middleware run in one process but load this
// module separately (config loader and SSR runner), so the state is shared on globalThis.
const KEY = Symbol.for('mlsd-workbook.dev-content-state');
type Shared = { [KEY]?: DevContentState };

export function devContentState(root: string): DevContentState {
	return ((globalThis as Shared)[KEY] ??= { problems: [], root });
}

export function currentDevContentState(): DevContentState | undefined {
	return (globalThis as Shared)[KEY];
}
