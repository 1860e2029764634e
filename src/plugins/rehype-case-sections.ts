import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';

/** Class of the wrapper around one `##` section of a case body (src/styles/case-sections.css). */
export const CASE_SECTION_CLASS = 'case-section';

/**
 * Wraps each `##` section of a case body (the heading and everything up to the
 * next `##`) in `<section class="case-section">`, so the browser can skip laying
 * out the sections that are off screen (`content-visibility: auto` in
 * src/styles/case-sections.css): a case is tens of thousands of pixels tall on a
 * phone. Each wrapper carries the length of its text (`--cv-chars`), from which
 * the CSS estimates its height until it is first drawn. Only case files (their
 * front matter has a `prompt`) are wrapped; other Markdown pages are short.
 */
export default function rehypeCaseSections() {
	return (tree: Root, file: VFile): void => {
		const frontmatter = (file.data.astro as { frontmatter?: { prompt?: unknown } } | undefined)?.frontmatter;
		if (typeof frontmatter?.prompt !== 'string') return;
		const out: RootContent[] = [];
		let section: Element | undefined;
		for (const node of tree.children) {
			if (node.type === 'element' && node.tagName === 'h2') {
				section = { type: 'element', tagName: 'section', properties: { className: [CASE_SECTION_CLASS] }, children: [] };
				out.push(section);
			}
			if (section) section.children.push(node as ElementContent);
			else out.push(node);
		}
		for (const node of out)
			if (node.type === 'element' && node.tagName === 'section' && (node.properties.className as string[] | undefined)?.includes(CASE_SECTION_CLASS))
				node.properties.style = `--cv-chars: ${textLength(node)}`;
		tree.children = out;
	};
}

/** Characters of text under a node that show on first view (a closed <details> shows only its summary), whitespace runs counted once. */
function textLength(node: Root | RootContent): number {
	if (node.type === 'text') return node.value.replace(/\s+/g, ' ').length;
	// A deep dive is still an MDX component here (src/components/DeepDive.astro): collapsed, it shows its title.
	if ((node.type as string) === 'mdxJsxFlowElement' && (node as unknown as { name?: string }).name === 'DeepDive') return 2 * SUMMARY_CHARS;
	if (node.type === 'element' && node.tagName === 'details') {
		const summary = node.children.find((c) => c.type === 'element' && c.tagName === 'summary');
		return summary ? textLength(summary) + SUMMARY_CHARS : SUMMARY_CHARS;
	}
	return 'children' in node ? node.children.reduce((n, child) => n + textLength(child), 0) : 0;
}

/** A summary line takes about as much room as this many characters of text (padding, border). */
const SUMMARY_CHARS = 60;
