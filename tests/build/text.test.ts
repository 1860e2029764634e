/** What a reader sees as text: Markdown in catalog and frontmatter strings is rendered, never shown raw. */
import { describe, expect, it } from 'vitest';
import { allPages, readPage } from './dist.ts';

/** Visible text of a page outside code: scripts, styles, code, preformatted blocks and formula sources removed. */
function proseOf(html: string): string {
	return html
		.replace(/<(script|style|code|pre|annotation|template)\b[\s\S]*?<\/\1>/g, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&#96;|&#x60;/gi, '`');
}

describe('inline Markdown', () => {
	const pages = allPages();

	it('the site has pages to check', () => {
		expect(pages.length).toBeGreaterThan(20);
	});

	it('no built page shows a backtick outside <code> and <pre>', () => {
		const offenders = pages.flatMap((page) => {
			const text = proseOf(readPage(page));
			return [...text.matchAll(/.{0,40}`.{0,40}/g)].map((m) => `${page}: …${m[0].replace(/\s+/g, ' ').trim()}…`);
		});
		expect(offenders).toEqual([]);
	});

	it('no built page shows a $`formula`$ delimiter', () => {
		const offenders = pages.filter((page) => /\$<code/.test(readPage(page)));
		expect(offenders).toEqual([]);
	});
});
