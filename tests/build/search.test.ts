/** What the built pages tell the search index: which pages are indexed, their filters and metadata, and that no page ships the index. */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDomains, loadPitfalls } from '../../src/lib/content/catalogs.ts';
import { DIFFICULTY_LABELS } from '../../src/lib/site/case-view.ts';
import { loadFramework } from '../../src/lib/content/framework.ts';
import { allPages, readPage } from './dist.ts';

const framework = loadFramework();
const pitfalls = loadPitfalls();
const caseSlugs = readdirSync('case-studies')
	.filter((f) => f.endsWith('.mdx'))
	.map((f) => f.replace(/\.mdx$/, ''))
	.filter((slug) => !/^draft: true$/m.test(readFileSync(`case-studies/${slug}.mdx`, 'utf8').split('\n---')[0]));
const frontmatter = (slug: string) => readFileSync(`case-studies/${slug}.mdx`, 'utf8').split(/^---$/m)[1];

const indexed = (html: string) => /\sdata-pagefind-body[\s>=]/.test(html);
/** Values of `data-pagefind-filter="key"` spans, e.g. filters(html, 'stage'). */
const filters = (html: string, key: string) => [...html.matchAll(new RegExp(`<span data-pagefind-filter="${key}">([^<]*)</span>`, 'g'))].map((m) => m[1].replace(/&amp;/g, '&'));

describe('what the index covers', () => {
	it('indexes the cases, the pitfall catalog, the framework, concepts and the roadmap', () => {
		for (const slug of caseSlugs) expect(indexed(readPage(`cases/${slug}/`)), slug).toBe(true);
		for (const path of ['pitfalls/', 'framework/']) expect(indexed(readPage(path)), path).toBe(true);
		for (const page of allPages().filter((p) => /^(concepts\/.+|roadmap)\/index\.html$/.test(p))) expect(indexed(readPage(page)), page).toBe(true);
	});

	it('leaves out navigation, the search page, practice and print pages, so nothing is found twice', () => {
		const skipped = allPages().filter((p) => p === 'index.html' || p === '404.html' || /^(cases|search)\/index\.html$/.test(p) || /^(practice|print)\//.test(p));
		expect(skipped).toEqual(expect.arrayContaining(['index.html', 'cases/index.html', 'search/index.html']));
		for (const page of skipped) expect(indexed(readPage(page)), page).toBe(false);
	});

	it('keeps case cards, checklist ticks and copies of catalog text out of the case pages’ index', () => {
		const html = readPage(`cases/${caseSlugs[0]}/`);
		expect(html).toMatch(/<section class="design-checklist"[^>]*data-pagefind-ignore/);
		expect(html).toMatch(/<p class="pitfall-detect" data-pagefind-ignore/);
		expect(readPage('pitfalls/')).toMatch(/<p class="pitfall-cases" data-pagefind-ignore/);
	});
});

describe('filters and metadata', () => {
	it.each(caseSlugs)('%s carries its domain, difficulty, every framework stage and its summary', (slug) => {
		const html = readPage(`cases/${slug}/`);
		const fm = frontmatter(slug);
		const domain = loadDomains().find((d) => d.id === fm.match(/^domain: (\S+)/m)![1])!;
		const difficulty = fm.match(/^difficulty: (\S+)/m)![1] as keyof typeof DIFFICULTY_LABELS;
		expect(filters(html, 'domain')).toEqual([domain.title]);
		expect(filters(html, 'difficulty')).toEqual([DIFFICULTY_LABELS[difficulty]]);
		expect(filters(html, 'stage')).toEqual(framework.sections.map((s) => s.title));
		expect(html).toMatch(/<span data-pagefind-meta="summary">[^<]{20,}<\/span>/);
		// The facets are for the index only: hidden from readers and kept out of the indexed text.
		expect(html).toMatch(/<div hidden data-pagefind-ignore data-search-facets>/);
	});

	it('the pitfall catalog carries the stages its pitfalls bite at, and weighs pitfall names above body text', () => {
		const html = readPage('pitfalls/');
		const stages = new Set(pitfalls.map((p) => framework.sections.find((s) => s.id === p.stage)!.title));
		expect(new Set(filters(html, 'stage'))).toEqual(stages);
		for (const p of pitfalls) expect(html).toContain(`<h2 id="${p.id}" data-pagefind-weight="10">`);
	});

	it('the search page offers every filter value the pages carry', () => {
		const html = readPage('search/');
		const offered = (key: string) => [...html.matchAll(new RegExp(`name="${key}" value="([^"]*)"`, 'g'))].map((m) => m[1].replace(/&amp;/g, '&'));
		// Pages pagefind indexes (a draft's page carries filters but is left out of the index).
		const carried = (key: string) => new Set(allPages().filter((p) => !p.startsWith('search/') && readPage(p).includes('data-pagefind-body')).flatMap((p) => filters(readPage(p), key)));
		for (const key of ['domain', 'difficulty', 'stage']) for (const value of carried(key)) expect(offered(key), `${key}: ${value}`).toContain(value);
	});
});

describe('pages do not grow', () => {
	it('no page loads pagefind or its index with the page; the search page imports it on demand', () => {
		for (const page of allPages()) {
			const html = readPage(page);
			expect(html, page).not.toMatch(/<(script|link)[^>]+(src|href)="[^"]*\/pagefind\//);
		}
	});
});
