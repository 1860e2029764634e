/**
 * Chromium builds the PDF outline from the headings but joins a wrapped
 * heading's lines without the space between them ("social-feed" + "ads" →
 * "social-feedads"). This puts the headings' real text back into the bookmarks.
 */
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

const compact = (text: string) => text.replace(/\s+/g, '');

/**
 * Returns `pdf` with each bookmark titled by the heading it was made from.
 * `headings` are the document's heading texts in order; a bookmark matches the
 * next heading with the same characters once whitespace is ignored. Returns
 * undefined when every title was already right (nothing to rewrite).
 */
export async function restoreOutlineTitles(pdf: Uint8Array, headings: string[]): Promise<Uint8Array | undefined> {
	const doc = await PDFDocument.load(pdf, { updateMetadata: false });
	const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
	if (!outlines) return undefined;
	const texts = headings.map((h) => h.replace(/\s+/g, ' ').trim());
	let cursor = 0;
	let changed = false;
	const visit = (first: PDFDict | undefined) => {
		for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
			const title = item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString);
			if (title) {
				const text = title.decodeText();
				const at = texts.findIndex((h, i) => i >= cursor && compact(h) === compact(text));
				if (at >= 0) {
					cursor = at + 1;
					if (texts[at] !== text) {
						item.set(PDFName.of('Title'), PDFHexString.fromText(texts[at]!));
						changed = true;
					}
				}
			}
			visit(item.lookupMaybe(PDFName.of('First'), PDFDict));
		}
	};
	visit(outlines.lookupMaybe(PDFName.of('First'), PDFDict));
	return changed ? doc.save({ useObjectStreams: false }) : undefined;
}
