import { resolve, relative } from 'node:path';

/**
 * Where the project's content lives. Paths resolve from the working directory
 * (Astro, scripts and tests all run from the project root); MLSD_ROOT overrides
 * it for tools that check a copy elsewhere.
 */
export function projectRoot(): string {
	return resolve(process.env.MLSD_ROOT ?? process.cwd());
}

export const CASES_DIR = 'case-studies';
export const FRAMEWORK_FILE = 'templates/framework.yaml';
export const PITFALLS_FILE = `${CASES_DIR}/pitfalls.yaml`;
export const CHECKLISTS_FILE = `${CASES_DIR}/checklists.yaml`;
export const DOMAINS_FILE = `${CASES_DIR}/domains.yaml`;

/** A path as contributors see it in messages: relative to the root, with forward slashes. */
export function displayPath(root: string, absolute: string): string {
	return relative(root, absolute).split('\\').join('/');
}
