import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import remarkKeyPoints from '../../src/plugins/remark-key-points.ts';
import { renderInline } from '../../src/lib/site/inline-markdown.ts';

const sections = [
	{ id: 'requirements', title: 'Requirements and scope' },
	{ id: 'model', title: 'Model' },
];

async function render(markdown: string, keyPoints?: unknown): Promise<string> {
	const file = new VFile({ value: markdown, data: { astro: { frontmatter: { keyPoints } } } });
	const html = await unified().use(remarkParse).use(remarkKeyPoints, { sections }).use(remarkRehype).use(rehypeStringify).process(file);
	return String(html);
}

describe('remark-key-points', () => {
	it("puts each section's key points right after its ## heading, escaped, with code spans kept", async () => {
		const html = await render('## Requirements and scope\n\nBody.\n\n### Sub\n\n## Model\n\nModel body.\n', {
			requirements: ['Latency < 200 ms & <b>bold</b> stays text.', 'Score with `p(click)` first.'],
			model: ['Two towers.'],
		});
		expect(html).toBe(
			[
				'<h2>Requirements and scope</h2>',
				'<div class="key-points" data-key-points="requirements"><p class="key-points-label">Key points</p><ul>',
				'<li>Latency &#x3C; 200 ms &#x26; &#x3C;b>bold&#x3C;/b> stays text.</li>',
				'<li>Score with <code>p(click)</code> first.</li>',
				'</ul></div>',
				'<p>Body.</p>',
				'<h3>Sub</h3>',
				'<h2>Model</h2>',
				'<div class="key-points" data-key-points="model"><p class="key-points-label">Key points</p><ul>',
				'<li>Two towers.</li>',
				'</ul></div>',
				'<p>Model body.</p>',
			].join('\n'),
		);
	});

	it('reads a key point as the crib sheet and practice page do (the shared inline parser)', async () => {
		const html = await render('## Model\n\nText.\n', {
			model: ['Rank with *fresh* **and** ~~stale~~ `code`, [not a link](javascript:alert(1)), [site](/pitfalls/)', '1. looks like a list `x`'],
		});
		expect(html).toContain('<li>Rank with <em>fresh</em> <strong>and</strong> <del>stale</del> <code>code</code>, not a link, <a href="/pitfalls/">site</a></li>');
		expect(html).toContain('<li>1. looks like a list `x`</li>');
		// Every word survives, as renderInline shows it.
		const text = (h: string) => h.replace(/<[^>]+>/g, '');
		expect(text(html)).toContain(text(renderInline('Rank with *fresh* **and** ~~stale~~ `code`, [not a link](javascript:alert(1)), [site](/pitfalls/)')));
	});

	it('leaves pages without key points, and headings that are not framework sections, alone', async () => {
		expect(await render('## Model\n\nText.\n')).toBe('<h2>Model</h2>\n<p>Text.</p>');
		expect(await render('## Other\n\nText.\n', { model: ['x'] })).toBe('<h2>Other</h2>\n<p>Text.</p>');
	});
});
