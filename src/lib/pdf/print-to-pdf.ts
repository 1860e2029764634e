/** Printing one print layout to PDF in Chromium: wait until it is complete, open what is folded, number the contents. */
import type { Page } from 'playwright-core';
import { inspectPdf } from './inspect.ts';
import { escapeHtml } from '../site/escape-html.ts';

export const PAPER_FORMATS = { a4: 'A4', letter: 'Letter' } as const;
export type PaperFormat = keyof typeof PAPER_FORMATS;

/** Loads a page to print and waits until it is ready (a print layout says so: imported parts in, fonts loaded); returns its footer label. */
export async function openPrintDocument(page: Page, url: string): Promise<string> {
	await page.goto(url, { waitUntil: 'load' });
	// Print layouts say when they are ready; a plain page (practice mode's blank worksheet) is ready once loaded.
	await page.waitForFunction(() => {
		const doc = document.querySelector<HTMLElement>('.print-document');
		return !doc || doc.dataset.printReady === 'true';
	}, null, { timeout: 60_000 });
	await page.evaluate(async () => {
		// CSS cannot open <details>: follow-up answers, "Diagram as text", hints.
		for (const d of document.querySelectorAll('details')) d.open = true;
		for (const img of document.images) img.loading = 'eager';
		await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
	});
	return page.evaluate(() => document.querySelector<HTMLElement>('.print-document')?.dataset.printLabel ?? document.title.replace(/ \| [^|]*$/, ''));
}

/** page.pdf options: paper, margins with a footer of running title and page numbers, tagged PDF with an outline from the headings. */
export function pdfOptions(format: PaperFormat, label: string) {
	return {
		format: PAPER_FORMATS[format],
		printBackground: true,
		tagged: true,
		outline: true,
		displayHeaderFooter: true,
		headerTemplate: '<span></span>',
		footerTemplate: `<div style="width:100%;margin:0 15mm;display:flex;justify-content:space-between;gap:1em;font:8pt system-ui,sans-serif;color:#555">
			<span>${escapeHtml(label)}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
		margin: { top: '14mm', bottom: '16mm', left: '15mm', right: '15mm' },
	};
}

/**
 * Writes into each `[data-toc-page]` the page its anchor landed on in `pdf`
 * (from the PDF's named destinations). Returns whether any number changed, so
 * the caller prints again until the contents agree with the pages.
 */
export async function numberContents(page: Page, pdf: Uint8Array): Promise<{ changed: boolean; missing: string[] }> {
	const anchors = await page.$$eval('[data-toc-page]', (els) => els.filter((el) => !el.closest('[hidden]')).map((el) => (el as HTMLElement).dataset.tocPage!));
	if (!anchors.length) return { changed: false, missing: [] };
	const inspection = await inspectPdf(pdf);
	const pages = await inspection.destinationPages(anchors);
	await inspection.close();
	const changed = await page.evaluate((found) => {
		let changed = false;
		for (const [anchor, n] of found) {
			const el = document.querySelector<HTMLElement>(`[data-toc-page="${CSS.escape(anchor)}"]`);
			if (el && el.textContent !== String(n)) {
				el.textContent = String(n);
				changed = true;
			}
		}
		return changed;
	}, [...pages]);
	return { changed, missing: anchors.filter((a) => !pages.has(a)) };
}
