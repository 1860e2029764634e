/** The prompt index (/prompts/) and its back links: what a reader sees on the built pages, and what search finds. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadPrompts } from '../../src/lib/content/prompts.ts';
import { DIST, readPage, textOf } from './dist.ts';
import { inlineText } from '../../src/lib/site/inline-markdown.ts';

const prompts = loadPrompts();
const caseSlugs = readdirSync('case-studies')
	.filter((f) => f.endsWith('.mdx'))
	.map((f) => f.replace(/\.mdx$/, ''))
	.filter((slug) => !/^draft: true$/m.test(readFileSync(`case-studies/${slug}.mdx`, 'utf8').split('\n---')[0]));
const html = readPage('prompts/');
/** Each prompt's entry on the page, by id: from its heading to the next entry. */
const entries = new Map([...html.matchAll(/<section class="prompt-entry[^"]*" aria-labelledby="([^"]+)">([\s\S]*?)<\/section>/g)].map((m) => [m[1], m[2]]));
const ids = (page: string) => new Set([...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));

describe('the prompt index page', () => {
	it('lists at least 40 prompts, each under its own anchor', () => {
		expect(entries.size).toBeGreaterThanOrEqual(40);
		for (const [id, entry] of entries) expect(entry).toMatch(new RegExp(`<h3 id="${id}"`));
	});

	it('shows every prompt whose case is listed, with its note on what changes', () => {
		const shown = prompts.filter((p) => p.cases.some((c) => caseSlugs.includes(c)));
		expect([...entries.keys()].sort()).toEqual(shown.map((p) => p.id).sort());
		for (const p of shown) {
			const text = textOf(entries.get(p.id)!);
			expect(text).toContain(inlineText(p.prompt));
			expect(text).toContain(`What changes: ${inlineText(p.changes)}`);
			if (p.gap) expect(text).toContain(inlineText(p.gap));
		}
	});

	it('links each prompt to one or two built case pages, and each concept to a heading that exists', () => {
		for (const [id, entry] of entries) {
			const cases = [...entry.matchAll(/href="\/cases\/([^/"]+)\/"/g)].map((m) => m[1]);
			expect(cases.length, id).toBeGreaterThanOrEqual(1);
			expect(cases.length, id).toBeLessThanOrEqual(2);
			for (const slug of cases) expect(caseSlugs, `${id} → ${slug}`).toContain(slug);
			for (const [, path, anchor] of entry.matchAll(/href="(\/concepts\/[^"#]+)(?:#([^"]+))?"/g)) {
				const page = join(DIST, path, 'index.html');
				expect(existsSync(page), `${id} → ${path}`).toBe(true);
				if (anchor) expect(ids(readFileSync(page, 'utf8')), `${id} → ${path}#${anchor}`).toContain(anchor);
			}
		}
	});

	it('is linked from the home page and from the sidebar', () => {
		expect(readPage('')).toMatch(/<a class="home-destination" href="\/prompts\/">/);
		expect(readPage('pitfalls/')).toMatch(/<a href="\/prompts\/"[^>]*>\s*<span[^>]*>Prompt index<\/span>/);
	});
});

describe('case pages', () => {
	it.each(caseSlugs)('%s lists the prompts that map to it, each linked to its entry', (slug) => {
		const page = readPage(`cases/${slug}/`);
		const mine = prompts.filter((p) => p.cases.includes(slug));
		const section = page.match(/<section class="case-prompts"[\s\S]*?<\/section>/)?.[0];
		if (mine.length === 0) return expect(section).toBeUndefined();
		expect(section, `${slug} has "Prompts this case answers"`).toBeDefined();
		expect(section).toContain('<h2 id="prompts-this-case-answers">Prompts this case answers</h2>');
		const links = [...section!.matchAll(/<a href="\/prompts\/#([^"]+)">([^<]+)<\/a>/g)];
		expect(links.map((m) => m[1]).sort()).toEqual(mine.map((p) => p.id).sort());
		for (const [, id] of links) expect(entries.has(id), `${slug} → /prompts/#${id}`).toBe(true);
		// In the table of contents too, after the generated sections.
		expect(page).toMatch(/href="#prompts-this-case-answers"/);
	});
});

describe('search', () => {
	const fragments = readdirSync(join(DIST, 'pagefind/fragment')).map((f) => JSON.parse(gunzipSync(readFileSync(join(DIST, 'pagefind/fragment', f))).toString('utf8').replace(/^pagefind_dcd/, '')) as { url: string; content: string; anchors: { id: string }[] });
	const indexed = fragments.find((f) => f.url === '/prompts/');

	it('indexes the page, with an anchor per prompt so results point at it', () => {
		expect(indexed, '/prompts/ is in the search index').toBeDefined();
		const anchors = new Set(indexed!.anchors.map((a) => a.id));
		for (const id of entries.keys()) expect(anchors, id).toContain(id);
	});

	it('indexes what changes, but not the case and concept links around it', () => {
		const youtube = prompts.find((p) => p.id === 'youtube-recommendations')!;
		expect(indexed!.content).toContain(inlineText(youtube.changes).slice(0, 60));
		expect(indexed!.content).not.toContain('Answer with');
		expect(indexed!.content).not.toContain('Fill the gap');
	});
});
