import { describe, expect, it } from 'vitest';
import { byBestSection, decodeEntities, excerptSegments, pagefindFilters, readSearchState, searchString, shapeResult, type PagefindResultData, type PagefindSubResult } from '../../../src/lib/site/search-results.ts';

const KEYS = ['domain', 'difficulty', 'stage'];

describe('excerptSegments', () => {
	it('keeps <mark> runs and decodes the escaped text around them', () => {
		expect(excerptSegments('a &lt;b&gt; <mark>two-tower</mark> model &amp; <mark>ANN</mark>')).toEqual([
			{ text: 'a <b> ', mark: false },
			{ text: 'two-tower', mark: true },
			{ text: ' model & ', mark: false },
			{ text: 'ANN', mark: true },
		]);
	});

	it('never turns anything but <mark> into markup: other tags stay literal text', () => {
		const segments = excerptSegments('<img src=x onerror=alert(1)><mark>hit</mark><script>x</script>');
		expect(segments).toEqual([
			{ text: '<img src=x onerror=alert(1)>', mark: false },
			{ text: 'hit', mark: true },
			{ text: '<script>x</script>', mark: false },
		]);
		// Escaped markup decodes to text, which the page renders as a text node, never as HTML.
		expect(excerptSegments('&lt;img onerror=alert(1)&gt;')).toEqual([{ text: '<img onerror=alert(1)>', mark: false }]);
	});

	it('tolerates unbalanced marks and empty input', () => {
		expect(excerptSegments('<mark>open')).toEqual([{ text: 'open', mark: true }]);
		expect(excerptSegments('</mark>closed')).toEqual([{ text: 'closed', mark: false }]);
		expect(excerptSegments('')).toEqual([]);
	});

	it('decodes numeric references and leaves unknown ones alone', () => {
		expect(decodeEntities('&#39;&#x2014;&quot;&unknown;&#0;')).toBe('\'—"&unknown;&#0;');
	});
});

describe('search state in the URL', () => {
	it('reads the query and only the known filters, without duplicates', () => {
		expect(readSearchState('?q=calibration&domain=Ads+and+marketplaces&stage=Metrics&stage=Metrics&other=x', KEYS)).toEqual({
			query: 'calibration',
			filters: { domain: ['Ads and marketplaces'], stage: ['Metrics'] },
		});
		expect(readSearchState('', KEYS)).toEqual({ query: '', filters: {} });
	});

	it('writes a state back to the same search string', () => {
		const search = '?q=two-tower&domain=Recommendations+and+feeds&stage=Model&stage=Features';
		expect(searchString(readSearchState(search, KEYS))).toBe(search);
		expect(searchString({ query: '', filters: {} })).toBe('');
	});

	it('asks pagefind for any value within a filter and all filters together', () => {
		expect(pagefindFilters({ domain: ['Search and ranking', 'Ads and marketplaces'], stage: ['Model'], difficulty: [] })).toEqual({
			domain: { any: ['Search and ranking', 'Ads and marketplaces'] },
			stage: { any: ['Model'] },
		});
	});
});

const sub = (id: string | undefined, location: number, scores: number[], element = 'h3'): PagefindSubResult => ({
	title: id ?? 'Page',
	url: id ? `/cases/x/#${id}` : '/cases/x/',
	excerpt: `<mark>${id ?? 'intro'}</mark>`,
	anchor: id ? { element, id, text: id, location } : undefined,
	weighted_locations: scores.map((balanced_score, i) => ({ weight: 1, balanced_score, location: location + i + 1 })),
});

