/**
 * One representative built page per kind of page the site has, shared by the
 * budget, offline, accessibility and HTML tests and by `npm run bench`, so they
 * all measure the same pages.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface PageType {
	/** Short id used in test names and the benchmark tables. */
	id: string;
	/** Site path, relative to the base (`cases/tiktok-feed/`). */
	path: string;
	/** JavaScript this page may load beyond the Starlight baseline page, in KB of gzip (1 KB = 1,000 bytes, as formatBytes; see BASELINE_PAGE). */
	jsBudgetKB: number;
}

/**
 * "Starlight's own baseline": the JavaScript that a plain Starlight docs page
 * loads in this same build. This concept page is Markdown rendered by
 * Starlight's own docs route: header search, theme and language pickers,
 * sidebar state, table of contents, Astro's link prefetch, and the search UI
 * Starlight loads when the browser is idle. Its only component (Math.astro)
 * renders at build time; tests/build/budgets.test.ts checks that no module of
 * ours loads on it. The one script of ours it does run is the site-wide print
 * helper of the Footer override (PrintExpand.astro, inlined, under 0.5 KB gzip):
 * every page carries it, so it sits in the baseline rather than in any budget.
 */
export const BASELINE_PAGE = 'concepts/ml-lifecycle/';

/** Extra gzip KB a page may load beyond the baseline: the practice page carries the timer, autosave and export. */
const DEFAULT_BUDGET_KB = 15;
const PRACTICE_BUDGET_KB = 25;
/** The review page carries the FSRS scheduler (ts-fsrs, ~13 KB gzip) and the session. */
const REVIEW_BUDGET_KB = 30;
/** The progress page reads every store and validates an import with the practice and flashcard schemas (zod/mini, ~8 KB gzip), as the practice page does. */
const PROGRESS_BUDGET_KB = 20;

/** The first listed case built into `dist` (alphabetically), for the page types that need one. */
export function firstBuiltCase(dist: string): string {
	const dir = join(dist, 'cases');
	// A draft has a case page but no crib sheet, worksheet or print layout, so it cannot stand for every page type.
	const slugs = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'crib', 'index.html'))).map((d) => d.name).sort() : [];
	if (!slugs.length) throw new Error(`No case page in ${dir}; build the site first.`);
	return slugs.includes('tiktok-feed') ? 'tiktok-feed' : slugs[0];
}

/** Every page type, with the case pages taken from `dist`. */
export function pageTypes(dist: string): PageType[] {
	const slug = firstBuiltCase(dist);
	return [
		{ id: 'home', path: '', jsBudgetKB: DEFAULT_BUDGET_KB },
		{ id: 'case', path: `cases/${slug}/`, jsBudgetKB: DEFAULT_BUDGET_KB },
		{ id: 'crib sheet', path: `cases/${slug}/crib/`, jsBudgetKB: DEFAULT_BUDGET_KB },
		{ id: 'case index', path: 'cases/', jsBudgetKB: DEFAULT_BUDGET_KB },
		{ id: 'practice', path: `practice/${slug}/`, jsBudgetKB: PRACTICE_BUDGET_KB },
		{ id: 'practice index', path: 'practice/', jsBudgetKB: DEFAULT_BUDGET_KB },
		{ id: 'review', path: 'review/', jsBudgetKB: REVIEW_BUDGET_KB },
		{ id: 'progress', path: 'progress/', jsBudgetKB: PROGRESS_BUDGET_KB },
		{ id: 'pitfalls', path: 'pitfalls/', jsBudgetKB: DEFAULT_BUDGET_KB },
		{ id: 'prompt index', path: 'prompts/', jsBudgetKB: DEFAULT_BUDGET_KB },
		{ id: 'framework', path: 'framework/', jsBudgetKB: DEFAULT_BUDGET_KB },
		{ id: 'roadmap', path: 'roadmap/', jsBudgetKB: DEFAULT_BUDGET_KB },
		{ id: 'concept', path: 'concepts/metrics/', jsBudgetKB: DEFAULT_BUDGET_KB },
		{ id: 'calculators', path: 'calculators/', jsBudgetKB: DEFAULT_BUDGET_KB },
		{ id: 'search', path: 'search/', jsBudgetKB: DEFAULT_BUDGET_KB },
		{ id: 'not found', path: '404.html', jsBudgetKB: DEFAULT_BUDGET_KB },
	];
}
