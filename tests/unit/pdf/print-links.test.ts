import { describe, expect, it } from 'vitest';
import { preparePart, publicSiteUrl, rewriteSiteLinks, scopeIds, type PrintLinkOptions } from '../../../src/lib/pdf/print-links.ts';

const options: PrintLinkOptions = {
	siteUrl: 'https://example.org/mlsd/',
	parts: [
		{ path: 'cases/feed/', anchor: 'case-feed', prefix: 'case-feed' },
		{ path: 'pitfalls/', anchor: 'pitfall-catalog', prefix: 'pitfalls' },
	],
};
const caseUrl = 'https://example.org/mlsd/cases/feed/';

describe('scopeIds', () => {
	it('prefixes ids and every reference to them, so two cases can share a "Model" heading', () => {
		const html = '<h2 id="model">Model</h2><a href="#model">see</a><input id="c1"><label for="c1">x</label><section aria-labelledby="model">';
		expect(scopeIds(html, 'case-feed')).toBe(
			'<h2 id="case-feed--model">Model</h2><a href="#case-feed--model">see</a><input id="case-feed--c1"><label for="case-feed--c1">x</label><section aria-labelledby="case-feed--model">',
		);
	});

	it('keeps SVG references working', () => {
		const html = '<marker id="arrow"></marker><path marker-end="url(#arrow)"></path><use xlink:href="#arrow"></use>';
		expect(scopeIds(html, 'p')).toBe('<marker id="p--arrow"></marker><path marker-end="url(#p--arrow)"></path><use xlink:href="#p--arrow"></use>');
	});

	it("keeps a diagram's own stylesheet pointing at it", () => {
		const html = '<svg id="dg-1"><style>#dg-1 text{fill:red}#dg-1 .n{stroke:#3d50f5}@media print{#dg-1{min-width:0}}</style><text>x</text></svg>';
		expect(scopeIds(html, 'p')).toBe('<svg id="p--dg-1"><style>#p--dg-1 text{fill:red}#p--dg-1 .n{stroke:#3d50f5}@media print{#p--dg-1{min-width:0}}</style><text>x</text></svg>');
	});

	it('leaves links to ids it does not own alone', () => {
		expect(scopeIds('<h2 id="a">A</h2><a href="#elsewhere">x</a>', 'p')).toBe('<h2 id="p--a">A</h2><a href="#elsewhere">x</a>');
	});
});

describe('rewriteSiteLinks', () => {
	it('turns links to a page printed in the document into in-document links', () => {
		expect(rewriteSiteLinks('<a href="/mlsd/pitfalls/#position-bias">x</a>', caseUrl, options)).toBe('<a href="#pitfalls--position-bias">x</a>');
		expect(rewriteSiteLinks('<a href="/mlsd/cases/feed/">x</a>', caseUrl, options)).toBe('<a href="#case-feed">x</a>');
	});

	it('makes other links into the site absolute, so they work from paper', () => {
		expect(rewriteSiteLinks('<a href="/mlsd/practice/feed/">x</a>', caseUrl, options)).toBe('<a href="https://example.org/mlsd/practice/feed/">x</a>');
		expect(rewriteSiteLinks('<a href="../other/#a">x</a>', caseUrl, options)).toBe('<a href="https://example.org/mlsd/cases/other/#a">x</a>');
	});

	it('reads a root-relative link that forgot the base path as a link into the site', () => {
		expect(rewriteSiteLinks('<a href="/pitfalls/">x</a>', caseUrl, options)).toBe('<a href="#pitfall-catalog">x</a>');
	});

	it('leaves stylesheets loading from the local copy of the site', () => {
		const html = '<link rel="stylesheet" href="/mlsd/_astro/ec.css"/><a class="x" href="/mlsd/pitfalls/">p</a>';
		expect(rewriteSiteLinks(html, caseUrl, options)).toBe('<link rel="stylesheet" href="/mlsd/_astro/ec.css"/><a class="x" href="#pitfall-catalog">p</a>');
	});

	it('leaves external, mail and in-page links as they are', () => {
		const html = '<a href="https://arxiv.org/abs/1">p</a><a href="mailto:a@b.c">m</a><a href="#top">t</a>';
		expect(rewriteSiteLinks(html, caseUrl, options)).toBe(html);
	});
});

describe('preparePart', () => {
	it('scopes the part and rewrites its links in one go', () => {
		const part = options.parts[0]!;
		expect(preparePart('<h2 id="model">M</h2><a href="#model">a</a><a href="/mlsd/cases/feed/#model">b</a>', part, options)).toBe(
			'<h2 id="case-feed--model">M</h2><a href="#case-feed--model">a</a><a href="#case-feed--model">b</a>',
		);
	});
});

describe('publicSiteUrl', () => {
	it('joins the site and the base path', () => {
		expect(publicSiteUrl('https://example.org', '/mlsd')).toBe('https://example.org/mlsd/');
		expect(publicSiteUrl(new URL('https://example.org/'), '/')).toBe('https://example.org/');
	});
});
