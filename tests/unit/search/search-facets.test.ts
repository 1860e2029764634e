import { describe, expect, it } from 'vitest';
import { loadDomains, loadPitfalls } from '../../../src/lib/content/catalogs.ts';
import { loadFramework, sectionAnchor } from '../../../src/lib/content/framework.ts';
import { caseFacets, filterValues, frameworkFacets, pitfallCatalogFacets, stageAnchors } from '../../../src/lib/site/search-facets.ts';
import type { Pitfall } from '../../../src/schemas/catalogs.ts';

const framework = loadFramework();
const domains = loadDomains();
const pitfalls = loadPitfalls();
const search = domains.find((d) => d.id === 'search')!;

describe('search facets', () => {
	it('a case carries its domain, its difficulty and the stages its ## sections cover', () => {
		const headings = [
			{ depth: 2, slug: sectionAnchor(framework.sections[0]) },
			{ depth: 3, slug: sectionAnchor(framework.sections[1]) },
			{ depth: 2, slug: sectionAnchor(framework.sections[3]) },
			{ depth: 2, slug: 'references' },
		];
		const facets = caseFacets({ domain: 'search', difficulty: 'advanced', summary: 'Rank businesses.' }, headings, framework, domains);
		expect(facets).toEqual({
			filters: { domain: [search.title], difficulty: ['Advanced'], stage: [framework.sections[0].title, framework.sections[3].title] },
			meta: { summary: 'Rank businesses.' },
		});
	});

	it('filter values are the same strings the pages carry, in reading order', () => {
		const values = filterValues(framework, domains);
		expect(values.domain).toEqual(domains.map((d) => d.title));
		expect(values.difficulty).toEqual(['Foundation', 'Intermediate', 'Advanced']);
		expect(values.stage).toEqual(framework.sections.map((s) => s.title));
		expect(frameworkFacets(framework, 'x').filters.stage).toEqual(values.stage);
		for (const stage of pitfallCatalogFacets(pitfalls, framework, 'x').filters.stage!) expect(values.stage).toContain(stage);
	});

	it('maps framework section anchors and pitfall ids to stage titles', () => {
		const map = stageAnchors(framework, pitfalls);
		const data = framework.sections.find((s) => s.id === 'data')!;
		expect(map[sectionAnchor(data)]).toBe(data.title);
		expect(map['temporal-leakage']).toBe(data.title);
		expect(Object.keys(map)).toHaveLength(framework.sections.length + pitfalls.length);
	});

	it('refuses a pitfall id that is also a section anchor, naming it', () => {
		const clash = { ...pitfalls[0], id: 'metrics', stage: 'model' } satisfies Pitfall;
		expect(() => stageAnchors(framework, [clash])).toThrow(/pitfall id "metrics" is also the anchor of a framework section/);
	});
});
