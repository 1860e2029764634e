/**
 * `npm run pdf`: prints the site's print layouts (dist/print/…) to PDF with
 * Chromium — one per case, one blank worksheet per case, the whole workbook —
 * then links them from the built pages. See scripts/pdf.ts for the options.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { BROWSER_INSTALL_HINT, findChromium, launchChromium } from '../tooling/browser.ts';
import { serveStatic } from '../tooling/static-server.ts';
import { listDocuments, type PdfDocument } from './documents.ts';
import { PdfError } from './errors.ts';
import { inspectPdf } from './inspect.ts';
import { restoreOutlineTitles } from './outline-titles.ts';
import { applyCribSizes, numberContents, openPrintDocument, pdfOptions, printOnOnePage, type PaperFormat } from './print-to-pdf.ts';
import { BUILD_STAMP, buildSite, staleReason } from './site-build.ts';
import { linkPdfsIntoSite } from './site-links.ts';
import { formatBytes } from '../numbers/estimates.ts';

export interface PdfOptions {
	/** Project root (sources, for the staleness check and the build). */
	root: string;
	/** The built site. */
	dist: string;
	/** Where the PDFs go; links are added to the site only when this is `<dist>/pdf`. */
	out: string;
	format: PaperFormat;
	/** Base path the site was built with (BASE_PATH). */
	base: string;
	/** `auto`: build when dist/ is missing or older than the sources; `always`: --rebuild; `never`: use dist/ as it is. */
	build: 'auto' | 'always' | 'never';
}

export interface PdfResult extends PdfDocument {
	/** Absolute path of the written PDF. */
	path: string;
	pages: number;
	bytes: number;
	seconds: number;
}

export type Log = (line: string) => void;

export async function generatePdfs(options: PdfOptions, log: Log = console.log): Promise<PdfResult[]> {
	const dist = resolve(options.root, options.dist);
	const out = resolve(options.root, options.out);
	if (!(await findChromium())) throw new PdfError(BROWSER_INSTALL_HINT);
	prepareSite(options, dist, log);
	const documents = listDocuments(dist);
	const site = await serveStatic(dist, options.base);
	const results: PdfResult[] = [];
	try {
		const browser = await launchChromium();
		try {
			// The print tool adds its own page-footer stylesheet to each page; the site's CSP rightly refuses inline styles from anyone else.
			const context = await browser.newContext({ colorScheme: 'light', bypassCSP: true });
			// Each crib sheet's type scale, found while printing it alone, reused for the booklet of all of them.
			const cribSizes = new Map<string, number>();
			for (const doc of documents) {
				const result = await printDocument(context, new URL(doc.route, site.url).href, doc, join(out, doc.file), options.format, log, cribSizes);
				results.push(result);
				log(`  ${relative(process.cwd(), result.path)}  ${result.pages} pages  ${formatBytes(result.bytes)}  ${result.seconds.toFixed(1)} s`);
			}
		} finally {
			await browser.close();
		}
	} finally {
		await site.close();
	}
	if (out === join(dist, 'pdf')) {
		const linked = linkPdfsIntoSite(dist, options.base, results);
		log(`Linked the PDFs from ${linked.pages} built page${linked.pages === 1 ? '' : 's'}.`);
		for (const warning of linked.warnings) log(`  warning: ${warning}`);
	}
	return results;
}

function prepareSite(options: PdfOptions, dist: string, log: Log): void {
	const reason = options.build === 'always' ? 'asked to rebuild' : options.build === 'auto' ? staleReason(dist, options.root) : undefined;
	if (reason) {
		log(`Building the site into ${relative(process.cwd(), dist) || '.'}/ (${reason})…`);
		buildSite(dist, options.root);
	} else if (options.build === 'auto') log(`Using the site already built in ${relative(process.cwd(), dist) || '.'}/ (--rebuild to build it again).`);
	const shown = relative(process.cwd(), dist) || '.';
	if (!existsSync(dist)) throw new PdfError(`${shown}/ does not exist: build the site first (\`npm run build\`), or run \`npm run pdf\` without --no-build.`);
	if (!existsSync(join(dist, BUILD_STAMP))) throw new PdfError(`${shown}/ was built without the print layouts (no ${BUILD_STAMP}): run \`npm run pdf -- --rebuild\`.`);
}

async function printDocument(context: BrowserContext, url: string, doc: PdfDocument, path: string, format: PaperFormat, log: Log, cribSizes: Map<string, number>): Promise<PdfResult> {
	const started = performance.now();
	const page = await context.newPage();
	const problems: string[] = [];
	page.on('pageerror', (e) => problems.push(e.message));
	// A part of the document that could not be filled in (a page that was not built) says so on the console.
	page.on('console', (m) => {
		if (m.text().startsWith('Not included:')) problems.push(m.text());
	});
	try {
		await openPrintDocument(page, url);
		const options = pdfOptions(format);
		const print = async () => new Uint8Array(await page.pdf(options));
		if (doc.kind === 'cribs') await applyCribSizes(page, cribSizes);
		let pdf: Uint8Array;
		if (doc.kind === 'crib') {
			const fitted = await printOnOnePage(page, print);
			cribSizes.set(doc.slug!, fitted.size);
			if (!fitted.fits) log(`  warning: the crib sheet of ${doc.slug} does not fit on one page even with smaller type; shorten its key points or pitfall notes`);
			pdf = fitted.pdf;
		} else pdf = await print();
		// Contents: print, read where each anchor landed, write the numbers in, print again until nothing moves.
		for (let pass = 0; pass < 4; pass++) {
			const { changed, missing } = await numberContents(page, pdf);
			if (missing.length && !changed) log(`  warning: no page found for contents entries ${missing.join(', ')}`);
			if (!changed) break;
			pdf = new Uint8Array(await page.pdf(options));
		}
		const headings = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.filter((h) => h.getClientRects().length > 0).map((h) => h.textContent ?? ''));
		pdf = (await restoreOutlineTitles(pdf, headings)) ?? pdf;
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, pdf);
		const inspection = await inspectPdf(pdf);
		const pages = inspection.pages;
		if (doc.kind === 'workbook') {
			const cases = await page.$$eval('article[id^="case-"] h1', (hs) => hs.map((h) => h.textContent!.trim()));
			const outline = (await inspection.outline()).map((o) => o.title);
			const missing = cases.filter((t) => !outline.includes(t));
			if (missing.length) log(`  warning: the workbook's bookmarks lack ${missing.join(', ')}`);
		}
		await inspection.close();
		for (const p of problems) log(`  warning: ${url}: ${p}`);
		return { ...doc, path, pages, bytes: pdf.byteLength, seconds: (performance.now() - started) / 1000 };
	} finally {
		await page.close();
	}
}
