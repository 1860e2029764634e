import { describe, expect, it } from 'vitest';
import { inlineNodes, inlineText, isSafeHref, renderInline } from '../../../src/lib/site/inline-markdown.ts';
import { smartQuotes } from '../../../src/lib/site/typography.ts';

describe('renderInline', () => {
	it('renders code, emphasis, strong and site links like the body', () => {
		expect(renderInline('Check `recall@k` with *fresh* and **all** [items](/pitfalls/#leakage).')).toBe(
			'Check <code>recall@k</code> with <em>fresh</em> and <strong>all</strong> <a href="/pitfalls/#leakage">items</a>.',
		);
	});

	it('prefixes site links with the base path', () => {
		expect(renderInline('[catalog](/pitfalls/)', { base: '/mlsd-workbook/' })).toBe('<a href="/mlsd-workbook/pitfalls/">catalog</a>');
	});

	it('never lets HTML through', () => {
		const html = renderInline('a <script>alert(1)</script> <img src=x onerror=alert(1)> b');
		expect(html).not.toMatch(/<(script|img)/);
		expect(html).toContain('&lt;script&gt;');
	});

	it('keeps only site-path and https links', () => {
		expect(renderInline('[x](javascript:alert(1)) [y](http://example.com) [z](https://example.com/a)')).toBe('x y <a href="https://example.com/a">z</a>');
		expect(isSafeHref('//evil.example')).toBe(false);
		expect(isSafeHref('data:text/html,x')).toBe(false);
	});

	it('escapes quotes in link targets', () => {
		expect(renderInline('[x](/a"onmouseover="b)')).not.toContain('"onmouseover');
	});

	it('renders $`TeX`$ as MathML kept out of the search index', () => {
		const html = renderInline('so $`q = \\frac{p}{w}`$ and $`n^2`$.');
		expect(html.match(/<math/g)).toHaveLength(2);
		expect(html).toContain('data-pagefind-ignore');
		expect(html).not.toContain('$');
		expect(html).not.toContain('`');
	});

	it('leaves a string that only looks like a list or heading as written', () => {
		expect(renderInline('1. then `x`')).toBe('1. then `x`');
		expect(renderInline('# 5 shards')).toBe('# 5 shards');
	});

	it('uses typographic quotes in text but not in code', () => {
		expect(renderInline(`the "did you mean" link isn't \`"raw"\``)).toBe('the \u201cdid you mean\u201d link isn\u2019t <code>&quot;raw&quot;</code>');
		expect(renderInline("`user`'s history")).toBe('<code>user</code>\u2019s history');
	});
});

describe('inlineNodes', () => {
	it('gives the same safe nodes renderInline draws, without the positions of the frontmatter string', () => {
		expect(inlineNodes('a *b* <i>c</i> [d](javascript:x) [e](/f/)')).toEqual([
			{ type: 'text', value: 'a ' },
			{ type: 'emphasis', children: [{ type: 'text', value: 'b' }] },
			{ type: 'text', value: ' ' },
			{ type: 'text', value: '<i>' },
			{ type: 'text', value: 'c' },
			{ type: 'text', value: '</i>' },
			{ type: 'text', value: ' ' },
			{ type: 'text', value: 'd' },
			{ type: 'text', value: ' ' },
			{ type: 'link', url: '/f/', title: null, children: [{ type: 'text', value: 'e' }] },
		]);
		expect(inlineNodes('# 5 shards')).toEqual([{ type: 'text', value: '# 5 shards' }]);
		expect(inlineNodes('one\n\ntwo')).toEqual([{ type: 'text', value: 'one' }, { type: 'text', value: ' ' }, { type: 'text', value: 'two' }]);
	});
});

describe('inlineText', () => {
	it('drops markup for attributes and titles', () => {
		expect(inlineText('Use **`NE`** and [docs](/x/) for "calibration"')).toBe('Use NE and docs for \u201ccalibration\u201d');
	});
});

describe('smartQuotes', () => {
	it('opens after whitespace and brackets, closes otherwise', () => {
		expect(smartQuotes(`"Deep" ('wide') models' "wins"`)).toBe('\u201cDeep\u201d (\u2018wide\u2019) models\u2019 \u201cwins\u201d');
	});
});
