/**
 * Every built page carries a Content-Security-Policy that lets only the site's own scripts and
 * styles run: no inline event handlers, no inline script or <style> that the policy does not
 * hash, and no other origin for anything.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, allPages } from './dist.ts';

/** The policy of a page as directive → sources, from its <meta http-equiv="content-security-policy">. */
function policyOf(html: string): Map<string, string[]> | undefined {
	const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
	if (!meta) return undefined;
	const directives = meta[1]
		.replace(/&#39;/g, "'")
		.split(';')
		.map((d) => d.trim().split(/\s+/))
		.filter((d) => d[0]);
	return new Map(directives.map(([name, ...sources]) => [name.toLowerCase(), sources]));
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const pages = allPages().filter((p) => !/^pagefind\//.test(p));

describe('Content-Security-Policy', () => {
	it.each(pages)('%s has a policy that blocks inline handlers and other origins', (page) => {
		const html = readFileSync(join(DIST, page), 'utf8');
		const csp = policyOf(html);
		expect(csp, 'the page has a CSP <meta>').toBeDefined();
		const policy = csp!;
		// A <meta> policy governs what comes after it: it must sit in <head>, before any content.
		// (Starlight's theme script precedes it; that script is the site's own and hashed anyway.)
		const metaAt = html.search(/<meta http-equiv="content-security-policy"/i);
		expect(metaAt).toBeGreaterThan(html.indexOf('<head>'));
		expect(metaAt).toBeLessThan(html.indexOf('</head>'));

		expect(policy.get('default-src')).toEqual(["'self'"]);
		// Inline event handlers (onclick=…) never run: script-src-attr is 'none', or absent so that it falls back
		// to script-src, which holds neither 'unsafe-inline' nor 'unsafe-hashes' (checked below).
		expect(policy.get('script-src-attr') ?? ["'none'"], 'inline event handlers (onclick=…) never run').toEqual(["'none'"]);
		expect(policy.get('script-src'), 'no inline handler can be allowed by hash').not.toContain("'unsafe-hashes'");
		expect(policy.get('object-src')).toEqual(["'none'"]);
		expect(policy.get('base-uri')).toEqual(["'self'"]);
		for (const d of ['script-src', 'style-src']) {
			expect(policy.get(d), `${d} is set`).toBeDefined();
			expect(policy.get(d), `${d} allows no inline code beyond its hashes`).not.toContain("'unsafe-inline'");
			expect(policy.get(d)).not.toContain("'unsafe-eval'");
		}
		for (const [name, sources] of policy) {
			// Only the site itself: no scheme or host source (https:, *, cdn.example.com); data: only for images.
			const others = sources.filter((s) => !/^'[^']+'$/.test(s) && !(s === 'data:' && name === 'img-src'));
			expect(others, `${name} allows nothing from another origin`).toEqual([]);
		}

		// Every inline script and <style> the page ships is allowed by its hash, so the site works under its own policy.
		const scriptSrc = policy.get('script-src-elem') ?? policy.get('script-src')!;
		for (const m of html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)) {
			if (/type="application\/(ld\+)?json"/.test(m[1])) continue; // data, never run
			expect(scriptSrc, `inline script ${m[2].slice(0, 60)}… is hashed`).toContain(sha256(m[2]));
		}
		const styleSrc = policy.get('style-src-elem') ?? policy.get('style-src')!;
		for (const m of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) expect(styleSrc, `inline <style> ${m[1].slice(0, 60)}… is hashed`).toContain(sha256(m[1]));
		// No page carries an inline event handler, which the policy would refuse anyway.
		expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
	});
});
