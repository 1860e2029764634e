/**
 * PDFs and printing, in real Chromium. `npm run pdf` runs once on a site built from a copy of
 * the project where two real cases are listed and the others are drafts (their pages exist, so
 * links to them hold, but drafts get no print layout or PDF): printing is the same template for
 * every case, and a fixed number of PDFs keeps this file's time flat as cases are added (the
 * whole workbook and the crib booklet grow with every listed case). Checks about a case's PDFs
 * run per representative case and name it. The built dist/ itself stays as the build left it.
 * The PDFs are read back as text with pdf.js: what a reader sees on paper, in the order they see
 * it, with page numbers, bookmarks and a numbered table of contents. Then the browser's own
 * printing of a case page: no site chrome, folded content open, light colours, link addresses shown.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { launchChromium } from '../../src/lib/tooling/browser.ts';
import { loadFramework, scaledBudgets } from '../../src/lib/content/framework.ts';
import { generatePdfs, type PdfResult } from '../../src/lib/pdf/generate.ts';
import { inspectPdf, type OutlineEntry } from '../../src/lib/pdf/inspect.ts';
import { serveStatic, type StaticSite } from '../../src/lib/tooling/static-server.ts';
import { makeProjectCopy, runIn } from '../fixtures/content-root.ts';
import { DIST } from './harness.ts';

const BASE = process.env.BASE_PATH ?? '/';
const GENERATED_SECTIONS = ['Pitfalls', 'Design checklist', 'Follow-up questions', 'References'];
const framework = loadFramework();

interface ReadPdf {
	pages: number;
	text: string[];
	/** Lines of text per page, footer included. */
	lines: number[];
	all: string;
	outline: OutlineEntry[];
}

let work: string;
let results: PdfResult[];
const pdfs = new Map<string, ReadPdf>();
let site: StaticSite;
let browser: Browser;

const frontmatterOf = (file: string) => parse(readFileSync(join('case-studies', file), 'utf8').split(/^---$/m)[1]!) as { domain: string; draft?: boolean };
const listedFiles = readdirSync('case-studies')
	.filter((f) => f.endsWith('.mdx') && !frontmatterOf(f).draft)
	.sort((a, b) => a.replace(/\.mdx$/, '').localeCompare(b.replace(/\.mdx$/, '')));
/**
 * The representative cases, named when the file is collected so each per-case test carries its
 * case: the flagship case (the one other tests use) and the first of another domain, so two
 * different bodies, diagrams and reference lists go through the print layouts.
 */
const REPRESENTATIVE = (() => {
	const first = listedFiles.includes('tiktok-feed.mdx') ? 'tiktok-feed.mdx' : listedFiles[0]!;
	const other = listedFiles.find((f) => frontmatterOf(f).domain !== frontmatterOf(first).domain) ?? listedFiles.find((f) => f !== first);
	return [first, ...(other ? [other] : [])];
})();
const caseList = REPRESENTATIVE.map((f) => ({ slug: f.replace(/\.mdx$/, '') }));
/** Titles as the built site shows them (typographic quotes and all), read once it is built. */
const titles = new Map<string, string>();
const titled = (slug: string) => ({ slug, title: titles.get(slug)! });
const cases = () => caseList.map((c) => titled(c.slug));
/** Slug and title as a built site shows them, from each case page's heading. */
const builtCases = (dist: string) =>
	readdirSync(join(dist, 'print/case')).map((slug) => ({ slug, title: decode(/<h1 id="_top"[^>]*>([^<]*)<\/h1>/.exec(readFileSync(join(dist, 'cases', slug, 'index.html'), 'utf8'))![1]!) }));
/** The site the PDFs are made from: built in beforeAll. */
let SITE: string;

