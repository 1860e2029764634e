/**
 * Formulas and estimates in Markdown bodies: tests/fixtures/markdown/*.md rendered through the
 * plugins and compared with the .html beside them (UPDATE=1 rewrites the expected HTML).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkEstimate from '../../../src/plugins/remark-estimate.ts';
import remarkMath from '../../../src/plugins/remark-math.ts';

const FIXTURES = 'tests/fixtures/markdown';

async function render(markdown: string, path = 'case-studies/example.mdx'): Promise<string> {
	const file = await unified()
		.use(remarkParse)
		.use(remarkMath)
		.use(remarkEstimate)
		.use(remarkRehype, { allowDangerousHtml: true })
		.use(rehypeStringify, { allowDangerousHtml: true })
		.process(new VFile({ path, value: markdown }));
	return String(file);
}

async function failure(markdown: string): Promise<string> {
	try {
		await render(markdown);
	} catch (e) {
		return (e as Error).message;
	}
	throw new Error('expected the file to fail');
}

describe('remark-math and remark-estimate fixtures', () => {
	it.each(readdirSync(FIXTURES).filter((f) => f.endsWith('.md')))('%s', async (name) => {
		const html = await render(readFileSync(join(FIXTURES, name), 'utf8'));
		const expected = join(FIXTURES, name.replace(/\.md$/, '.html'));
		if (process.env.UPDATE || !existsSync(expected)) writeFileSync(expected, html);
		expect(html).toBe(readFileSync(expected, 'utf8'));
	});
});

describe('remark-math', () => {
	it('renders display and inline formulas as MathML kept out of the search index, with no delimiters left', async () => {
		const html = await render(readFileSync(join(FIXTURES, 'formulas.md'), 'utf8'));
		expect(html.match(/<math display="block"/g)).toHaveLength(1);
		expect(html.match(/<math>/g)).toHaveLength(4);
		expect(html.match(/data-pagefind-ignore/g)).toHaveLength(5);
		expect(html).not.toMatch(/\$<code|<\/code>\$|language-math/);
		expect(html).toContain('<code>code</code> and a lone $5');
	});

	it('fails a display formula with the file, the line of the TeX, the TeX error and the fix', async () => {
		expect(await failure('# T\n\ntext\n\n```math\n\\frac{a}{\n```\n')).toMatchInlineSnapshot(
			`"case-studies/example.mdx:6: cannot render the formula "\\frac{a}{": Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{a}{. Fix the TeX (temml supports the KaTeX/LaTeX math subset)."`,
		);
	});

	it('fails an inline formula on its own line', async () => {
		expect(await failure('Line one.\n\nSee $`\\notacommand x`$ here.\n')).toMatch(/^case-studies\/example\.mdx:3: cannot render the formula "\\notacommand x": .*notacommand/);
	});
});

describe('remark-estimate', () => {
	it('shows each step with its result set apart, and notes unnumbered', async () => {
		const html = await render('```estimate\nA × B ≈ 12k QPS\nA note.\n```\n');
		expect(html).toBe(
			'<figure class="estimate not-content"><figcaption>Back-of-envelope estimate</figcaption><ol><li><span class="estimate-working">A × B</span> <span class="estimate-relation">≈</span> <strong class="estimate-result">12k QPS</strong></li><li class="estimate-note">A note.</li></ol></figure>',
		);
	});

	it('never lets markup through', async () => {
		expect(await render('```estimate\n<b>x</b> = <i>2</i>\n```\n')).toContain('&lt;b&gt;x&lt;/b&gt;');
	});

	it('fails an empty block with its line', async () => {
		expect(await failure('text\n\n```estimate\n\n```\n')).toMatch(/^case-studies\/example\.mdx:3: the estimate block is empty/);
	});
});
