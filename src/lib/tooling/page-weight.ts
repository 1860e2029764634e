/**
 * What a built page costs a reader in bytes: the JavaScript it loads when it
 * opens (its `<script src>` and `<link rel="modulepreload">` files, their static
 * imports followed transitively, and its inline scripts), the chunks those
 * scripts import on demand, and its stylesheets. Read from the built dist/
 * with no browser, so the figures are exact and reproducible. Used by tests/build/budgets.test.ts and scripts/bench.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Weighed {
	/** Path relative to dist (`_astro/page.x.js`), or `inline #n` for an inline script. */
	name: string;
	raw: number;
	gzip: number;
}

export interface PageWeight {
	/** JS files loaded when the page opens (entry scripts and their static imports), each once. */
	scripts: Weighed[];
	/** Inline `<script>` bodies that run (JSON data blocks are not counted). */
	inline: Weighed[];
	/**
	 * Chunks behind a dynamic `import()` in those scripts. Counted in `js`: some load
	 * soon after the page opens without anyone asking (Starlight's search UI loads when
	 * the browser is idle, on every page), and a budget must not be dodged by `import()`.
	 */
	onDemand: Weighed[];
	/** Stylesheets the page links for screen media. */
	css: Weighed[];
	/** Entry scripts, their static imports and inline scripts: what runs before the page is interactive. */
	eager: { raw: number; gzip: number };
	/** All of the page's JavaScript: `eager` plus `onDemand`. */
	js: { raw: number; gzip: number };
	cssTotal: { raw: number; gzip: number };
}

const gzipSize = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;
const sum = (xs: Weighed[]) => ({ raw: xs.reduce((n, x) => n + x.raw, 0), gzip: xs.reduce((n, x) => n + x.gzip, 0) });
const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'))?.slice(1).find((v) => v !== undefined);

/** The HTML file for a site path such as `cases/tiktok-feed/`. */
export function pageFile(dist: string, path: string): string {
	return join(dist, path.replace(/^\//, ''), path.endsWith('.html') ? '' : 'index.html');
}

/** Maps a URL in the page (`/base/_astro/x.js`) to a file in dist, or undefined for another origin. */
function fileFor(dist: string, base: string, url: string): string | undefined {
	if (/^[a-z]+:|^\/\//i.test(url)) return undefined;
	const path = url.split(/[?#]/)[0];
	if (!path.startsWith(base)) return undefined;
	return normalize(join(dist, path.slice(base.length)));
}

/** Relative specifiers a built ES module imports statically, and those it imports dynamically. */
export function moduleImports(code: string): { statics: string[]; dynamics: string[] } {
	const statics = new Set<string>();
	const dynamics = new Set<string>();
	// `import"../a.js"`, `import{x}from"../a.js"`, `import * as x from '../a.js'`, `export{x}from"../a.js"`.
	for (const m of code.matchAll(/(?:^|[;}\s)])(?:import|export)\s*(?:[\w*${}\s,]*?\s*from\s*)?(["'`])(\.{1,2}\/[^"'`]+)\1/g)) statics.add(m[2]);
	for (const m of code.matchAll(/\bimport\(\s*(["'`])(\.{1,2}\/[^"'`]+)\1\s*\)/g)) dynamics.add(m[2]);
	// Vite lists the chunks behind each dynamic import in `__vite__mapDeps`; they load on demand too.
	const mapDeps = code.match(/__vite__mapDeps[\s\S]*?m\.f=\[([^\]]*)\]/);
	if (mapDeps) for (const m of mapDeps[1].matchAll(/["'`]([^"'`]+)["'`]/g)) dynamics.add(m[1]);
	return { statics: [...statics], dynamics: [...dynamics].filter((d) => !statics.has(d)) };
}

/**
 * Weighs one built page. `base` is the site's base path (`/` or `/repo/`);
 * references to other origins are ignored here (tests/e2e/offline.test.ts makes
 * sure there are none).
 */
export function weighPage(dist: string, path: string, base = '/'): PageWeight {
	const prefix = base.replace(/\/?$/, '/');
	const html = readFileSync(pageFile(dist, path), 'utf8');
	const entries: string[] = [];
	const inline: Weighed[] = [];
	const css: Weighed[] = [];
	for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
		const src = attr(m[1], 'src');
		const type = (attr(m[1], 'type') ?? '').toLowerCase();
		if (src) {
			const file = fileFor(dist, prefix, src);
			if (file) entries.push(file);
		} else if (!type || type === 'module' || type === 'text/javascript') {
			if (m[2].trim()) inline.push({ name: `inline #${inline.length + 1}`, raw: Buffer.byteLength(m[2]), gzip: gzipSize(m[2]) });
		}
	}
	for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
		const rel = (attr(m[0], 'rel') ?? '').toLowerCase().split(/\s+/);
		const href = attr(m[0], 'href');
		const file = href && fileFor(dist, prefix, href);
		if (!file) continue;
		if (rel.includes('modulepreload')) entries.push(file);
		const media = (attr(m[0], 'media') ?? 'all').toLowerCase();
		if (rel.includes('stylesheet') && media !== 'print' && existsSync(file)) {
			const bytes = readFileSync(file);
			css.push({ name: relative(dist, file), raw: bytes.length, gzip: gzipSize(bytes) });
		}
	}

	const loaded = new Map<string, Weighed>();
	const lazy = new Set<string>();
	const visit = (file: string) => {
		if (loaded.has(file)) return;
		if (!existsSync(file)) throw new Error(`${path} loads ${relative(dist, file)}, which is not in ${dist}`);
		const bytes = readFileSync(file);
		loaded.set(file, { name: relative(dist, file), raw: bytes.length, gzip: gzipSize(bytes) });
		const { statics, dynamics } = moduleImports(bytes.toString('utf8'));
		for (const s of statics) visit(normalize(join(dirname(file), s)));
		for (const d of dynamics) lazy.add(d.startsWith('.') ? normalize(join(dirname(file), d)) : normalize(join(dist, d)));
	};
	for (const file of entries) visit(file);

	const onDemand: Weighed[] = [];
	const seenLazy = new Set<string>();
	const visitLazy = (file: string) => {
		if (loaded.has(file) || seenLazy.has(file) || !existsSync(file)) return;
		seenLazy.add(file);
		const bytes = readFileSync(file);
		onDemand.push({ name: relative(dist, file), raw: bytes.length, gzip: gzipSize(bytes) });
		for (const s of moduleImports(bytes.toString('utf8')).statics) visitLazy(normalize(join(dirname(file), s)));
	};
	for (const file of lazy) visitLazy(file);

	const scripts = [...loaded.values()];
	return { scripts, inline, onDemand, css, eager: sum([...scripts, ...inline]), js: sum([...scripts, ...inline, ...onDemand]), cssTotal: sum(css) };
}
