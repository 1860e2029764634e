import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { PHONE_CHARS_PER_LINE } from '../lib/site/section-size.ts';

/** Class of the wrapper around one `##` section of a case body (src/styles/case-sections.css). */
export const CASE_SECTION_CLASS = 'case-section';

/**
 * Wraps each `##` section of a case body (the heading and everything up to the
 * next `##`) in `<section class="case-section">`, so the browser can skip laying
 * out the sections that are off screen (`content-visibility: auto` in
 * src/styles/case-sections.css): a case is tens of thousands of pixels tall on a
 * phone. Each wrapper carries the length of its text (`--cv-chars`) and the height
 * of its diagrams (`--cv-px`, `--cv-px-wide`), from which the CSS estimates its
 * height until it is first drawn. Only case files (their front matter has a
 * `prompt`) are wrapped; other Markdown pages are short.
 */
export default function rehypeCaseSections() {
	return (tree: Root, file: VFile): void => {
		const frontmatter = (file.data.astro as { frontmatter?: { prompt?: unknown } } | undefined)?.frontmatter;
		if (typeof frontmatter?.prompt !== 'string') return;
		const out: RootContent[] = [];
		const sections: Element[] = [];
		for (const node of tree.children) {
			if (node.type === 'element' && node.tagName === 'h2') {
				sections.push({ type: 'element', tagName: 'section', properties: { className: [CASE_SECTION_CLASS] }, children: [] });
				out.push(sections.at(-1)!);
			}
			const section = sections.at(-1);
			if (section) section.children.push(node as ElementContent);
			else out.push(node);
		}
		for (const section of sections) {
			const diagrams = diagramHeights(section);
			section.properties.style = `--cv-chars: ${textLength(section)}; --cv-px: ${Math.round(diagrams.phone)}; --cv-px-wide: ${Math.round(diagrams.wide)}`;
		}
		tree.children = out;
	};
}

/**
 * Characters of text under a node that show on first view (a closed <details> shows only its summary), whitespace
 * runs counted once. What is not text is converted to the characters that would fill the same height on a phone:
 * a drawn diagram by its size, a table by the stacked cells it becomes on a narrow screen. An estimate too small
 * puts the following sections on top of this one until it is drawn (page audits then see overlapping links).
 */
function textLength(node: Root | RootContent): number {
	if (node.type === 'text') return node.value.replace(/\s+/g, ' ').length;
	// A deep dive is still an MDX component here (src/components/DeepDive.astro): collapsed, it shows its title.
	if ((node.type as string) === 'mdxJsxFlowElement' && (node as unknown as { name?: string }).name === 'DeepDive') return 2 * SUMMARY_CHARS;
	if (node.type === 'element' && node.tagName === 'details') {
		const summary = node.children.find((c) => c.type === 'element' && c.tagName === 'summary');
		return summary ? textLength(summary) + SUMMARY_CHARS : SUMMARY_CHARS;
	}
	if (node.type === 'element' && node.tagName === 'svg') return 0;
	if (node.type === 'element' && node.tagName === 'table') return tableChars(node);
	const inside = 'children' in node ? node.children.reduce((n, child) => n + textLength(child), 0) : 0;
	// A block ends its last line early and has margins: about half a line more.
	return node.type === 'element' && BLOCKS.has(node.tagName) ? inside + PHONE_CHARS_PER_LINE / 2 : inside;
}

const BLOCKS = new Set(['p', 'li', 'h3', 'h4', 'pre', 'blockquote', 'figure', 'dt', 'dd']);

/** Height of the diagrams in a section in px, on a phone and on a wide screen (a diagram is drawn at most at its own size). */
function diagramHeights(node: Root | RootContent): { phone: number; wide: number } {
	if (node.type === 'element' && node.tagName === 'details') return { phone: 0, wide: 0 };
	if (node.type === 'element' && node.tagName === 'svg') {
		const box = String(node.properties.viewBox ?? '')
			.split(/[\s,]+/)
			.map(Number);
		const [width, height] = box.length === 4 ? [box[2]!, box[3]!] : [Number(node.properties.width), Number(node.properties.height)];
		if (!(width > 0 && height > 0)) return { phone: 0, wide: 0 };
		return { phone: height * Math.min(1, PHONE_COLUMN_PX / width), wide: height * Math.min(1, WIDE_COLUMN_PX / width) };
	}
	const sum = { phone: 0, wide: 0 };
	if ('children' in node)
		for (const child of node.children) {
			const h = diagramHeights(child);
			sum.phone += h.phone;
			sum.wide += h.wide;
		}
	return sum;
}

/** A summary line takes about as much room as this many characters of text (padding, border). */
const SUMMARY_CHARS = 60;
/** Width of the text column on a 412 px phone, and at most on a wide screen. */
const PHONE_COLUMN_PX = 380;
const WIDE_COLUMN_PX = 720;

/** A table on a phone: each body cell on its own line under its column's label (src/plugins/rehype-tables.ts stacks them). */
function tableChars(table: Element): number {
	let chars = 0;
	const visit = (node: ElementContent): void => {
		if (node.type !== 'element') return;
		if (node.tagName === 'thead') return;
		if (node.tagName === 'td' || node.tagName === 'th') {
			// The column's label (data-label) takes a line of its own, the value the lines after it.
			chars += PHONE_CHARS_PER_LINE + node.children.reduce((n, child) => n + textLength(child), 0) + PHONE_CHARS_PER_LINE / 2;
			return;
		}
		node.children.forEach(visit);
	};
	table.children.forEach(visit);
	return chars;
}
