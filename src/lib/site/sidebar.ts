import { domainCatalogSchema } from '../../schemas/catalogs.ts';
import { DIFFICULTIES } from '../../schemas/case.ts';
import type { CheckedCase } from '../content/check-content.ts';
import { readDataFile } from '../content/data-file.ts';
import { DOMAINS_FILE, projectRoot } from '../content/project.ts';

type SidebarItem = { label: string; link: string } | { label: string; items: SidebarItem[]; collapsed?: boolean };

/** Cases in a stable reading order: by difficulty, then title. */
export function sortCases<T extends { data: { difficulty: (typeof DIFFICULTIES)[number]; title: string } }>(cases: T[]): T[] {
	return [...cases].sort((a, b) => DIFFICULTIES.indexOf(a.data.difficulty) - DIFFICULTIES.indexOf(b.data.difficulty) || a.data.title.localeCompare(b.data.title));
}

/**
 * A domain lists its cases in the sidebar up to this many; beyond it, the sidebar links to
 * the domain's section of the case index instead, so every page's HTML does not grow with
 * the number of cases (500 cases added ~96 KB of sidebar to every page; see bench/RESULTS.md).
 */
export const SIDEBAR_CASES_PER_DOMAIN = 12;

/** Every listed case in reading order: domains in catalog order, then sortCases within each. */
export function readingOrder<T extends { data: { domain: string; draft: boolean; difficulty: (typeof DIFFICULTIES)[number]; title: string } }>(cases: T[], domainIds: string[]): T[] {
	return domainIds.flatMap((id) => sortCases(cases.filter((c) => c.data.domain === id && !c.data.draft)));
}

/** Where the sidebar sends a domain it does not list case by case: the domain's group on the case index (its heading's id is the domain id). */
export function domainGroupLink(domainId: string, base = '/'): string {
	return `${base.replace(/\/?$/, '/')}cases/#${domainId}`;
}

/**
 * Site path (without base) → title of every listed case, for links written as their own path
 * (src/plugins/remark-link-titles.ts): the sidebar shows no case of a domain it collapses.
 */
export function caseTitles(cases: { slug: string; data: { title: string; draft: boolean } }[]): Record<string, string> {
	return Object.fromEntries(cases.filter((c) => !c.data.draft).map((c) => [`/cases/${c.slug}/`, c.data.title]));
}

/**
 * Starlight's sidebar: the guide pages, then cases grouped by domain. Case pages set their own
 * previous/next links from readingOrder. Links are site paths without the base path: Starlight
 * prefixes every `link` item with it (adding it here too gave `/mlsd/mlsd/cases/` under a base path).
 */
export function buildSidebar(cases: CheckedCase[], root = projectRoot()): SidebarItem[] {
	const domains = readDataFile(root, DOMAINS_FILE, domainCatalogSchema).data ?? [];
	const groups: SidebarItem[] = domains.flatMap((d): SidebarItem[] => {
		const listed = readingOrder(cases, [d.id]);
		if (listed.length === 0) return [];
		if (listed.length > SIDEBAR_CASES_PER_DOMAIN) return [{ label: `${d.title} (${listed.length})`, link: domainGroupLink(d.id) }];
		return [{ label: d.title, items: listed.map((c) => ({ label: c.data.title, link: `/cases/${c.slug}/` })) }];
	});
	return [
		{
			label: 'Start here',
			items: [
				{ label: 'All case studies', link: '/cases/' },
				{ label: 'Prompt index', link: '/prompts/' },
				{ label: 'Search', link: '/search/' },
				{ label: 'The framework', link: '/framework/' },
				{ label: 'Pitfall catalog', link: '/pitfalls/' },
				{ label: 'The 16-week roadmap', link: '/roadmap/' },
				{ label: 'Practice worksheets', link: '/practice/' },
				{ label: 'Review flashcards', link: '/review/' },
				{ label: 'Your progress', link: '/progress/' },
				{ label: 'Calculators', link: '/calculators/' },
			],
		},
		{ label: 'Case studies', items: groups },
		{
			label: 'Concepts',
			items: [
				{ label: 'The ML lifecycle', link: '/concepts/ml-lifecycle/' },
				{ label: 'Metrics, and when each misleads', link: '/concepts/metrics/' },
				{ label: 'Online experiments', link: '/concepts/experiments/' },
				{ label: 'Recommender funnels', link: '/concepts/recommender-funnels/' },
				{ label: 'Embeddings and similarity search', link: '/concepts/embeddings/' },
				{ label: 'LLM systems: retrieval, judges and cost', link: '/concepts/llm-systems/' },
			],
		},
		{ label: 'Guides', items: [{ label: 'From notebook to production repository', link: '/guides/notebook-to-production/' }] },
	];
}

/** The parts of Starlight's route data (`starlightRoute`) that navigate: a structural copy, so this file needs no Starlight import. */
interface NavLink {
	type: 'link';
	label: string;
	href: string;
}
interface NavGroup {
	type: 'group';
	entries: (NavLink | NavGroup)[];
}
export interface Navigation {
	sidebar: (NavLink | NavGroup)[];
	pagination: { prev: NavLink | undefined; next: NavLink | undefined };
}

/**
 * Starlight formats every sidebar link as a path, so with `trailingSlash: 'always'` a link to a
 * domain's group becomes `/cases/#ads/`, an anchor no page has: the fragment goes back to the end.
 */
export function fragmentLast(href: string): string {
	return href.replace(/(#[^#/]+)\/$/, '$1');
}

/**
 * Repairs a page's navigation in place (run by src/route-data.ts on every Starlight page): each
 * sidebar link keeps its fragment, and a previous/next link that would land on a domain the
 * sidebar collapses goes to that domain's first case (next) or last case (previous) in reading
 * order instead, where it would land were the domain listed case by case.
 */
export function repairNavigation(route: Navigation, order: () => { id: string; data: { domain: string; title: string } }[], base = '/'): void {
	const walk = (entries: (NavLink | NavGroup)[]) => {
		for (const e of entries) {
			if (e.type === 'link') e.href = fragmentLast(e.href);
			else walk(e.entries);
		}
	};
	walk(route.sidebar);
	const prefix = domainGroupLink('', base);
	const toCase = (link: NavLink | undefined, pick: 'first' | 'last'): NavLink | undefined => {
		if (!link) return link;
		const href = fragmentLast(link.href);
		if (!href.startsWith(prefix)) return { ...link, href };
		const domain = href.slice(prefix.length);
		const cases = order().filter((c) => c.data.domain === domain);
		const c = pick === 'first' ? cases[0] : cases.at(-1);
		return c ? { ...link, label: c.data.title, href: `${base.replace(/\/?$/, '/')}cases/${c.id}/` } : { ...link, href };
	};
	route.pagination.prev = toCase(route.pagination.prev, 'last');
	route.pagination.next = toCase(route.pagination.next, 'first');
}
