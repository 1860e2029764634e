import { describe, expect, it } from 'vitest';
import { SIDEBAR_CASES_PER_DOMAIN, buildSidebar, readingOrder } from '../../src/lib/site/sidebar.ts';
import type { CheckedCase } from '../../src/lib/content/check-content.ts';

const make = (slug: string, domain: string, difficulty: 'foundation' | 'intermediate' | 'advanced', draft = false) =>
	({ slug, file: `case-studies/${slug}.mdx`, data: { title: slug.toUpperCase(), domain, difficulty, draft } }) as unknown as CheckedCase;

describe('sidebar and reading order', () => {
	it('orders cases by domain (catalog order), then difficulty, then title, without drafts', () => {
		const cases = [make('b-ads', 'ads', 'foundation'), make('z-rec', 'recommendation', 'advanced'), make('a-rec', 'recommendation', 'advanced'), make('easy-rec', 'recommendation', 'foundation'), make('wip', 'search', 'foundation', true)];
		expect(readingOrder(cases, ['recommendation', 'search', 'ads']).map((c) => c.slug)).toEqual(['easy-rec', 'a-rec', 'z-rec', 'b-ads']);
	});

	it('lists a domain’s cases, and links to the index instead once a domain has many, so pages do not grow with the catalog', () => {
		const many = Array.from({ length: SIDEBAR_CASES_PER_DOMAIN + 1 }, (_, i) => make(`ads-${i}`, 'ads', 'advanced'));
		const sidebar = buildSidebar([make('feed', 'recommendation', 'advanced'), ...many], '/mlsd/');
		const groups = (sidebar.find((g) => g.label === 'Case studies') as { items: unknown[] }).items;
		expect(groups).toEqual([
			{ label: 'Recommendations and feeds', items: [{ label: 'FEED', link: '/mlsd/cases/feed/' }] },
			{ label: `Ads and marketplaces (${many.length})`, link: '/mlsd/cases/#ads' },
		]);
	});
});
