import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import rehypeTables from '../../../src/plugins/rehype-tables.ts';
import remarkLinkTitles, { sidebarTitles } from '../../../src/plugins/remark-link-titles.ts';

const html = async (md: string, titles: Record<string, string> = {}) =>
	String(await unified().use(remarkParse).use(remarkGfm).use(remarkLinkTitles, { titles }).use(remarkRehype).use(rehypeTables).use(rehypeStringify).process(md));

describe('rehype-tables', () => {
	it('labels each body cell with its column and keeps cells separate words', async () => {
		const out = await html('| Approach | Loss |\n| --- | --- |\n| BPR | pairwise |\n');
		expect(out).toMatch(/<td data-label="Approach">BPR<\/td>\s+<td data-label="Loss">pairwise<\/td>/);
		expect(out).not.toContain('table-wrap');
	});

	it('stacks three-column tables on phones without a scroll container', async () => {
		const out = await html('| A | B | C |\n| - | - | - |\n| 1 | 2 | 3 |\n');
		expect(out).toContain('<table class="table-stack">');
		expect(out).not.toContain('table-wrap');
	});

	it('puts four-column tables in a labelled, focusable scroll container', async () => {
		const out = await html('| Approach | Loss | Strength | Weakness |\n| - | - | - | - |\n| a | b | c | d |\n');
		expect(out).toMatch(/^<div class="table-wrap" data-table-wrap="" role="group" tabindex="0" aria-label="Table: Approach, Loss, Strength, Weakness"><table class="table-stack">/);
	});
});

describe('remark-link-titles', () => {
	const titles = sidebarTitles([{ label: 'Cases', items: [{ label: 'TikTok feed', link: '/mlsd/cases/tiktok-feed/' }] }], '/mlsd/');

	it('shows the page title for a link written as its own path', async () => {
		expect(titles).toEqual({ '/cases/tiktok-feed/': 'TikTok feed' });
		expect(await html('see [/cases/tiktok-feed/](/cases/tiktok-feed/)', titles)).toContain('<a href="/cases/tiktok-feed/">TikTok feed</a>');
		expect(await html('see [/cases/tiktok-feed/#model](/cases/tiktok-feed/#model)', titles)).toContain('>TikTok feed</a>');
	});

	it('leaves written link text and unknown paths alone', async () => {
		expect(await html('[the feed case](/cases/tiktok-feed/)', titles)).toContain('>the feed case</a>');
		expect(await html('[/nowhere/](/nowhere/)', titles)).toContain('>/nowhere/</a>');
	});
});
