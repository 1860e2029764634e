/**
 * The interview shape as built: key points lead every section of a case page,
 * deep dives are native <details> (collapsed on the page, open in print layouts),
 * search indexes what deep dives hold, the worksheet turns key points into its
 * self-check, and each case has a crib sheet.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadFramework, sectionAnchor } from '../../src/lib/content/framework.ts';
import { slugify } from '../../src/lib/content/slug.ts';
import { DIST, readPage, textOf } from './dist.ts';

const framework = loadFramework();
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

const cases = readdirSync('case-studies')
	.filter((f) => f.endsWith('.mdx'))
	.map((f) => {
		const source = readFileSync(join('case-studies', f), 'utf8');
		const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source)!;
		const data = parse(yaml) as { title: string; draft?: boolean; keyPoints?: Record<string, string[]> };
		const deepDives = [...body.matchAll(/<DeepDive title="([^"]+)">([\s\S]*?)<\/DeepDive>/g)].map((m) => ({ title: m[1], id: slugify(m[1]), body: m[2] }));
		return { slug: f.replace(/\.mdx$/, ''), data, deepDives };
	})
	.filter((c) => !c.data.draft);

/** Each `<h2 id>` of a case body with the HTML up to the next h2. */
function sectionsOf(html: string): Map<string, string> {
	const out = new Map<string, string>();
	const parts = html.split(/(?=<h2 id=")/);
	for (const part of parts) {
		const id = /^<h2 id="([^"]+)"/.exec(part)?.[1];
		if (id) out.set(id, part);
	}
	return out;
}

