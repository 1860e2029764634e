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
	const label = await page.evaluate(() => document.querySelector<HTMLElement>('.print-document')?.dataset.printLabel ?? document.title.replace(/ \| [^|]*$/, ''));
	// The PDF's title is the document's own ("TikTok-style … feed"), not "… (print edition) | MLSD Workbook".
	await page.evaluate(() => {
		document.title = document.title.replace(/ \| [^|]*$/, '').replace(/ \(print edition\)$/, '');
	});
	await page.addStyleTag({ content: footerCss(label, (await page.locator('.print-cover').count()) > 0) });
	return label;
}

/**
 * The running footer as CSS page-margin boxes (not Chromium's footer template, which cannot skip a page):
 * the document's label on the left, "page / pages" on the right, none on a cover.
 */
export function footerCss(label: string, hasCover: boolean): string {
	const box = 'font: 8pt system-ui, sans-serif; color: #555; vertical-align: top; padding-top: 4mm;';
	const cover = hasCover ? ' @page :first { @bottom-left { content: none; } @bottom-right { content: none; } }' : '';
	return `@page { @bottom-left { content: ${cssString(label)}; ${box} } @bottom-right { content: counter(page) " / " counter(pages); ${box} } }${cover}`;
}

/** page.pdf options: paper (margins and footer come from the page's CSS: print.css, footerCss), tagged PDF with an outline from the headings. */
export function pdfOptions(format: PaperFormat) {
	return { format: PAPER_FORMATS[format], printBackground: true, tagged: true, outline: true };
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

/** A CSS string literal: quotes and backslashes escaped, line breaks as spaces. */
function cssString(value: string): string {
	return `"${value.replace(/["\\]/g, '\\$&').replace(/\s+/g, ' ')}"`;
}

/** Type scales a crib sheet may take, largest first (the same steps as src/components/crib-fit.ts). */
const CRIB_SIZES = [1, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7];

/**
 * Prints a crib sheet at the largest type scale that fits one page, trying each
 * smaller one in turn; returns the PDF and the scale used (the smallest, when
 * nothing fits: the caller warns, and the one-page test fails).
 */
export async function printOnOnePage(page: Page, print: () => Promise<Uint8Array>): Promise<{ pdf: Uint8Array; size: number; fits: boolean }> {
	let last: { pdf: Uint8Array; size: number; fits: boolean } | undefined;
	for (const size of CRIB_SIZES) {
		await page.evaluate((s) => {
			for (const sheet of document.querySelectorAll<HTMLElement>('.crib')) sheet.style.setProperty('--crib-size', String(s));
		}, size);
		const pdf = await print();
		const inspection = await inspectPdf(pdf);
		const fits = inspection.pages <= 1;
		await inspection.close();
		last = { pdf, size, fits };
		if (fits) return last;
	}
	return last!;
}

/** Sets each crib sheet of a booklet to the scale its own PDF needed. */
export async function applyCribSizes(page: Page, sizes: ReadonlyMap<string, number>): Promise<void> {
	await page.evaluate((entries) => {
		const bySlug = new Map(entries);
		for (const sheet of document.querySelectorAll<HTMLElement>('.crib[data-crib]')) {
			const size = bySlug.get(sheet.dataset.crib!);
			if (size !== undefined) sheet.style.setProperty('--crib-size', String(size));
		}
	}, [...sizes]);
}
