import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroUserConfig } from 'astro';

type CspConfig = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

/** The sha256 CSP source for a script or style text, as browsers compute it. */
export function cspHash(text: string): `sha256-${string}` {
	return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}

/**
 * Hashes of the `<script is:inline>` blocks in the given component folders (Starlight's own theme,
 * search and sidebar scripts, and our overrides). Astro hashes the scripts it bundles but passes
 * inline ones through untouched, so without these Starlight's theme picker and search shortcut
 * would be refused. Only the site's own source is hashed: a script in a case file never is.
 */
export function inlineScriptHashes(dirs: string[]): `sha256-${string}`[] {
	const hashes = new Set<`sha256-${string}`>();
	for (const dir of dirs) {
		for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
			if (!f.endsWith('.astro')) continue;
			for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/<script is:inline[^>]*>([\s\S]*?)<\/script>/g)) hashes.add(cspHash(m[1]));
		}
	}
	return [...hashes].sort();
}

/**
 * The site's Content-Security-Policy (Astro's `security.csp`; Astro adds the hashes of the scripts
 * and styles it renders). Everything comes from the site itself; inline event handlers never run.
 */
export function contentSecurityPolicy(componentDirs: string[]): CspConfig {
	return {
		directives: [
			"default-src 'self'",
			"img-src 'self' data:",
			"font-src 'self'",
			"connect-src 'self'",
			"object-src 'none'",
			"frame-src 'none'",
			"base-uri 'self'",
			"form-action 'self'",
		],
		scriptDirective: {
			// pagefind compiles its index reader from WebAssembly. Without 'unsafe-inline' or 'unsafe-hashes',
			// script-src alone refuses onclick= and every other inline handler (script-src-attr falls back to it).
			resources: ["'self'", "'wasm-unsafe-eval'"],
			hashes: inlineScriptHashes(componentDirs),
		},
		styleDirective: {
			// style="…" attributes (diagram sizes, budget bars) cannot run code; <style> elements still need
			// 'self' or a hash. Each source scoped to its kind, so Astro has no style-src fallback to warn about.
			resources: [{ resource: "'self'", kind: 'element' }, { resource: "'unsafe-inline'", kind: 'attribute' }],
		},
	};
}

/** Adds the hashes of every `<style>` inside an `<svg>` to the page's CSP `<meta>` (style-src-elem, else style-src). */
export function addStyleHashes(html: string): string {
	const hashes = new Set<string>();
	for (const svg of html.matchAll(/<svg\b[\s\S]*?<\/svg>/g)) for (const m of svg[0].matchAll(/<style>([\s\S]*?)<\/style>/g)) hashes.add(`'${cspHash(m[1])}'`);
	if (hashes.size === 0) return html;
	return html.replace(/(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i, (_, open: string, policy: string, close: string) => {
		const directive = /(^|;)\s*style-src-elem\s/.test(policy) ? 'style-src-elem' : 'style-src';
		const updated = policy.replace(new RegExp(`(^|;)(\\s*${directive})((?:\\s+[^;\\s]+)*)`), (_m, sep: string, name: string, sources: string) => `${sep}${name}${sources} ${[...hashes].filter((h) => !sources.includes(h)).join(' ')}`);
		return open + updated + close;
	});
}
