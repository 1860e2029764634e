/**
 * Keeps each crib sheet on one A4 page when printed from the browser: lays the
 * sheet out on screen in the page's geometry (180 mm wide, the two columns
 * filled top to bottom up to the page's height, as on paper) and, when a case
 * has more to say than fits, scales its type down in small steps. `npm run pdf`
 * checks the printed page count itself (src/lib/pdf/print-to-pdf.ts).
 */
/** Height of an A4 page inside the PDF's margins (297 − 14 − 16 mm), in CSS px. */
const PAGE_HEIGHT_PX = ((297 - 14 - 16) / 25.4) * 96;
export const CRIB_SIZES = [1, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7];

export function fitCribs(doc: Document): void {
	for (const sheet of doc.querySelectorAll<HTMLElement>('.crib')) fit(sheet);
}

function fit(sheet: HTMLElement): void {
	const columns = sheet.querySelector<HTMLElement>('.crib-columns');
	if (!columns) return;
	sheet.classList.add('is-measuring');
	for (const size of CRIB_SIZES) {
		sheet.style.setProperty('--crib-size', String(size));
		columns.style.height = `${PAGE_HEIGHT_PX - (columns.getBoundingClientRect().top - sheet.getBoundingClientRect().top)}px`;
		// Filled column by column at a fixed height, overflow shows as a third column to the side.
		if (columns.scrollWidth <= columns.clientWidth + 1) break;
	}
	columns.style.height = '';
	sheet.classList.remove('is-measuring');
}