/** A case page: intro, then "Metrics" (h2) with a subsection, "Model" (h2) with a subsection, then "References". */
function casePage(): PagefindResultData {
	const anchors = [
		{ element: 'h1', id: '_top', text: 'Case', location: 0 },
		{ element: 'h2', id: 'metrics', text: 'Metrics', location: 100 },
		{ element: 'h3', id: 'calibration-ratio', text: 'Calibration ratio', location: 120 },
		{ element: 'h2', id: 'model', text: 'Model', location: 200 },
		{ element: 'h3', id: 'production-model', text: 'Production model', location: 220 },
		{ element: 'h2', id: 'references', text: 'References', location: 300 },
	];
	return {
		url: '/cases/x/',
		excerpt: 'page <mark>excerpt</mark>',
		meta: { title: 'Case X', summary: 'A summary.' },
		filters: { domain: ['Ads and marketplaces'], difficulty: ['Advanced'], stage: ['Metrics', 'Model'] },
		anchors,
		sub_results: [sub('_top', 0, [5], 'h1'), sub('metrics', 100, [1]), sub('calibration-ratio', 120, [50, 50]), sub('model', 200, [3]), sub('production-model', 220, [10]), sub('references', 300, [2], 'h2')],
	};
}
const stageAnchors = { metrics: 'Metrics', model: 'Model', 'temporal-leakage': 'Data and labels' };

describe('shapeResult', () => {
	it('lists sections best first, with the summary as the description and filter values as labels', () => {
		const hit = shapeResult(casePage(), { stageAnchors, stages: [], labelKeys: ['domain', 'difficulty'] })!;
		expect(hit.sections.map((s) => s.url)).toEqual(['/cases/x/#calibration-ratio', '/cases/x/#production-model', '/cases/x/#model', '/cases/x/#references', '/cases/x/#metrics']);
		expect(hit.description).toBe('A summary.');
		expect(hit.descriptionIsExcerpt).toBe(false);
		expect(hit.labels).toEqual(['Ads and marketplaces', 'Advanced']);
	});

	it('keeps only the sections under a chosen stage, subsections included', () => {
		const hit = shapeResult(casePage(), { stageAnchors, stages: ['Model'] })!;
		expect(hit.sections.map((s) => s.url)).toEqual(['/cases/x/#production-model', '/cases/x/#model']);
		expect(shapeResult(casePage(), { stageAnchors, stages: ['Metrics', 'Model'] })!.sections).toHaveLength(4);
	});

	it('drops a page whose matching sections are all under other stages', () => {
		const page = casePage();
		page.sub_results = page.sub_results.filter((s) => s.anchor?.id === 'references' || s.anchor?.id === '_top');
		expect(shapeResult(page, { stageAnchors, stages: ['Model'] })).toBeNull();
	});

	it('keeps every section of a page that has no stage headings (its page-level stage is all there is)', () => {
		const page: PagefindResultData = { ...casePage(), meta: { title: 'Concept' }, anchors: [{ element: 'h2', id: 'two-towers', location: 10 }], sub_results: [sub(undefined, 0, [4]), sub('two-towers', 10, [2], 'h2')] };
		const hit = shapeResult(page, { stageAnchors, stages: ['Model'] })!;
		expect(hit.sections.map((s) => s.url)).toEqual(['/cases/x/#two-towers']);
		// Without a summary, the match before the first heading is the description.
		expect(hit.description).toBe('<mark>intro</mark>');
		expect(hit.descriptionIsExcerpt).toBe(true);
	});

	it("falls back to the page's excerpt when nothing matched inside a section", () => {
		const page: PagefindResultData = { ...casePage(), meta: { title: 'Only a title' }, sub_results: [] };
		expect(shapeResult(page, { stageAnchors, stages: [] })).toMatchObject({ title: 'Only a title', description: 'page <mark>excerpt</mark>', descriptionIsExcerpt: true, sections: [] });
	});
});

describe('byBestSection', () => {
	it('orders pages by their best section, keeping ties in pagefind order', () => {
		const hit = (url: string, scores: number[]) => ({ url, title: url, description: '', descriptionIsExcerpt: false, labels: [], sections: scores.map((score) => ({ url, title: '', excerpt: '', score })) });
		const ordered = byBestSection([hit('/a/', [8]), hit('/b/', [50, 1]), hit('/c/', []), hit('/d/', [8])]);
		expect(ordered.map((h) => h.url)).toEqual(['/b/', '/a/', '/d/', '/c/']);
	});
});
