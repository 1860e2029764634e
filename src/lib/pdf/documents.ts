/** The PDFs to make, found in the built site: one per print layout under dist/print/. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export type PdfKind = 'case' | 'worksheet' | 'workbook';

export interface PdfDocument {
	kind: PdfKind;
	/** The case, for case and worksheet PDFs. */
	slug?: string;
	/** Site path of the print layout, below the base (`print/case/tiktok-feed/`). */
	route: string;
	/** Where the PDF goes, relative to the output folder (`worksheets/tiktok-feed.pdf`). */
	file: string;
}

export const WORKBOOK_FILE = 'mlsd-workbook.pdf';

/** Cases first, then their worksheets, then the workbook, each in slug order. */
export function listDocuments(dist: string): PdfDocument[] {
	const slugs = (dir: string) =>
		existsSync(join(dist, dir))
			? readdirSync(join(dist, dir))
					.filter((slug) => existsSync(join(dist, dir, slug, 'index.html')))
					.sort()
			: [];
	return [
		...slugs('print/case').map((slug): PdfDocument => ({ kind: 'case', slug, route: `print/case/${slug}/`, file: `${slug}.pdf` })),
		...slugs('print/worksheet').map((slug): PdfDocument => ({ kind: 'worksheet', slug, route: `print/worksheet/${slug}/`, file: `worksheets/${slug}.pdf` })),
		...(existsSync(join(dist, 'print/workbook/index.html')) ? [{ kind: 'workbook' as const, route: 'print/workbook/', file: WORKBOOK_FILE }] : []),
	];
}
