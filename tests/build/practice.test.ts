/** The practice pages as built: what works without JavaScript, what stays hidden, what search skips. */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFramework, sectionAnchor } from '../../src/lib/content/framework.ts';
import { readPage, textOf } from './dist.ts';

const framework = loadFramework();
const caseSlugs = readdirSync('case-studies')
	.filter((f) => f.endsWith('.mdx'))
	.map((f) => f.replace(/\.mdx$/, ''))
	.filter((slug) => !/^draft: true$/m.test(readFileSync(`case-studies/${slug}.mdx`, 'utf8').split('\n---')[0]));

/** The page with every <template> (and the key-point self-check, revealed with them) removed: what a reader (or a search indexer) sees before revealing anything. */
const withoutTemplates = (html: string) => html.replace(/<template[\s\S]*?<\/template>/g, '').replace(/<fieldset class="practice-key-points[\s\S]*?<\/fieldset>/g, '');

describe('practice worksheets', () => {
	it.each(caseSlugs)('%s shows the prompt and every section with its question, hints and budget, without JavaScript', (slug) => {
		const html = readPage(`practice/${slug}/`);
		const text = textOf(withoutTemplates(html));
		for (const [i, s] of framework.sections.entries()) {
			const section = html.match(new RegExp(`<section[^>]*data-section="${s.id}"[\\s\\S]*?</section>`))![0];
			expect(section).toContain(`id="${sectionAnchor(s)}"`);
			expect(textOf(section)).toContain(`${i + 1}. ${s.title}`);
			expect(textOf(section)).toContain(s.question);
			expect(textOf(section)).toMatch(/\d+ min budget/);
			expect(section).toMatch(/<details class="practice-hints"[^>]*>\s*<summary>/);
			for (const hint of s.hints) expect(textOf(section)).toContain(textOf(hint));
			expect(section).toMatch(new RegExp(`<label for="answer-${s.id}"[^>]*>Your answer</label>`));
		}
		expect(text).toContain('The prompt');
	});

	it.each(caseSlugs)('%s keeps the reference answer in one inert template per section, out of the search index', (slug) => {
		const html = readPage(`practice/${slug}/`);
		expect(html).not.toContain('data-pagefind-body');
		const templates = [...html.matchAll(/<template data-reference="([a-z-]+)">([\s\S]*?)<\/template>/g)];
		expect(templates.map((m) => m[1])).toEqual(framework.sections.map((s) => s.id));
		for (const [, , body] of templates) expect(textOf(body).length).toBeGreaterThan(40);
		expect(html).toMatch(/<div class="practice-references" data-pagefind-ignore[^>]*hidden/);
		// A distinctive sentence from the case page's first section is in its template, and nowhere else on the page.
		const casePage = readPage(`cases/${slug}/`);
		const first = casePage.slice(casePage.indexOf(`id="${sectionAnchor(framework.sections[0])}"`));
		const sentence = textOf(first.match(/<p>([\s\S]*?)<\/p>/)![1]).slice(0, 60);
		expect(textOf(templates[0][2])).toContain(sentence);
		expect(textOf(withoutTemplates(html))).not.toContain(sentence);
	});

	it.each(caseSlugs)('%s offers 35, 45 and 60 minutes with 45 chosen', (slug) => {
		const html = readPage(`practice/${slug}/`);
		const options = [...html.matchAll(/<option value="(\d+)"( selected)?/g)].map((m) => `${m[1]}${m[2] ? '*' : ''}`);
		expect(options).toEqual(['35', '45*', '60']);
	});

	it.each(caseSlugs)('%s has a blank worksheet page with writing space and no text boxes or scripts of its own', (slug) => {
		const html = readPage(`practice/${slug}/blank/`);
		expect(html).toContain('practice-sheet is-blank');
		expect(html.match(/class="practice-writing-space"/g)).toHaveLength(framework.sections.length);
		expect(html).not.toContain('<textarea');
		expect(html).not.toContain('practice-config');
		expect(html).not.toContain('data-pagefind-body');
		for (const s of framework.sections) expect(textOf(html)).toContain(s.question);
	});
});

describe('practice index', () => {
	it('links every case to its worksheet and blank worksheet', () => {
		const html = readPage('practice/');
		for (const slug of caseSlugs) {
			expect(html).toContain(`href="/practice/${slug}/"`);
			expect(html).toContain(`href="/practice/${slug}/blank/"`);
		}
	});
});
