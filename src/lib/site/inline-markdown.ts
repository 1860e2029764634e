/**
 * Inline Markdown for the short strings readers see outside a Markdown body: catalog
 * fields (pitfalls, checklist items), frontmatter (summaries, notes, follow-up answers,
 * key points). Rendered like the body (code, emphasis, links, $`TeX`$ formulas) and safe by
 * construction: only the node types below become elements; raw HTML is shown as text, and a
 * link becomes an anchor only when it is a site path or https.
 */
import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { renderMath } from '../numbers/math.ts';
import { escapeHtml } from './escape-html.ts';
import { splitInlineMath, type InlineMath } from './inline-math.ts';
import { smartQuotes } from './typography.ts';

export interface InlineOptions {
	/** Base path prefixed to site-path links (`/pitfalls/` → `/mlsd-workbook/pitfalls/`). */
	base?: string;
}

const parser = unified().use(remarkParse).use(remarkGfm);

/** Whether a link target may be rendered: a site path, an in-page anchor, or https. */
export function isSafeHref(url: string): boolean {
	return (url.startsWith('/') && !url.startsWith('//')) || url.startsWith('#') || /^https:\/\/[^\s]+$/i.test(url);
}

/** The string as inline HTML (no wrapping element). */
export function renderInline(text: string, options: InlineOptions = {}): string {
	const base = (options.base ?? '/').replace(/\/?$/, '/');
	const tree = parser.parse(text) as Root;
	return tree.children.map((block) => renderBlock(block, text, base)).filter(Boolean).join(' ');
}

/**
 * The string as Markdown phrasing nodes, for a pipeline that renders them with its own plugins
 * (the key points leading each section of a case body: src/plugins/remark-key-points.ts, where
 * formulas, link titles and the base path are then handled as in the rest of the body). Same
 * parse and rules as renderInline: a string that only looks like a block stays as written, raw
 * HTML is text, a link keeps only its text unless `isSafeHref` allows it; no source positions, as
 * the nodes come from frontmatter, not from the body's lines.
 */
export function inlineNodes(text: string): PhrasingContent[] {
	const tree = parser.parse(text) as Root;
	return tree.children.flatMap((block, i) => {
		const nodes = block.type === 'paragraph' ? block.children.flatMap(safeNode) : [textNode(source(block, text))];
		return i > 0 ? [textNode(' '), ...nodes] : nodes;
	});
}

const textNode = (value: string): PhrasingContent => ({ type: 'text', value });

function safeNode(node: PhrasingContent): PhrasingContent[] {
	switch (node.type) {
		case 'text':
		case 'inlineCode':
			return [{ type: node.type, value: node.value }];
		case 'break':
			return [{ type: 'break' }];
		case 'emphasis':
		case 'strong':
		case 'delete':
			return [{ type: node.type, children: node.children.flatMap(safeNode) } as PhrasingContent];
		case 'link': {
			const children = node.children.flatMap(safeNode);
			return isSafeHref(node.url) ? [{ type: 'link', url: node.url, title: node.title, children } as PhrasingContent] : children;
		}
		default:
			return [textNode(plain(node))];
	}
}

/** The string as plain text (for attributes, page titles and descriptions): markup dropped, code and formulas kept as written. */
export function inlineText(text: string): string {
	const tree = parser.parse(text) as Root;
	return smartQuotes(tree.children.map((block) => (block.type === 'paragraph' ? plain(block) : source(block, text))).join(' '));
}

function renderBlock(block: RootContent, text: string, base: string): string {
	// Only a paragraph is inline; a string that merely looks like a list or heading ("1. …") stays as written.
	if (block.type === 'paragraph') return renderChildren(block.children, base);
	return escapeHtml(source(block, text));
}

function renderChildren(children: PhrasingContent[], base: string): string {
	let out = '';
	for (const node of splitInlineMath(children)) {
		out += node.type === 'text' ? escapeHtml(smartQuotes(node.value, { afterWord: /\S$/.test(out) })) : renderNode(node, base);
	}
	return out;
}

function renderNode(node: PhrasingContent | InlineMath, base: string): string {
	switch (node.type) {
		case 'inlineMath':
			// Formulas stay out of the search index, as on concept pages (src/components/Math.astro).
			return `<span class="math-inline not-content" data-pagefind-ignore>${renderMath(node.value)}</span>`;
		case 'text':
			return escapeHtml(smartQuotes(node.value));
		case 'inlineCode':
			return `<code>${escapeHtml(node.value)}</code>`;
		case 'emphasis':
			return `<em>${renderChildren(node.children, base)}</em>`;
		case 'strong':
			return `<strong>${renderChildren(node.children, base)}</strong>`;
		case 'delete':
			return `<del>${renderChildren(node.children, base)}</del>`;
		case 'break':
			return '<br>';
		case 'link': {
			const inner = renderChildren(node.children, base);
			if (!isSafeHref(node.url)) return inner;
			const href = node.url.startsWith('/') && base !== '/' && !node.url.startsWith(base) ? base + node.url.slice(1) : node.url;
			return `<a href="${escapeHtml(href)}">${inner}</a>`;
		}
		case 'html':
			return escapeHtml(node.value);
		default:
			return escapeHtml(smartQuotes(plain(node)));
	}
}

/** Text of a node, with code and formulas as written. */
function plain(node: Nodes | InlineMath): string {
	if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'html' || node.type === 'inlineMath') return node.value;
	if (node.type === 'image') return node.alt ?? '';
	if (node.type === 'break') return ' ';
	return 'children' in node ? (node.children as Nodes[]).map(plain).join('') : '';
}

function source(node: RootContent, text: string): string {
	const start = node.position?.start.offset;
	const end = node.position?.end.offset;
	return start === undefined || end === undefined ? plain(node) : text.slice(start, end);
}