/** Text that search must find: the first run of six plain words in a deep dive's prose (no code, formulas or markup). */
function phraseOf(markdown: string): string {
	const prose = markdown
		.replace(/```[\s\S]*?```/g, '\n')
		.split('\n')
		.filter((l) => /^[A-Za-z]/.test(l.trim()))
		.join('\n');
	const plain = /^[A-Za-z][A-Za-z'’-]*[,;:]?$/;
	for (const chunk of prose.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').replace(/\*\*|__/g, '').split(/`[^`]*`|\$|\n|[.!?(]\s/)) {
		const words = chunk.trim().split(/\s+/);
		for (let i = 0; i + 6 <= words.length; i++) {
			const run = words.slice(i, i + 6);
			if (run.every((w) => plain.test(w)) && run.slice(0, 5).every((w) => !/[,;:]$/.test(w))) return run.join(' ').replace(/[,;:]$/, '');
		}
	}
	return '';
}

/** Page text with inline code unwrapped, as a reader reads it. */
/** Pages set typographic quotes (src/lib/site/typography.ts); compare with the source's straight ones. */
const straight = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
const readable = (html: string) => straight(textOf(html.replace(/<\/?code>/g, '')));

describe.each(cases)('$slug', ({ slug, data, deepDives }) => {
	const html = readPage(`cases/${slug}/`);
	const sections = sectionsOf(html);

	it('opens every framework section with its key points, before anything else the section says', () => {
		for (const s of framework.sections) {
			const section = sections.get(sectionAnchor(s));
			expect(section, `${slug}: ## ${s.title}`).toBeDefined();
			const afterHeading = section!.replace(/^<h2[^>]*>[\s\S]*?<\/h2>\s*(<\/div>\s*)?/, '');
			expect(afterHeading, `${slug}: ${s.title} starts with its key points`).toMatch(new RegExp(`^<div class="key-points" data-key-points="${s.id}">`));
			const block = /^<div class="key-points"[\s\S]*?<\/ul>\s*<\/div>/.exec(afterHeading)![0];
			expect(textOf(block)).toMatch(/^Key points /);
			const points = [...block.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => textOf(m[1].replace(/<\/?code>/g, '')));
			expect(points).toEqual((data.keyPoints?.[s.id] ?? []).map((p) => p.replace(/`/g, '')));
			expect(points.length).toBeGreaterThanOrEqual(framework.keyPoints.min);
		}
	});

	it('renders each deep dive as a closed <details> with its title as the summary and its slug as the id', () => {
		expect(deepDives.length, `${slug} has deep dives`).toBeGreaterThan(0);
		for (const d of deepDives) {
			const el = new RegExp(`<details class="deep-dive[^"]*" id="${d.id}" data-deep-dive>\\s*<summary[^>]*>([\\s\\S]*?)</summary>`).exec(html);
			expect(el, `${slug}: deep dive "${d.title}"`).not.toBeNull();
			expect(textOf(el![1])).toBe(`Deep dive ${d.title}`.replace(/&/g, '&'));
		}
		expect(html).not.toMatch(/<details class="deep-dive[^>]*\sopen/);
		expect(html).toMatch(/<p class="deep-dive-control[^"]*"[^>]*data-deep-dive-control hidden>/);
	});

	it('indexes what the deep dives hold for search, although they are closed', () => {
		const fragments = readdirSync(join(DIST, 'pagefind/fragment')).map((f) => gunzipSync(readFileSync(join(DIST, 'pagefind/fragment', f))).toString('utf8').replace(/^pagefind_dcd/, ''));
		const page = fragments.map((f) => JSON.parse(f) as { url: string; content: string }).find((f) => f.url === `${base}cases/${slug}/`);
		expect(page, `${slug} is in the search index`).toBeDefined();
		const content = straight(page!.content.replace(/\s+/g, ' '));
		const phrases = deepDives.map((d) => [d.title, phraseOf(d.body)]).filter(([, phrase]) => phrase);
		expect(phrases.length, `${slug}: deep dives with prose to look for`).toBeGreaterThan(0);
		for (const [title, phrase] of phrases) expect(content, `${slug}: "${title}"`).toContain(straight(phrase!));
	});

	it('prints the same key points and deep dives in its print layout', () => {
		const print = readPage(`print/case/${slug}/`);
		expect(print.match(/<div class="key-points"/g)?.length).toBe(framework.sections.length);
		for (const d of deepDives) expect(print).toContain(`data-deep-dive`);
	});

	it('has a crib sheet with the prompt, the numbers, every section in framework order and the top pitfalls, linked from the case page', () => {
		expect(html).toContain(`href="${base}cases/${slug}/crib/"`);
		const crib = readPage(`cases/${slug}/crib/`);
		const text = readable(crib);
		let at = 0;
		for (const [i, s] of framework.sections.entries()) {
			const found = text.indexOf(`${i + 1}. ${s.title}`, at);
			expect(found, `${slug} crib: ${s.title} after the previous section`).toBeGreaterThan(at);
			at = found;
			for (const p of data.keyPoints?.[s.id] ?? []) expect(text).toContain(readable(p.replace(/`/g, '')));
		}
		expect(text).toContain('Top pitfalls');
		expect(text).toContain('Average QPS');
		expect(crib).not.toContain('data-pagefind-body');
		expect(readPage(`print/crib/${slug}/`)).toContain(`data-crib="${slug}"`);
	});

	it('turns key points into the worksheet self-check, and keeps them out of the reference it reveals', () => {
		const practice = readPage(`practice/${slug}/`);
		for (const s of framework.sections) {
			const boxes = practice.match(new RegExp(`data-covered="${s.id}"`, 'g')) ?? [];
			expect(boxes.length, `${slug}: ${s.id}`).toBe(data.keyPoints?.[s.id]?.length ?? 0);
		}
		const templates = [...practice.matchAll(/<template data-reference[\s\S]*?<\/template>/g)].map((m) => m[0]).join('');
		expect(templates).not.toContain('class="key-points"');
		expect(practice).toMatch(/<select id="target-level" data-target-level>/);
	});
});

describe('crib booklet and home', () => {
	it('collects every listed case in one print layout, and lists them on a page that home links to', () => {
		const booklet = readPage('print/cribs/');
		for (const c of cases) expect(booklet).toContain(`data-crib="${c.slug}"`);
		expect(readPage('')).toContain(`href="${base}crib-sheets/"`);
		const list = readPage('crib-sheets/');
		for (const c of cases) expect(list).toContain(`href="${base}cases/${c.slug}/crib/"`);
	});
});
