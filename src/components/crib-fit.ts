/**
 * Keeps each crib sheet on one A4 page: measures the sheet in the page's
 * geometry and, when a case has more to say than fits at the normal size,
 * scales its type down in small steps (never below a readable floor).
 */
/** Height of an A4 page inside the PDF's margins (297 − 14 − 16 mm), less room for rounding, in CSS px. */
const PAGE_HEIGHT_PX = ((297 - 14 - 16 - 5) / 25.4) * 96;
const STEPS = [1, 0.95, 0.9, 0.85, 0.8];

export function fitCribs(doc: Document): void {
	for (const sheet of doc.querySelectorAll<HTMLElement>('.crib')) fit(sheet);
}

function fit(sheet: HTMLElement): void {
	sheet.classList.add('is-measuring');
	for (const step of STEPS) {
		sheet.style.setProperty('--crib-size', String(step));
		if (sheet.getBoundingClientRect().height <= PAGE_HEIGHT_PX) break;
	}
	sheet.classList.remove('is-measuring');
}
