import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import rehypeCaseSections from '../../../src/plugins/rehype-case-sections.ts';
import { splitSections } from '../../../src/lib/content/split-sections.ts';

const html = async (md: string, frontmatter: Record<string, unknown>) =>
	String(await unified().use(remarkParse).use(remarkRehype).use(rehypeCaseSections).use(rehypeStringify).process(new VFile({ value: md, data: { astro: { frontmatter } } })));

const CASE = { prompt: 'Design a feed for short videos.' };
const BODY = 'Intro line.\n\n## Requirements and scope\n\nFirst words.\n\n## Model\n\nSecond section text, a good deal longer than the first one.\n';

describe('rehype-case-sections', () => {
	it('wraps each ## section of a case with its text length, leaving what comes before', async () => {
		const out = await html(BODY, CASE);
		expect(out).toMatch(/^<p>Intro line.<\/p>\s*<section class="case-section" style="--cv-chars: \d+"><h2>Requirements and scope<\/h2>\s*<p>First words.<\/p>\s*<\/section>/);
		expect(out.match(/<section class="case-section"/g)).toHaveLength(2);
		const [first, second] = [...out.matchAll(/--cv-chars: (\d+)/g)].map((m) => Number(m[1]));
		expect(second).toBeGreaterThan(first);
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
