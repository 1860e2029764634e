/** The PDFs to make, found in the built site: the print layouts under dist/print/ and practice mode's blank worksheets. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export type PdfKind = 'case' | 'worksheet' | 'crib' | 'cribs' | 'workbook';

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
/** Every case's crib sheet in one file. */
export const CRIBS_FILE = 'crib/all.pdf';

/** Cases first, then their worksheets, their crib sheets and the booklet of cribs, then the workbook, each in slug order. */
export function listDocuments(dist: string): PdfDocument[] {
	const slugs = (dir: string, page = 'index.html') =>
		existsSync(join(dist, dir))
			? readdirSync(join(dist, dir))
					.filter((slug) => existsSync(join(dist, dir, slug, page)))
					.sort()
			: [];
	return [
		...slugs('print/case').map((slug): PdfDocument => ({ kind: 'case', slug, route: `print/case/${slug}/`, file: `${slug}.pdf` })),
		// The blank worksheet is practice mode's own printable page, so paper and screen share one layout.
		...slugs('practice', 'blank/index.html').map((slug): PdfDocument => ({ kind: 'worksheet', slug, route: `practice/${slug}/blank/`, file: `worksheets/${slug}.pdf` })),
		...slugs('print/crib').map((slug): PdfDocument => ({ kind: 'crib', slug, route: `print/crib/${slug}/`, file: `crib/${slug}.pdf` })),
		...(existsSync(join(dist, 'print/cribs/index.html')) ? [{ kind: 'cribs' as const, route: 'print/cribs/', file: CRIBS_FILE }] : []),
		...(existsSync(join(dist, 'print/workbook/index.html')) ? [{ kind: 'workbook' as const, route: 'print/workbook/', file: WORKBOOK_FILE }] : []),
	];
}
