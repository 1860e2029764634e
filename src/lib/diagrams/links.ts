/**
 * `click` lines in flowcharts. A link to a page of this site (`click A "/pitfalls/#leakage"`,
 * `click A href "/cases/…/" "tooltip"`) is drawn as an SVG link; callbacks, outside URLs and
 * relative paths are refused, since a static page cannot run the one and should not send
 * readers away from the workbook through a diagram without saying so in the text.
 */
import { DiagramError } from './errors.ts';
import { escapeRegExp, findLine } from './source-lines.ts';

export interface NodeLink {
	/** A site path (`/pitfalls/`) or an anchor on the same page (`#features`). */
	href: string;
	tooltip?: string;
}

/** True for a link to a page of this site, written as a site path or a same-page anchor. */
export function isSitePath(url: string): boolean {
	return /^\/(?!\/)/.test(url) || /^#[\w-]+$/.test(url);
}

function clickLineOf(src: string, id: string): number | undefined {
	return findLine(src, new RegExp(`^\\s*click\\s+([^\\s]*,)?${escapeRegExp(id)}\\b`)) ?? findLine(src, /^\s*click\s/);
}

/** The raw URL as the author typed it on the node's `click` line (mermaid's db holds a sanitised copy). */
function typedUrl(src: string, id: string): string | undefined {
	const line = clickLineOf(src, id);
	if (line === undefined) return undefined;
	return /"([^"]*)"/.exec(src.split('\n')[line - 1] ?? '')?.[1];
}

/** The node's link, or undefined when it has none; throws for what cannot be a link on a static page. */
export function clickLink(v: { link?: string; haveCallback?: boolean; classes?: string[] }, tooltip: string | undefined, id: string, src: string): NodeLink | undefined {
	const clickable = Boolean(v.link) || v.haveCallback === true || (v.classes ?? []).includes('clickable') || tooltip !== undefined;
	if (!clickable) return undefined;
	const line = clickLineOf(src, id);
	if (!v.link) {
		throw new DiagramError(`Node "${id}" has a click callback, which a static page cannot run`, {
			line,
			construct: 'click callback',
			fix: `Link the node to a page of this site instead, e.g. click ${id} "/pitfalls/", or remove the \`click\` line and say it in the text.`,
		});
	}
	const url = typedUrl(src, id) ?? String(v.link);
	if (!isSitePath(url)) {
		const outside = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(url);
		throw new DiagramError(
			outside
				? `Node "${id}" links to "${url}", outside this site; diagrams link only to pages of the workbook`
				: `Node "${id}" links to "${url}", a relative path; diagram links must be site paths`,
			{
				line,
				construct: 'click link',
				fix: outside
					? 'Put the outside link in the text next to the diagram (or in the case\'s references), and remove the `click` line.'
					: `Write the link as a site path starting with "/", e.g. click ${id} "/cases/" (the build adds the base path), or as "#anchor" for this page.`,
			},
		);
	}
	return tooltip ? { href: url, tooltip } : { href: url };
}

/** Every `click … "url"` link in a flowchart source that points into the site, with its 1-based line; for the content check. */
export function diagramLinks(source: string): { url: string; line: number }[] {
	const out: { url: string; line: number }[] = [];
	source.split(/\r?\n/).forEach((text, i) => {
		const m = /^\s*click\s+\S+\s+(?:href\s+)?"([^"]*)"/.exec(text);
		if (m && /^\/(?!\/)/.test(m[1]!)) out.push({ url: m[1]!, line: i + 1 });
	});
	return out;
}