beforeAll(async () => {
	const asDraft = (text: string) => (/^draft: true$/m.test(text) ? text : text.replace(/^---\n/, '---\ndraft: true\n'));
	const all = readdirSync('case-studies').filter((f) => f.endsWith('.mdx'));
	const files = Object.fromEntries(all.map((f) => [`case-studies/${f}`, REPRESENTATIVE.includes(f) ? readFileSync(join('case-studies', f), 'utf8') : asDraft(readFileSync(join('case-studies', f), 'utf8'))]));
	work = makeProjectCopy(files);
	// The same bounded heap as `npm run build`.
	const build = runIn(work, process.execPath, ['--max-old-space-size=1536', 'node_modules/astro/bin/astro.mjs', 'build']);
	if (build.status !== 0) throw new Error(`the site with ${REPRESENTATIVE.length} listed cases did not build:\n${build.output}`);
	SITE = join(work, 'dist');
	const built = builtCases(SITE);
	expect(built.map((c) => c.slug).sort(), 'the cases listed in the PDF site').toEqual(caseList.map((c) => c.slug).sort());
	for (const c of built) titles.set(c.slug, c.title);
	results = await generatePdfs({ root: work, dist: SITE, out: join(SITE, 'pdf'), format: 'a4', base: BASE, build: 'never' }, () => {});
	for (const r of results) {
		const pdf = await inspectPdf(new Uint8Array(readFileSync(r.path)));
		const text = await pdf.text();
		pdfs.set(r.file, { pages: pdf.pages, text, lines: await pdf.lines(), all: text.join(' '), outline: await pdf.outline() });
		await pdf.close();
	}
	site = await serveStatic(SITE, BASE);
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
	await site?.close();
	if (work) rmSync(work, { recursive: true, force: true });
});

const pdf = (file: string) => {
	const found = pdfs.get(file);
	if (!found) throw new Error(`${file} was not written; written: ${[...pdfs.keys()].join(', ')}`);
	return found;
};

