import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkPdfsIntoSite, setPdfLinks } from '../../../src/lib/pdf/site-links.ts';

const casePage = '<div class="case-header"><p class="case-actions"><a class="case-action" href="/practice/feed/">Practise</a></p></div>';
const homePage = '<article><h3>Print</h3><p>Prints cleanly.</p><p class="pdf-actions" data-pdf-links hidden></p></article>';
const pdfLink = { href: '/pdf/feed.pdf', label: 'Download as PDF', detail: '12 pages, 1.2 MB', className: 'case-action' };

describe('setPdfLinks', () => {
	it("adds the links to a case page's action bar, after what is there", () => {
		expect(setPdfLinks(casePage, [pdfLink])).toBe(
			'<div class="case-header"><p class="case-actions"><a class="case-action" href="/practice/feed/">Practise</a> <a class="case-action" href="/pdf/feed.pdf" data-pdf-link>Download as PDF<span class="pdf-link-detail"> (PDF, 12 pages, 1.2 MB)</span></a></p></div>',
		);
	});

	it("fills and shows the home page's hidden slot", () => {
		const html = setPdfLinks(homePage, [{ href: '/pdf/mlsd-workbook.pdf', label: 'Download the whole workbook', detail: '120 pages, 3 MB' }])!;
		expect(html).toContain('<p class="pdf-actions" data-pdf-links> <a href="/pdf/mlsd-workbook.pdf" data-pdf-link>');
		expect(html).not.toContain('hidden');
	});

	it('replaces the links of an earlier run instead of adding more', () => {
		const once = setPdfLinks(casePage, [pdfLink])!;
		const twice = setPdfLinks(once, [{ ...pdfLink, detail: '13 pages, 1.3 MB' }])!;
		expect(twice.match(/data-pdf-link\b/g)).toHaveLength(1);
		expect(twice).toContain('13 pages');
		expect(setPdfLinks(once, [pdfLink])).toBe(once);
	});

	it('says so when a page has no place for links', () => {
		expect(setPdfLinks('<p>nothing here</p>', [pdfLink])).toBeUndefined();
	});
});

describe('linkPdfsIntoSite', () => {
	it('links each case page to its PDF and worksheet, and the home page to the workbook', () => {
		const dist = mkdtempSync(join(tmpdir(), 'mlsd-links-'));
		mkdirSync(join(dist, 'cases/feed'), { recursive: true });
		writeFileSync(join(dist, 'cases/feed/index.html'), casePage);
		writeFileSync(join(dist, 'index.html'), homePage);
		const result = linkPdfsIntoSite(dist, '/mlsd/', [
			{ kind: 'case', slug: 'feed', file: 'feed.pdf', pages: 12, bytes: 1_200_000 },
			{ kind: 'worksheet', slug: 'feed', file: 'worksheets/feed.pdf', pages: 1, bytes: 90_000 },
			{ kind: 'case', slug: 'gone', file: 'gone.pdf', pages: 3, bytes: 1000 },
			{ kind: 'workbook', file: 'mlsd-workbook.pdf', pages: 99, bytes: 3_000_000 },
		]);
		expect(result.pages).toBe(2);
		expect(result.warnings).toEqual([expect.stringContaining('cases/gone/index.html')]);
		const page = readFileSync(join(dist, 'cases/feed/index.html'), 'utf8');
		expect(page).toContain('href="/mlsd/pdf/feed.pdf"');
		expect(page).toContain('href="/mlsd/pdf/worksheets/feed.pdf" data-pdf-link>Blank worksheet<span class="pdf-link-detail"> (PDF, 1 page, 90 KB)');
		expect(readFileSync(join(dist, 'index.html'), 'utf8')).toContain('href="/mlsd/pdf/mlsd-workbook.pdf"');
	});
});
