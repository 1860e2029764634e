/**
 * What each page tells the search index about itself: pagefind filter values
 * (domain, difficulty, framework stage) and metadata (a summary for excerpts).
 * Rendered by src/components/SearchFacets.astro; read back by the search page.
 *
 * Pagefind filters are per page, and sub-results (sections) inherit them. So
 * the `stage` filter means "the page works through this stage": a case lists
 * every framework section it has, the pitfall catalog every stage one of its
 * pitfalls bites at. The search page then narrows a page's sections to the
 * chosen stages with `stageAnchors` (see src/lib/site/search-results.ts).
 */
import type { CaseFrontmatter } from '../../schemas/case.ts';
import type { Domain, Pitfall } from '../../schemas/catalogs.ts';
import type { Framework } from '../../schemas/framework.ts';
import { DIFFICULTIES } from '../../schemas/case.ts';
import { DIFFICULTY_LABELS } from './case-view.ts';
import { sectionAnchor } from '../content/framework.ts';

/** The filters readers can narrow results by, in the order the search page shows them. */
export const SEARCH_FILTERS = [
	{ key: 'domain', label: 'Domain' },
	{ key: 'difficulty', label: 'Difficulty' },
	{ key: 'stage', label: 'Framework stage' },
] as const;

export type SearchFilterKey = (typeof SEARCH_FILTERS)[number]['key'];

/** Filter values and metadata for one page. Values are what readers see next to the checkboxes. */
export interface SearchFacets {
	filters: Partial<Record<SearchFilterKey, string[]>>;
	/** Pagefind metadata; `summary` is shown under the page title in results. */
	meta: Record<string, string>;
}

/** Every value each filter can take, in reading order (domains as catalogued, difficulty easiest first, stages in framework order). */
export function filterValues(framework: Framework, domains: Domain[]): Record<SearchFilterKey, string[]> {
	return {
		domain: domains.map((d) => d.title),
		difficulty: DIFFICULTIES.map((d) => DIFFICULTY_LABELS[d]),
		stage: framework.sections.map((s) => s.title),
	};
}

/** A case page: its domain, its difficulty, and the framework stages its `##` sections cover. */
export function caseFacets(data: Pick<CaseFrontmatter, 'domain' | 'difficulty' | 'summary'>, headings: { depth: number; slug: string }[], framework: Framework, domains: Domain[]): SearchFacets {
	const h2 = new Set(headings.filter((h) => h.depth === 2).map((h) => h.slug));
	const domain = domains.find((d) => d.id === data.domain);
	return {
		filters: {
			domain: domain ? [domain.title] : [],
			difficulty: [DIFFICULTY_LABELS[data.difficulty]],
			stage: framework.sections.filter((s) => h2.has(sectionAnchor(s))).map((s) => s.title),
		},
		meta: { summary: data.summary },
	};
}

/** The pitfall catalog: every stage at least one pitfall bites at, in framework order. */
export function pitfallCatalogFacets(pitfalls: Pitfall[], framework: Framework, summary: string): SearchFacets {
	const stages = new Set(pitfalls.map((p) => p.stage));
	return { filters: { stage: framework.sections.filter((s) => stages.has(s.id)).map((s) => s.title) }, meta: { summary } };
}

/** The framework page covers every stage. */
export function frameworkFacets(framework: Framework, summary: string): SearchFacets {
	return { filters: { stage: framework.sections.map((s) => s.title) }, meta: { summary } };
}

/**
 * The stage each stage-bearing section heading stands for, by heading id: the
 * framework's section anchors (case pages and the framework page) and the
 * pitfall ids (the pitfall catalog). Throws if two would share an id.
 */
export function stageAnchors(framework: Framework, pitfalls: Pitfall[]): Record<string, string> {
	const map: Record<string, string> = {};
	for (const s of framework.sections) map[sectionAnchor(s)] = s.title;
	for (const p of pitfalls) {
		const stage = framework.sections.find((s) => s.id === p.stage);
		if (!stage) continue;
		if (p.id in map) throw new Error(`pitfall id "${p.id}" is also the anchor of a framework section; rename the pitfall so search can tell them apart.`);
		map[p.id] = stage.title;
	}
	return map;
}
