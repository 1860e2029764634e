import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDocuments } from '../../../src/lib/pdf/documents.ts';
import { pdfOptions } from '../../../src/lib/pdf/print-to-pdf.ts';

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

describe('pdfOptions', () => {
	it('prints on A4 or US Letter with bookmarks, tags and a numbered footer', () => {
		expect(pdfOptions('a4', 'X').format).toBe('A4');
		const letter = pdfOptions('letter', 'Ads <CTR> & more');
		expect(letter).toMatchObject({ format: 'Letter', tagged: true, outline: true, displayHeaderFooter: true, printBackground: true });
		expect(letter.footerTemplate).toContain('Ads &lt;CTR&gt; &amp; more');
		expect(letter.footerTemplate).toMatch(/<span class="pageNumber"><\/span> \/ <span class="totalPages"><\/span>/);
	});
});