describe('npm run pdf', () => {
	it('writes a PDF and a blank worksheet per case, and the whole workbook', () => {
		const files = results.map((r) => r.file).sort();
		const expected = [...cases().flatMap((c) => [`${c.slug}.pdf`, `worksheets/${c.slug}.pdf`, `crib/${c.slug}.pdf`]), 'crib/all.pdf', 'mlsd-workbook.pdf'].sort();
		expect(files).toEqual(expected);
		for (const r of results) expect(existsSync(r.path), r.path).toBe(true);
	});

	it.each(caseList)('$slug: the crib sheet fits one A4 page, with the title, the prompt, every section title in framework order and the top pitfalls', ({ slug }) => {
		const c = titled(slug);
		const crib = pdf(`crib/${c.slug}.pdf`);
		expect(crib.pages, `${c.slug}: crib sheet pages`).toBe(1);
		const sections = framework.sections.map((s, i) => `${i + 1}. ${s.title}`);
		expect(inOrder(crib.all, [c.title, 'Prompt.', 'Average QPS', ...sections, 'Top pitfalls']), c.slug).toEqual([]);
	});

	it('collects every crib sheet into one booklet, one page per case', () => {
		const booklet = pdf('crib/all.pdf');
		expect(booklet.pages).toBe(cases().length);
		for (const c of cases()) expect(booklet.text.some((page) => page.includes(c.title) && page.includes('Top pitfalls')), c.slug).toBe(true);
	});

	it.each(caseList)('$slug: the case PDF has its title and every section heading, in reading order', ({ slug }) => {
		const c = titled(slug);
		const sections = ['At a glance', ...framework.sections.map((s) => s.title), ...GENERATED_SECTIONS];
		expect(inOrder(pdf(`${c.slug}.pdf`).all, [c.title, ...sections]), c.slug).toEqual([]);
	});

	it.each(caseList)('$slug: folded content is printed, every follow-up answer is in the case PDF', ({ slug }) => {
		const c = titled(slug);
		const page = readFileSync(join(SITE, 'cases', c.slug, 'index.html'), 'utf8');
		const followUps = /<section class="follow-ups"[\s\S]*?<\/section>/.exec(page)![0];
		const answers = [...followUps.matchAll(/<\/summary>\s*<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]!);
		expect(answers.length, c.slug).toBeGreaterThan(0);
		for (const answer of answers) expect(compact(pdf(`${c.slug}.pdf`).all), `${c.slug}: ${textOf(answer).slice(0, 60)}`).toMatch(printedPattern(answer));
	});

	it.each(caseList)('$slug: diagrams are drawn as vector text, every label of every diagram figure is in the PDF as often as on the page', ({ slug }) => {
		const c = titled(slug);
		const printed = readFileSync(join(SITE, 'print/case', c.slug, 'index.html'), 'utf8');
		const doc = /<div class="print-document"[\s\S]*<\/article>/.exec(printed)![0];
		const labels = [...doc.matchAll(/<figure class="diagram[\s\S]*?<\/svg>/g)].flatMap((f) => [...f[0].matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((t) => textOf(t[1]!)));
		const pdfText = compact(pdf(`${c.slug}.pdf`).all);
		// "Diagram as text" is left off paper (print.css), so count the page without it.
		const pageText = compact(textOf(doc.replace(/<details class="diagram-text"[\s\S]*?<\/details>/g, ' ')));
		expect(pdfText, `${c.slug}: "Diagram as text" is not printed`).not.toContain('Diagramastext');
		// A diagram printed as a picture would lose its labels from the PDF's text.
		for (const label of labels.filter((l) => compact(l).length >= 8)) expect(count(pdfText, compact(label)), `${c.slug}: "${label}"`).toBeGreaterThanOrEqual(count(pageText, compact(label)));
	});

	it.each(caseList)("$slug: the worksheet has the prompt, every framework question and each section's time budget", ({ slug }) => {
		const c = titled(slug);
		const text = pdf(`worksheets/${c.slug}.pdf`).all;
		const page = readFileSync(join(SITE, 'cases', c.slug, 'index.html'), 'utf8');
		const prompt = textOf(/<blockquote>([\s\S]*?)<\/blockquote>/.exec(page)![1]!);
		expect(compact(text)).toContain(compact(prompt));
		const minutes = Number(/(\d+) min/.exec(/<li class="badge badge-time">[\s\S]*?<\/li>/.exec(page)![0])![1]);
		const budgets = scaledBudgets(framework, minutes);
		for (const [i, s] of framework.sections.entries()) {
			expect(inOrder(text, [`${i + 1}. ${s.title}`, `${budgets[i]} min budget`, s.question]), `${c.slug}: ${s.title}`).toEqual([]);
		}
	});

	it('numbers every page in the footer, except the workbook cover', () => {
		for (const [file, { pages, text }] of pdfs) {
			text.forEach((t, i) => {
				if (file === 'mlsd-workbook.pdf' && i === 0) expect(t, 'the cover').not.toMatch(/\b1 \/ \d+\b/);
				else expect(t, `${file} page ${i + 1}`).toContain(`${i + 1} / ${pages}`);
			});
		}
	});

	it('titles each PDF with its document, without repeating the site name', async () => {
		for (const r of results) {
			const { info } = await (await import('unpdf')).getMeta(new Uint8Array(readFileSync(r.path)));
			const title = String((info as { Title?: string }).Title ?? '');
			expect(title, r.file).not.toMatch(/\| MLSD Workbook|print edition/);
			if (r.kind === 'workbook') expect(title).toBe('MLSD Workbook');
		}
	});

	it('leaves no near-empty page in a case or the workbook: only the cover, a part’s first page and a part’s last page may hold under 5 lines', () => {
		for (const [file, { lines, outline, pages }] of pdfs) {
			if (file.startsWith('worksheets/')) continue;
			const starts = new Set(outline.map((o) => o.page));
			lines.forEach((n, i) => {
				const page = i + 1;
				const allowed = page === 1 || starts.has(page) || starts.has(page + 1) || page === pages;
				// n counts the footer as one line.
				if (!allowed) expect(n - 1, `${file} page ${page} has ${n - 1} lines`).toBeGreaterThanOrEqual(5);
			});
		}
	});

	it.each(caseList)('$slug: each worksheet question is on the page with its writing lines, the total is asked by hand, and nothing that only works online is printed', ({ slug }) => {
		const c = titled(slug);
		const { text, all } = pdf(`worksheets/${c.slug}.pdf`);
		for (const [i, s] of framework.sections.entries()) {
			const page = text.findIndex((t) => t.includes(s.question));
			expect(page, `${c.slug}: ${s.title}`).toBeGreaterThanOrEqual(0);
			expect(text[page], `${c.slug}: the writing lines of "${s.title}" start on the question's page`).toContain(`${i + 1}. ${s.title}: your answer`);
		}
		expect(all).toContain('Total: ________ / 100');
		expect(all).not.toMatch(/dimensions scored|timer|0 \/ 100/i);
	});

	it('keeps page counts within sensible bounds: cases a few dozen pages, worksheets a handful, the workbook all of them plus its own parts', () => {
		const casePages = cases().map((c) => pdf(`${c.slug}.pdf`).pages);
		for (const n of casePages) expect(n >= 5 && n <= 120, `${n} pages`).toBe(true);
		for (const c of cases()) {
			const n = pdf(`worksheets/${c.slug}.pdf`).pages;
			expect(n >= 2 && n <= 15, `worksheet ${c.slug}: ${n} pages`).toBe(true);
		}
		const total = casePages.reduce((a, b) => a + b, 0);
		expect(pdf('mlsd-workbook.pdf').pages).toBeGreaterThan(total);
		expect(pdf('mlsd-workbook.pdf').pages).toBeLessThan(total + 200);
	});
});

describe('the workbook PDF', () => {
	const workbook = () => pdf('mlsd-workbook.pdf');

	it('opens on a cover, then the contents, then the framework', () => {
		expect(workbook().text[0]).toContain('MLSD Workbook');
		expect(workbook().text[0]).toMatch(/Printed \d{4}-\d{2}-\d{2}/);
		expect(workbook().outline.slice(0, 3).map((o) => o.title)).toEqual(['MLSD Workbook', 'Contents', 'The framework']);
	});

	it('has a bookmark per case, titled exactly like the case, with one per section inside', () => {
		const top = workbook().outline.map((o) => o.title);
		for (const c of cases()) {
			const entry = workbook().outline.find((o) => o.title === c.title);
			expect(entry, `bookmark for "${c.title}" among ${JSON.stringify(top)}`).toBeDefined();
			expect(entry!.items.map((i) => i.title)).toEqual(['At a glance', ...framework.sections.map((s) => s.title), ...GENERATED_SECTIONS]);
		}
		expect(top).toContain('Pitfall catalog');
		const roadmap = existsSync(join(SITE, 'roadmap/index.html'));
		const roadmapTitle = roadmap ? decode(/<h1 id="_top"[^>]*>([^<]*)<\/h1>/.exec(readFileSync(join(SITE, 'roadmap/index.html'), 'utf8'))![1]!) : undefined;
		if (roadmapTitle) expect(top.at(-1)).toBe(roadmapTitle);
		else expect(top.at(-1)).toBe('Pitfall catalog');
	});

	it('lists every case and each of its sections in the contents, with the page each starts on', () => {
		const outline = workbook().outline;
		const contentsPage = outline.find((o) => o.title === 'Contents')!.page!;
		const nextPart = outline[outline.findIndex((o) => o.title === 'Contents') + 1]!.page!;
		const contents = workbook().text.slice(contentsPage - 1, nextPart - 1).join(' ');
		for (const c of cases()) {
			const entry = outline.find((o) => o.title === c.title)!;
			expect(contents, c.title).toMatch(new RegExp(`${escapeRegExp(c.title)}\\s+${entry.page}\\b`));
			expect(workbook().text[entry.page! - 1], `page ${entry.page}`).toContain(c.title);
			const after = contents.slice(contents.indexOf(c.title));
			const listed = entry.items.map((s) => new RegExp(`${escapeRegExp(s.title)}\\s+(\\d+)`).exec(after)?.[1]);
			expect(listed.map(Number), `${c.title}: the contents' section pages are the bookmarks' pages`).toEqual(entry.items.map((s) => s.page));
		}
	});

	it('carries every case in full, each with its sections in order, and the pitfall catalog', () => {
		const outline = workbook().outline;
		for (const c of cases()) {
			const i = outline.findIndex((o) => o.title === c.title);
			const from = outline[i]!.page! - 1;
			const to = (outline[i + 1]?.page ?? workbook().pages) - 1;
			const text = workbook().text.slice(from, to + 1).join(' ');
			expect(inOrder(text, [c.title, ...framework.sections.map((s) => s.title), ...GENERATED_SECTIONS]), c.title).toEqual([]);
		}
	});
});

describe('the workbook print layout', () => {
	it('once open, every link inside it lands on something in the document, imported parts included', async () => {
		const page = await browser.newPage();
		try {
			await page.goto(new URL('print/workbook/', site.url).href);
			await page.waitForSelector('.print-document[data-print-ready="true"]');
			const broken = await page.$$eval('a[href^="#"]', (as) => as.map((a) => a.getAttribute('href')!.slice(1)).filter((id) => !document.getElementById(decodeURIComponent(id))));
			expect(broken).toEqual([]);
			expect(await page.locator('#pitfall-catalog').isVisible()).toBe(true);
			expect(await page.locator('#framework').isVisible()).toBe(true);
		} finally {
			await page.close();
		}
	});
});

describe('links to the PDFs from the site', () => {
	it.each(caseList)('$slug: the case page links its PDF and worksheet, and the files are served', async ({ slug }) => {
		const c = titled(slug);
		const page = await browser.newPage();
		try {
			await page.goto(new URL(`cases/${c.slug}/`, site.url).href);
			const link = page.getByRole('link', { name: /Download as PDF/ });
			await expect.poll(() => link.isVisible()).toBe(true);
			expect(await link.textContent()).toMatch(/\(PDF, \d+ pages, [\d.]+ [KM]B\)/);
			const hrefs = await page.locator('a[data-pdf-link]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
			expect(hrefs.length, `${c.slug}: PDF links`).toBeGreaterThan(1);
			for (const href of hrefs) {
				const response = await page.request.get(href);
				expect(response.status(), href).toBe(200);
				expect(response.headers()['content-type']).toBe('application/pdf');
			}
		} finally {
			await page.close();
		}
	});

	it('the home page links the whole workbook, and the file is served', async () => {
		const page = await browser.newPage();
		try {
			await page.goto(site.url);
			const workbookLink = page.getByRole('link', { name: /Download the whole workbook/ });
			await expect.poll(() => workbookLink.isVisible()).toBe(true);
			const response = await page.request.get(await workbookLink.evaluate((a) => (a as HTMLAnchorElement).href));
			expect(response.status()).toBe(200);
			expect(response.headers()['content-type']).toBe('application/pdf');
		} finally {
			await page.close();
		}
	});

	it('a site built without PDFs links to none', () => {
		for (const path of ['index.html', ...builtCases(DIST).map((c) => `cases/${c.slug}/index.html`)]) {
			const html = readFileSync(join(DIST, path), 'utf8');
			expect(html, path).not.toMatch(/\sdata-pdf-link\b/);
			// A reference may cite a paper published as a PDF elsewhere; a link to one of the site's own would be dead.
			expect(html, path).not.toMatch(/href="(?!https?:\/\/)[^"]*\.pdf"/);
		}
	});
});

describe('printing a case page from the browser', () => {
	it('shows the content alone, in light colours, with folded content open and link addresses, then restores the page', async () => {
		const context = await browser.newContext({ colorScheme: 'dark' });
		const page = await context.newPage();
		try {
			const c = cases()[0]!;
			await page.goto(new URL(`cases/${c.slug}/`, site.url).href);
			const closedBefore = await page.locator('details:not([open])').count();
			expect(closedBefore).toBeGreaterThan(0);
			await page.emulateMedia({ media: 'print' });
			await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));

			for (const chrome of ['.page > header', 'nav.sidebar', '.right-sidebar-container', 'site-search', 'starlight-theme-select', '.pagination-links']) {
				for (const el of await page.locator(chrome).all()) expect(await el.isVisible(), chrome).toBe(false);
			}
			expect(await page.locator('h1').first().isVisible()).toBe(true);
			expect(await page.locator('main details:not([open])').count()).toBe(0);
			const colours = await page.evaluate(() => ({ bg: getComputedStyle(document.body).backgroundColor, fg: getComputedStyle(document.querySelector('main p')!).color }));
			expect(colours.bg).toBe('rgb(255, 255, 255)');
			expect(luminance(colours.fg)).toBeLessThan(0.3);
			const external = page.locator('.references a[href^="http"]').first();
			const href = await external.getAttribute('href');
			expect(await external.evaluate((a) => getComputedStyle(a, '::after').content)).toContain(href);
			const box = page.locator('.design-checklist input[type=checkbox]').first();
			expect(await box.evaluate((b) => getComputedStyle(b).appearance)).toBe('none');

			await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
			await page.emulateMedia({ media: 'screen' });
			expect(await page.locator('details:not([open])').count()).toBe(closedBefore);
			expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		} finally {
			await context.close();
		}
	});
});

/** The expected phrases that are missing, or out of order, in `text`. */
function inOrder(text: string, phrases: string[]): string[] {
	const hay = compact(text);
	let at = 0;
	const problems: string[] = [];
	for (const p of phrases) {
		const i = hay.indexOf(compact(p), at);
		if (i < 0) problems.push(hay.includes(compact(p)) ? `${p} (out of order)` : `${p} (missing)`);
		else at = i + compact(p).length;
	}
	return problems;
}

/**
 * The compacted text of an HTML fragment as a pattern: paper shows a link's address in brackets
 * after its text (print.css; the print layout makes site links absolute), so one may follow each link.
 */
function printedPattern(html: string): RegExp {
	const parts = html.split(/(<a\b[^>]*>[\s\S]*?<\/a>)/);
	return new RegExp(parts.map((p, i) => escapeRegExp(compact(textOf(p))) + (i % 2 ? String.raw`(?:\(https?://.*?\))?` : '')).join(''));
}

function compact(text: string): string {
	return text.replace(/\s+/g, '');
}

function count(hay: string, needle: string): number {
	let n = 0;
	for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) n++;
	return n;
}

function textOf(html: string): string {
	// Tags go whole, quoted attribute values included (a code block's copy button keeps its code, arrows and all, in one).
	return decode(html.replace(/<(script|style|title|desc)\b[\s\S]*?<\/\1>/g, ' ').replace(/<(?:[^>"']|"[^"]*"|'[^']*')*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

function decode(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&#x27;/g, "'")
		.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
		.replace(/&amp;/g, '&');
}

function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function luminance(rgb: string): number {
	const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
	return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
}
