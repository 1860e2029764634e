import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import rehypeCaseSections from '../../../src/plugins/rehype-case-sections.ts';
import { splitSections } from '../../../src/lib/content/split-sections.ts';

const html = async (md: string, frontmatter: Record<string, unknown>) =>
	String(await unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).use(rehypeCaseSections).use(rehypeStringify).process(new VFile({ value: md, data: { astro: { frontmatter } } })));

const CASE = { prompt: 'Design a feed for short videos.' };
const BODY = 'Intro line.\n\n## Requirements and scope\n\nFirst words.\n\n## Model\n\nSecond section text, a good deal longer than the first one.\n';

describe('rehype-case-sections', () => {
	it('wraps each ## section of a case with its text length, leaving what comes before', async () => {
		const out = await html(BODY, CASE);
		expect(out).toMatch(/^<p>Intro line.<\/p>\s*<section class="case-section" style="--cv-chars: \d+; --cv-px: 0; --cv-px-wide: 0"><h2>Requirements and scope<\/h2>\s*<p>First words.<\/p>\s*<\/section>/);
		expect(out.match(/<section class="case-section"/g)).toHaveLength(2);
		const [first, second] = [...out.matchAll(/--cv-chars: (\d+)/g)].map((m) => Number(m[1]));
		expect(second).toBeGreaterThan(first);
	});

	it('counts a diagram by its drawn height, scaled to the column, and not by the text inside it', async () => {
		const svg = (w: number, h: number) => `<figure><svg viewBox="0 0 ${w} ${h}"><text>${'label '.repeat(200)}</text></svg><details><summary>Diagram as text</summary><pre>${'x'.repeat(3000)}</pre></details></figure>`;
		const out = await html(`## Model\n\n${svg(760, 400)}\n\n${svg(300, 100)}\n`, CASE);
		// 760 px wide: half its height in a 380 px phone column, 720/760 of it in a 720 px one; 300 px wide: its own size on both.
		expect(out).toContain('--cv-px: 300; --cv-px-wide: 479');
		// The labels and the folded text version are not counted as text: two summaries and a figure block.
		const chars = Number(/--cv-chars: (\d+)/.exec(out)![1]);
		expect(chars).toBeLessThan(400);
	});

	it('counts a table as the stacked cells it becomes on a phone: a line for each label, then the value', async () => {
		const row = (n: number) => `<tr><td data-label="Feature">${'f'.repeat(n)}</td><td data-label="Freshness">daily</td></tr>`;
		const table = (rows: number) => `<table><thead><tr><th>Feature</th><th>Freshness</th></tr></thead><tbody>${Array.from({ length: rows }, () => row(30)).join('')}</tbody></table>`;
		const chars = async (rows: number) => Number(/--cv-chars: (\d+)/.exec(await html(`## Features\n\n${table(rows)}\n`, CASE))![1]);
		// Each extra row: two cells of (a label line + the value + half a line).
		expect((await chars(4)) - (await chars(2))).toBe(2 * (40 + 30 + 20 + 40 + 5 + 20));
	});

	it('leaves pages that are not cases alone', async () => {
		expect(await html(BODY, { title: 'Metrics' })).not.toContain('<section');
	});

	it('keeps sections splittable for practice worksheets', async () => {
		const out = (await html(BODY, CASE)).replace(/<h2>(.*?)<\/h2>/g, (_, t: string) => `<h2 id="${t.toLowerCase().replace(/\s+/g, '-')}">${t}</h2>`);
		const parts = splitSections(out, ['requirements-and-scope', 'model']);
		expect(parts.get('requirements-and-scope')).toBe('<p>First words.</p>');
		expect(parts.get('model')).toBe('<p>Second section text, a good deal longer than the first one.</p>');
	});
});
