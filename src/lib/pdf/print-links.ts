/**
 * HTML rewrites that turn site pages into parts of one printed document:
 * ids scoped per part (three cases all have a "Model" heading), links to pages
 * printed in the same document turned into in-document anchors, and every
 * other site link made absolute so it still works from paper or a PDF.
 * Plain string work on Astro's output (attribute values are double-quoted).
 */
import { escapeHtml } from '../site/escape-html.ts';

/** A site page printed inside the document. */
export interface PrintPart {
	/** Site path below the base, e.g. `cases/tiktok-feed/`. */
	path: string;
	/** Id of the element that starts the part (what a link to the page lands on). */
	anchor: string;
	/** Prefix for the part's own ids: `model` becomes `<prefix>--model`. */
	prefix: string;
}

export interface PrintLinkOptions {
	/** Public URL of the site root, base included, ending in `/` (`https://example.org/mlsd/`). */
	siteUrl: string;
	/** Pages printed in this document. */
	parts: PrintPart[];
}

const ID_ATTR = /(\sid=")([^"]+)(")/g;
const IDREF_ATTRS = /(\s(?:for|aria-labelledby|aria-describedby|aria-controls|aria-owns|headers|list)=")([^"]+)(")/g;
const FRAGMENT_LINK = /(\s(?:href|xlink:href)="#)([^"]+)(")/g;
const CSS_URL_REF = /(url\(#)([^)\s]+)(\))/g;
const STYLE_BLOCK = /(<style\b[^>]*>)([\s\S]*?)(<\/style>)/g;
const CSS_ID_SELECTOR = /#(-?[_a-zA-Z][\w-]*)/g;

/** Prefixes every id in `html` and every reference to one (`#id` links, `for`, aria idrefs, SVG `url(#id)`, `#id` selectors in inline <style>). */
export function scopeIds(html: string, prefix: string): string {
	const ids = new Set<string>();
	for (const m of html.matchAll(ID_ATTR)) ids.add(m[2]!);
	if (!ids.size) return html;
	const scoped = (id: string) => (ids.has(decodeFragment(id)) ? `${prefix}--${decodeFragment(id)}` : id);
	return html
		.replace(ID_ATTR, (_, a: string, id: string, z: string) => a + `${prefix}--${id}` + z)
		.replace(IDREF_ATTRS, (_, a: string, refs: string, z: string) => a + refs.split(/\s+/).map(scoped).join(' ') + z)
		.replace(FRAGMENT_LINK, (_, a: string, id: string, z: string) => a + scoped(id) + z)
		.replace(CSS_URL_REF, (_, a: string, id: string, z: string) => a + scoped(id) + z)
		// A diagram styles itself with `#dg-… text {…}` in its own <style>: keep those selectors pointing at it.
		.replace(STYLE_BLOCK, (_, open: string, css: string, close: string) => open + css.replace(CSS_ID_SELECTOR, (whole, id: string) => (ids.has(id) ? `#${prefix}--${id}` : whole)) + close);
}

const ANCHOR_TAG = /<a\b(?:[^>"']|"[^"]*"|'[^']*')*>/g;
const HREF = /(\shref=")([^"#][^"]*)(")/;

/**
 * Rewrites the links (`<a href>`) of a part that came from the page at `pageUrl`
 * (its public URL): links to a printed page become `#anchor` / `#prefix--fragment`;
 * other links into the site become absolute public URLs; external links stay as
 * they are. Stylesheets and scripts keep loading from the local copy of the site.
 */
export function rewriteSiteLinks(html: string, pageUrl: string, options: PrintLinkOptions): string {
	const site = new URL(options.siteUrl);
	const rewrite = (href: string): string | undefined => {
		if (/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith(site.origin)) return undefined;
		let url: URL;
		try {
			url = new URL(decodeEntities(href), pageUrl);
		} catch {
			return undefined;
		}
		if (url.origin !== site.origin) return undefined;
		// A root-relative link that forgot the base path (`/cases/x/` under `/mlsd/`) still means this site.
		const path = url.pathname.startsWith(site.pathname) ? url.pathname.slice(site.pathname.length) : url.pathname.replace(/^\//, '');
		const part = options.parts.find((p) => p.path === path || p.path === `${path}/`);
		if (part) {
			const fragment = decodeFragment(url.hash.slice(1));
			return '#' + (fragment && fragment !== '_top' ? `${part.prefix}--${fragment}` : part.anchor);
		}
		return escapeHtml(new URL(path + url.search + url.hash, site).href);
	};
	const rewriteTag = (tag: string) =>
		tag.replace(HREF, (whole, a: string, href: string, z: string) => {
			const next = rewrite(href);
			return next === undefined ? whole : a + next + z;
		});
	return html.replace(ANCHOR_TAG, rewriteTag);
}

/** A page's HTML made ready to sit inside a printed document as `part`. */
export function preparePart(html: string, part: PrintPart, options: PrintLinkOptions): string {
	return rewriteSiteLinks(scopeIds(html, part.prefix), new URL(part.path, options.siteUrl).href, options);
}

/** The public URL of the site root for a deployment: `site` plus `base`, ending in `/`. */
export function publicSiteUrl(site: string | URL | undefined, base: string): string {
	return new URL(base.replace(/\/?$/, '/'), site ?? 'http://localhost/').href;
}

function decodeFragment(id: string): string {
	try {
		return decodeURIComponent(id);
	} catch {
		return id;
	}
}

function decodeEntities(value: string): string {
	return value.replace(/&amp;/g, '&').replace(/&#38;/g, '&');
}

