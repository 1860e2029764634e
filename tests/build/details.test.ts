/** Small things a reader notices, read from the built HTML. */
import { describe, expect, it } from 'vitest';
import { allPages, readPage, textOf } from './dist.ts';

const casePages = allPages().filter((p) => /^cases\/[^/]+\/index\.html$/.test(p));

describe('wording and details', () => {
	it('references name the year once ("KDD 2018", not "KDD 2018 (2018)")', () => {
		for (const page of casePages) expect(textOf(readPage(page)), page).not.toMatch(/(\d{4})\)?\s*\(\1\)/);
	});

	it('counts with the right noun: never "1 items" or "1 questions" (diagram labels are the diagram renderer’s)', () => {
		const prose = (html: string) => textOf(html.replace(/<figure class="diagram[\s\S]*?<\/figure>/g, ' '));
		for (const page of allPages()) expect(prose(readPage(page)), page).not.toMatch(/\b1 (items|questions|pitfalls|cases)\b/);
	});

	it('pitfalls no case cites say nothing rather than "not yet referenced"', () => {
		expect(textOf(readPage('pitfalls/'))).not.toMatch(/Not yet referenced/i);
	});

	it('the page-not-found page offers the ways back', () => {
		const html = readPage('404.html');
		for (const path of ['/', '/cases/', '/search/']) expect(html).toContain(`href="${path}"`);
	});

	it('table cells stay separate words in the search index (no "ApproachLossStrength")', () => {
		for (const page of [...casePages, 'framework/index.html']) expect(readPage(page), page).not.toMatch(/<\/t[dh]><t[dh][\s>]/);
	});

	it('roadmap weeks are search results of their own, not a dozen results titled "Focus"', () => {
		expect(readPage('roadmap/')).not.toMatch(/<h[2-6][^>]*\sid="[^"]*"[^>]*>Focus</);
	});

	it('case titles and catalog text use typographic quotes', () => {
		for (const page of casePages) {
			const title = /<h1 id="_top"[^>]*>([^<]*)<\/h1>/.exec(readPage(page))![1]!;
			expect(title, page).not.toContain('"');
		}
	});

	it('a link written as its own path shows the page title instead', () => {
		for (const page of casePages) expect(readPage(page), page).not.toMatch(/<a href="[^"]*">\/(cases|pitfalls|concepts)\/[^<]*<\/a>/);
	});
});
