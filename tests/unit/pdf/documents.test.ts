import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDocuments } from '../../../src/lib/pdf/documents.ts';
import { footerCss, pdfOptions } from '../../../src/lib/pdf/print-to-pdf.ts';

describe('listDocuments', () => {
	it('finds a case PDF, a worksheet and a crib sheet per built case, the booklet of cribs, then the workbook', () => {
		const dist = mkdtempSync(join(tmpdir(), 'mlsd-docs-'));
		for (const route of ['print/case/b', 'print/case/a', 'practice/a/blank', 'practice/b/blank', 'print/crib/b', 'print/crib/a', 'print/cribs', 'print/workbook']) {
			mkdirSync(join(dist, route), { recursive: true });
			writeFileSync(join(dist, route, 'index.html'), '');
		}
		mkdirSync(join(dist, 'print/case/empty'));
		mkdirSync(join(dist, 'practice/no-blank'));
		expect(listDocuments(dist).map((d) => [d.route, d.file])).toEqual([
			['print/case/a/', 'a.pdf'],
			['print/case/b/', 'b.pdf'],
			['practice/a/blank/', 'worksheets/a.pdf'],
			['practice/b/blank/', 'worksheets/b.pdf'],
			['print/crib/a/', 'crib/a.pdf'],
			['print/crib/b/', 'crib/b.pdf'],
			['print/cribs/', 'crib/all.pdf'],
			['print/workbook/', 'mlsd-workbook.pdf'],
		]);
	});
});

describe('pdfOptions and footerCss', () => {
	it('prints on A4 or US Letter with bookmarks and tags; margins and footer come from the page', () => {
		expect(pdfOptions('a4').format).toBe('A4');
		expect(pdfOptions('letter')).toEqual({ format: 'Letter', tagged: true, outline: true, printBackground: true });
	});

	it('numbers every page in a footer of label and page count, except a cover', () => {
		const css = footerCss('Ads "CTR" \\ more', false);
		expect(css).toContain('@bottom-left { content: "Ads \\"CTR\\" \\\\ more";');
		expect(css).toContain('@bottom-right { content: counter(page) " / " counter(pages);');
		expect(css).not.toContain(':first');
		expect(footerCss('MLSD Workbook', true)).toContain('@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }');
	});
});
