import { describe, expect, it } from 'vitest';
// Starlight's own path helpers, which every sidebar link goes through (not exported by the package, so reached by file).
import { ensureTrailingSlash, stripHtmlExtension, stripLeadingSlash, stripTrailingSlash } from '../../node_modules/@astrojs/starlight/dist/utils/path.js';
import { SIDEBAR_CASES_PER_DOMAIN, buildSidebar, caseTitles, domainGroupLink, readingOrder, repairNavigation, type Navigation } from '../../src/lib/site/sidebar.ts';
import type { CheckedCase } from '../../src/lib/content/check-content.ts';

const make = (slug: string, domain: string, difficulty: 'foundation' | 'intermediate' | 'advanced', draft = false) =>
	({ slug, id: slug, file: `case-studies/${slug}.mdx`, data: { title: slug.toUpperCase(), domain, difficulty, draft } }) as unknown as CheckedCase & { id: string };

type Link = Extract<Navigation['sidebar'][number], { type: 'link' }>;

/** The navigation Starlight hands a page: every sidebar link formatted as a path (the site's trailingSlash: 'always'), previous/next its neighbours in the flattened sidebar. */
function asStarlightRoute(sidebar: ReturnType<typeof buildSidebar>, current: string, base = '/'): Navigation {
	// Starlight's formatPath for build.format 'directory' and trailingSlash 'always', with its pathWithBase written out (that helper reads Vite's import.meta.env).
	const withBase = (path: string) => `${stripTrailingSlash(base)}/${stripLeadingSlash(path)}`;
	const format = (href: string) => ensureTrailingSlash(withBase(stripHtmlExtension(href)));
	type Item = { label: string; link?: string; items?: Item[] };
	const entries = (items: Item[]): Navigation['sidebar'] => items.map((i) => (i.items ? { type: 'group', entries: entries(i.items) } : { type: 'link', label: i.label, href: format(i.link!) }));
	const route: Navigation = { sidebar: entries(sidebar as Item[]), pagination: { prev: undefined, next: undefined } };
	const flat = (list: Navigation['sidebar']): Link[] => list.flatMap((e) => (e.type === 'link' ? [e] : flat(e.entries)));
	const links = flat(route.sidebar);
	const at = links.findIndex((l) => l.label === current);
	route.pagination = { prev: links[at - 1] && { ...links[at - 1]! }, next: links[at + 1] && { ...links[at + 1]! } };
	return route;
}

const links = (route: Navigation): Link[] => {
	const flat = (list: Navigation['sidebar']): Link[] => list.flatMap((e) => (e.type === 'link' ? [e] : flat(e.entries)));
	return flat(route.sidebar);
};

describe('sidebar and reading order', () => {
	it('orders cases by domain (catalog order), then difficulty, then title, without drafts', () => {
		const cases = [make('b-ads', 'ads', 'foundation'), make('z-rec', 'recommendation', 'advanced'), make('a-rec', 'recommendation', 'advanced'), make('easy-rec', 'recommendation', 'foundation'), make('wip', 'search', 'foundation', true)];
		expect(readingOrder(cases, ['recommendation', 'search', 'ads']).map((c) => c.slug)).toEqual(['easy-rec', 'a-rec', 'z-rec', 'b-ads']);
	});

	it('lists a domain’s cases, and links to the index instead once a domain has many, so pages do not grow with the catalog', () => {
		const many = Array.from({ length: SIDEBAR_CASES_PER_DOMAIN + 1 }, (_, i) => make(`ads-${i}`, 'ads', 'advanced'));
		const sidebar = buildSidebar([make('feed', 'recommendation', 'advanced'), ...many]);
		const groups = (sidebar.find((g) => g.label === 'Case studies') as { items: unknown[] }).items;
		expect(groups).toEqual([
			{ label: 'Recommendations and feeds', items: [{ label: 'FEED', link: '/cases/feed/' }] },
			{ label: `Ads and marketplaces (${many.length})`, link: '/cases/#ads' },
		]);
	});

	it('links once under the base path of a project site: Starlight adds the base, the sidebar does not', () => {
		const route = asStarlightRoute(buildSidebar([make('feed', 'recommendation', 'advanced')]), 'Calculators', '/mlsd/');
		const hrefs = links(route).map((l) => l.href);
		expect(hrefs).toContain('/mlsd/cases/');
		expect(hrefs).toContain('/mlsd/cases/feed/');
		expect(hrefs.filter((h) => !h.startsWith('/mlsd/') || h.startsWith('/mlsd/mlsd/'))).toEqual([]);
	});
});

