/**
 * After the PDFs exist, the built pages get links to them: each case page's
 * action bar (`<p class="case-actions">`) and the home page's empty, hidden
 * `<p data-pdf-links hidden>`. Done on dist/ after the build, so a site built
 * without PDFs never links to one; running it again replaces the old links.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml } from '../site/escape-html.ts';
import { formatBytes } from '../numbers/estimates.ts';

export interface PdfLink {
	/** Site-absolute href, base included (`/pdf/tiktok-feed.pdf`). */
	href: string;
	label: string;
	/** Shown after the label, e.g. `14 pages, 1.2 MB`. */
	detail: string;
	/** Extra class for the anchor (the case page's button style). */
	className?: string;
}

const CONTAINER = /<p\b(?=[^>]*(?:\sdata-pdf-links\b|\sclass="[^"]*\bcase-actions\b))[^>]*>/;
const OLD_LINK = /\s*<a\b[^>]*\sdata-pdf-link\b[^>]*>[\s\S]*?<\/a>/g;

/** `html` with `links` as the PDF links of its link container; undefined when the page has none. */
export function setPdfLinks(html: string, links: PdfLink[]): string | undefined {
	const open = CONTAINER.exec(html);
	if (!open) return undefined;
	const start = open.index + open[0].length;
	const end = html.indexOf('</p>', start);
	if (end < 0) return undefined;
	const inner = html.slice(start, end).replace(OLD_LINK, '');
	const anchors = links.map(
		(l) =>
			` <a${l.className ? ` class="${l.className}"` : ''} href="${escapeHtml(l.href)}" data-pdf-link>${escapeHtml(l.label)}<span class="pdf-link-detail"> (PDF, ${escapeHtml(l.detail)})</span></a>`,
	);
	const opening = open[0].replace(/\shidden(="[^"]*")?(?=[\s>])/, '');
	return html.slice(0, open.index) + opening + inner + anchors.join('') + html.slice(end);
}

/** Applies `setPdfLinks` to a built page (site path below the base); false when the page or its container is missing. */
export function linkPage(dist: string, sitePath: string, links: PdfLink[]): boolean {
	const file = join(dist, sitePath, 'index.html');
	if (!existsSync(file)) return false;
	const html = setPdfLinks(readFileSync(file, 'utf8'), links);
	if (html === undefined) return false;
	writeFileSync(file, html);
	return true;
}

/** The PDFs written (file relative to dist/pdf/, page count, size). */
export interface BuiltPdf {
	kind: 'case' | 'worksheet' | 'crib' | 'cribs' | 'workbook';
	slug?: string;
	file: string;
	pages: number;
	bytes: number;
}

/** Links each case page to its PDF and blank worksheet, and the home page to the workbook. */
export function linkPdfsIntoSite(dist: string, base: string, pdfs: BuiltPdf[]): { pages: number; warnings: string[] } {
	const prefix = `${base.replace(/\/?$/, '/')}pdf/`;
	const link = (pdf: BuiltPdf, label: string, className?: string): PdfLink => ({
		href: prefix + pdf.file,
		label,
		detail: `${pdf.pages} page${pdf.pages === 1 ? '' : 's'}, ${formatBytes(pdf.bytes)}`,
		className,
	});
	const warnings: string[] = [];
	let pages = 0;
	const apply = (sitePath: string, links: PdfLink[]) => {
		if (linkPage(dist, sitePath, links)) pages++;
		else warnings.push(`${join(dist, sitePath, 'index.html')} has no place for PDF links (<p class="case-actions"> or <p data-pdf-links>)`);
	};
	for (const pdf of pdfs.filter((p) => p.kind === 'case')) {
		const worksheet = pdfs.find((p) => p.kind === 'worksheet' && p.slug === pdf.slug);
		const crib = pdfs.find((p) => p.kind === 'crib' && p.slug === pdf.slug);
		apply(`cases/${pdf.slug}/`, [link(pdf, 'Download as PDF', 'case-action'), ...(worksheet ? [link(worksheet, 'Blank worksheet', 'case-action')] : []), ...(crib ? [link(crib, 'Crib sheet', 'case-action')] : [])]);
		if (crib) apply(`cases/${pdf.slug}/crib/`, [link(crib, 'Download the crib sheet', 'case-action')]);
	}
	const workbook = pdfs.find((p) => p.kind === 'workbook');
	const cribs = pdfs.find((p) => p.kind === 'cribs');
	if (workbook) apply('', [link(workbook, 'Download the whole workbook')]);
	if (cribs) apply('crib-sheets/', [link(cribs, 'Every crib sheet in one file', 'case-action')]);
	return { pages, warnings };
}
