/** What search engines and Lighthouse's SEO checks read: a title, description and canonical URL on every page, robots.txt, a sitemap, a favicon. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, allPages, readPage } from './dist.ts';

const attr = (html: string, tag: RegExp, name: string) => html.match(tag)?.[0].match(new RegExp(`${name}="([^"]*)"`))?.[1];

describe('search-engine basics', () => {
	it.each(allPages())('%s has a language, a title, a meta description and a canonical URL', (page) => {
		const html = readPage(page);
		expect(html).toMatch(/<html[^>]*\slang="en/);
		expect(html.match(/<title>([^<]+)<\/title>/)?.[1].trim()).toBeTruthy();
		expect(attr(html, /<meta name="description"[^>]*>/, 'content')?.trim().length ?? 0).toBeGreaterThan(20);
		if (page !== '404.html') expect(attr(html, /<link rel="canonical"[^>]*>/, 'href')).toMatch(/^https?:\/\//);
	});

	it('serves robots.txt that allows crawling and names the sitemap, and the sitemap exists', () => {
		const robots = readFileSync(join(DIST, 'robots.txt'), 'utf8');
		expect(robots).toMatch(/^User-agent: \*$/m);
		expect(robots).not.toMatch(/^Disallow: \/\s*$/m);
		const sitemap = robots.match(/^Sitemap: (\S+)$/m)?.[1];
		expect(sitemap).toMatch(/^https?:\/\/.+\/sitemap-index\.xml$/);
		expect(existsSync(join(DIST, 'sitemap-index.xml'))).toBe(true);
	});

	it('has the favicon every page links to', () => {
		const href = attr(readPage(''), /<link rel="shortcut icon"[^>]*>|<link rel="icon"[^>]*>/, 'href');
		expect(href).toBeTruthy();
		const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
		expect(existsSync(join(DIST, href!.slice(base.length)))).toBe(true);
	});
});
