/** The print layouts that `npm run pdf` prints: one per case and the workbook (worksheets print practice mode's blank page; tests/build/practice.test.ts). */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, readPage, textOf } from './dist.ts';

// Listed cases: a draft has a case page but no print layout and no part in the workbook.
const caseSlugs = readdirSync(join(DIST, 'cases')).filter((slug) => existsSync(join(DIST, 'cases', slug, 'index.html')) && !/^draft: true$/m.test(readFileSync(join('case-studies', `${slug}.mdx`), 'utf8').split(/^---$/m)[1] ?? ''));
const printRoutes = ['print/workbook/', ...caseSlugs.map((slug) => `print/case/${slug}/`)];

describe('print layouts', () => {
	it.each(printRoutes)('%s is built, kept out of search engines and out of the site search', (route) => {
		const html = readPage(route);
		expect(html).toContain('<meta name="robots" content="noindex, nofollow"/>');
		expect(html).not.toContain('data-pagefind-body');
		expect(html).toContain('data-pagefind-ignore="all"');
	});

	it('the workbook holds every case once, each with unique ids, and every in-document link lands somewhere', () => {
		const html = readPage('print/workbook/');
		const doc = html.slice(html.indexOf('class="print-document"'));
		for (const slug of caseSlugs) expect(doc.match(new RegExp(`<article class="print-part" id="case-${slug}"`, 'g')), slug).toHaveLength(1);
		expect(doc.match(/<article class="print-part" id="case-/g), 'no draft in the workbook').toHaveLength(caseSlugs.length);
		const ids = [...doc.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
		expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
		// Parts that are other pages (framework, pitfalls, roadmap) are filled in when the document opens; the browser test checks those links.
		const imported = [...doc.matchAll(/\sdata-print-prefix="([^"]+)"/g)].map((m) => `${m[1]}--`);
		const targets = [...doc.matchAll(/\shref="#([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!)).filter((t) => !imported.some((p) => t.startsWith(p)));
		expect(targets.length).toBeGreaterThan(0);
		expect(targets.filter((t) => !ids.includes(t))).toEqual([]);
	});

	it('links to the print layouts come from nowhere on the site', () => {
		const pages = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') && !f.startsWith('print/'));
		for (const page of pages) expect(readFileSync(join(DIST, page), 'utf8'), page).not.toMatch(/href="[^"]*\/print\//);
	});
});
