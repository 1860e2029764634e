/** Reads a PDF back (pdf.js through unpdf): page count, text per page, outline, where named anchors landed. */
import { getDocumentProxy } from 'unpdf';

export interface OutlineEntry {
	title: string;
	/** 1-based page the bookmark points to, when it resolves. */
	page?: number;
	items: OutlineEntry[];
}

export interface PdfInspection {
	pages: number;
	/** Text of each page, whitespace folded to single spaces. */
	text(): Promise<string[]>;
	/** Lines of text on each page: distinct baselines that carry text (the footer counts as one). */
	lines(): Promise<number[]>;
	/** The document outline (bookmarks). */
	outline(): Promise<OutlineEntry[]>;
	/** 1-based page of each named destination (an element id that a link in the document targets). */
	destinationPages(ids: string[]): Promise<Map<string, number>>;
	close(): Promise<void>;
}

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;
type Dest = Awaited<ReturnType<PdfDocument['getDestination']>>;

export async function inspectPdf(bytes: Uint8Array): Promise<PdfInspection> {
	// pdf.js may detach the buffer it is given; hand it a copy.
	const pdf = await getDocumentProxy(new Uint8Array(bytes));
	const pageOf = async (dest: Dest | string | null | undefined): Promise<number | undefined> => {
		const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
		const ref = explicit?.[0];
		if (!ref || typeof ref !== 'object') return undefined;
		return (await pdf.getPageIndex(ref as Parameters<PdfDocument['getPageIndex']>[0])) + 1;
	};
	return {
		pages: pdf.numPages,
		async text() {
			const out: string[] = [];
			for (let i = 1; i <= pdf.numPages; i++) {
				const content = await (await pdf.getPage(i)).getTextContent();
				// Items split at every style change; join with spaces and fold, so a phrase matches whatever its runs.
				const parts = content.items.map((item) => ('str' in item ? item.str : ''));
				out.push(parts.join(' ').replace(/\s+/g, ' ').trim());
			}
			return out;
		},
		async lines() {
			const out: number[] = [];
			for (let i = 1; i <= pdf.numPages; i++) {
				const content = await (await pdf.getPage(i)).getTextContent();
				const baselines = new Set(content.items.flatMap((item) => ('str' in item && item.str.trim() ? [Math.round(item.transform[5] as number)] : [])));
				out.push(baselines.size);
			}
			return out;
		},
		async outline() {
			const walk = async (items: Awaited<ReturnType<PdfDocument['getOutline']>>): Promise<OutlineEntry[]> =>
				Promise.all((items ?? []).map(async (i) => ({ title: i.title, page: await pageOf(i.dest as Dest | string | null), items: await walk(i.items) })));
			return walk(await pdf.getOutline());
		},
		async destinationPages(ids) {
			const pages = new Map<string, number>();
			for (const id of ids) {
				const page = await pageOf(id).catch(() => undefined);
				if (page) pages.set(id, page);
			}
			return pages;
		},
		close: () => pdf.loadingTask.destroy(),
	};
}