describe('navigation past the sidebar’s limit per domain', () => {
	// Catalog order: recommendation is the first domain, genai the last; both have more cases than the sidebar lists.
	const recs = Array.from({ length: SIDEBAR_CASES_PER_DOMAIN + 1 }, (_, i) => make(`rec-${String(i).padStart(2, '0')}`, 'recommendation', 'advanced'));
	const genai = Array.from({ length: SIDEBAR_CASES_PER_DOMAIN + 1 }, (_, i) => make(`gen-${String(i).padStart(2, '0')}`, 'genai', 'advanced'));
	const cases = [...recs, make('search-a', 'search', 'foundation'), ...genai];
	const order = () => readingOrder(cases, ['recommendation', 'search', 'ads', 'vision', 'integrity', 'risk', 'forecasting', 'genai']);

	it('the link of a collapsed domain reaches its group on the case index (the heading id is the domain id) once Starlight has formatted it', () => {
		const route = asStarlightRoute(buildSidebar(cases), 'All case studies');
		repairNavigation(route, order);
		const hrefs = links(route).map((l) => l.href);
		expect(hrefs).toContain('/cases/#recommendation');
		expect(hrefs).toContain('/cases/#genai');
		expect(hrefs.filter((h) => h.includes('#') && h.endsWith('/'))).toEqual([]);
		expect(domainGroupLink('genai', '/mlsd')).toBe('/mlsd/cases/#genai');
	});

	it('leaves every other link as Starlight formatted it', () => {
		const route = asStarlightRoute(buildSidebar(cases), 'All case studies');
		const before = links(route).map((l) => l.href);
		repairNavigation(route, order);
		expect(links(route).map((l) => l.href)).toEqual(before.map((h) => (h.includes('#') ? h.replace(/\/$/, '') : h)));
		expect(links(route).find((l) => l.label === 'SEARCH-A')!.href).toBe('/cases/search-a/');
	});

	it('under a base path too, the group link keeps its fragment and previous/next lead to a case', () => {
		const route = asStarlightRoute(buildSidebar(cases), 'Calculators', '/mlsd/');
		repairNavigation(route, order, '/mlsd/');
		expect(links(route).map((l) => l.href)).toContain('/mlsd/cases/#recommendation');
		expect(route.pagination.next).toMatchObject({ label: 'REC-00', href: '/mlsd/cases/rec-00/' });
	});

	it('previous/next beside a collapsed domain lead to its first or last case in reading order, as when the domain is listed', () => {
		const before = asStarlightRoute(buildSidebar(cases), 'Calculators');
		expect(before.pagination.next!.href, 'Starlight alone').toBe('/cases/#recommendation/');
		repairNavigation(before, order);
		expect(before.pagination.next).toMatchObject({ label: 'REC-00', href: '/cases/rec-00/' });
		expect(before.pagination.prev).toMatchObject({ label: 'Your progress', href: '/progress/' });

		const after = asStarlightRoute(buildSidebar(cases), 'The ML lifecycle');
		repairNavigation(after, order);
		expect(after.pagination.prev).toMatchObject({ label: 'GEN-12', href: '/cases/gen-12/' });
		expect(after.pagination.next).toMatchObject({ label: 'Metrics, and when each misleads', href: '/concepts/metrics/' });
	});

	it('a link written as its own path finds the title of every listed case, those the sidebar leaves out included', () => {
		const titles = caseTitles([...cases, make('wip', 'search', 'foundation', true)]);
		expect(titles['/cases/rec-12/']).toBe('REC-12');
		expect(titles['/cases/gen-00/']).toBe('GEN-00');
		expect(titles['/cases/wip/']).toBeUndefined();
	});

	it('with every domain listed, previous/next are the sidebar’s own neighbours', () => {
		const few = [make('rec-a', 'recommendation', 'advanced'), make('gen-a', 'genai', 'advanced')];
		const fewOrder = () => readingOrder(few, ['recommendation', 'genai']);
		const route = asStarlightRoute(buildSidebar(few), 'Calculators');
		repairNavigation(route, fewOrder);
		expect(route.pagination.next).toMatchObject({ label: 'REC-A', href: '/cases/rec-a/' });
		const last = asStarlightRoute(buildSidebar(few), 'The ML lifecycle');
		repairNavigation(last, fewOrder);
		expect(last.pagination.prev).toMatchObject({ label: 'GEN-A', href: '/cases/gen-a/' });
	});
});
