import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadFramework, sectionAnchor } from '../../src/lib/content/framework.ts';
import { loadPitfalls } from '../../src/lib/content/catalogs.ts';
import { DIST, allPages, readPage, textOf } from './dist.ts';
import { inlineText, renderInline } from '../../src/lib/site/inline-markdown.ts';

const framework = loadFramework();
const caseSlugs = readdirSync('case-studies')
	.filter((f) => f.endsWith('.mdx'))
	.map((f) => f.replace(/\.mdx$/, ''))
	.filter((slug) => !/^draft: true$/m.test(readFileSync(`case-studies/${slug}.mdx`, 'utf8').split('\n---')[0]));
const frontmatter = (slug: string) => parse(readFileSync(`case-studies/${slug}.mdx`, 'utf8').split(/^---$/m)[1]);
const h2Ids = (html: string) => [...html.matchAll(/<h2[^>]*\sid="([^"]+)"/g)].map((m) => m[1]);

describe('case pages', () => {
	it.each(caseSlugs)('%s has every framework section, in order, then the generated sections', (slug) => {
		const ids = h2Ids(readPage(`cases/${slug}/`));
		const expected = ['at-a-glance', ...framework.sections.map(sectionAnchor), 'pitfalls', 'design-checklist', 'follow-up-questions', 'references'];
		expect(ids.filter((id) => expected.includes(id))).toEqual(expected);
	});

	it.each(caseSlugs)('%s shows badges, the at-a-glance numbers and the prompt', (slug) => {
		const html = readPage(`cases/${slug}/`);
		const fm = frontmatter(slug);
		const badges = textOf(html.match(/<ul class="case-badges"[\s\S]*?<\/ul>/)![0]);
		expect(badges).toContain(`${fm.minutes ?? 45} min`);
		expect(badges.toLowerCase()).toContain(fm.difficulty);
		expect(textOf(html)).toContain(inlineText(fm.prompt).replace(/\s+/g, ' ').trim());
		expect(html).toContain('Average QPS');
	});

	it.each(caseSlugs)('%s lists its pitfalls from the catalog with links to the catalog entries', (slug) => {
		const html = readPage(`cases/${slug}/`);
		const section = html.slice(html.indexOf('id="pitfalls"'), html.indexOf('id="design-checklist"'));
		for (const p of frontmatter(slug).pitfalls) {
			expect(section).toContain(`/pitfalls/#${p.id}`);
			expect(textOf(section)).toContain(textOf(renderInline(p.note)));
		}
	});

	it.each(caseSlugs)('%s has a design checklist with a checkbox and label per item', (slug) => {
		const html = readPage(`cases/${slug}/`);
		const section = html.slice(html.indexOf('id="design-checklist"'), html.indexOf('id="follow-up-questions"'));
		// Each box sits in its label, with the question as the label's text.
		const items = [...section.matchAll(/<li><label><input type="checkbox" data-item="([^"]+)"> <span>([^<]{10,})/g)].map((m) => m[1]);
		expect(items.length).toBeGreaterThanOrEqual(20);
		expect(items.length).toBe([...section.matchAll(/type="checkbox"/g)].length);
		expect(new Set(items).size).toBe(items.length);
	});
});

describe('catalog and index pages', () => {
	it('the pitfall catalog has one section per pitfall, with back links to the cases that cite it', () => {
		const html = readPage('pitfalls/');
		const pitfalls = loadPitfalls();
		expect(h2Ids(html)).toEqual(expect.arrayContaining(pitfalls.map((p) => p.id)));
		for (const slug of caseSlugs) {
			for (const p of frontmatter(slug).pitfalls) {
				const section = html.slice(html.indexOf(`id="${p.id}"`));
				const end = section.indexOf('<h2', 10);
				expect(section.slice(0, end === -1 ? undefined : end)).toContain(`/cases/${slug}/#pitfalls`);
			}
		}
	});

	it('the framework page lists the sections in order with budgets that add up', () => {
		const html = readPage('framework/');
		const ids = h2Ids(html).filter((id) => framework.sections.some((s) => sectionAnchor(s) === id));
		expect(ids).toEqual(framework.sections.map(sectionAnchor));
		const text = textOf(html);
		for (const s of framework.sections) expect(text).toContain(s.question);
		expect(framework.sections.reduce((n, s) => n + s.minutes, 0)).toBe(framework.interviewMinutes);
	});

	it('the case index and home page link every case', () => {
		for (const page of ['cases/', '']) {
			const html = readPage(page);
			for (const slug of caseSlugs) expect(html).toContain(`/cases/${slug}/"`);
		}
	});

	it('the home page leads to every part of the workbook', () => {
		const html = readPage('');
		for (const path of ['roadmap/', 'calculators/', 'concepts/ml-lifecycle/', 'practice/', 'search/', 'pitfalls/', 'framework/', 'cases/']) expect(html).toContain(`href="/${path}"`);
		// A destination whose page is not built is not linked.
		const linked = [...html.matchAll(/href="\/([^"#]*)"/g)].map((m) => m[1]);
		for (const path of linked.filter((p) => p === '' || p.endsWith('/'))) expect(readPage(path), path).toBeTruthy();
	});

	it('lists cases in one reading order on the home page, the case index, practice and the sidebar', () => {
		const order = (html: string, pattern: RegExp) => [...new Set([...html.matchAll(pattern)].map((m) => m[1]))].filter((s) => caseSlugs.includes(s!));
		const reading = order(readPage('cases/'), /class="case-card"[\s\S]*?href="\/cases\/([^/"]+)\/"/g);
		expect(reading).toHaveLength(caseSlugs.length);
		expect(order(readPage(''), /class="case-card"[\s\S]*?href="\/cases\/([^/"]+)\/"/g)).toEqual(reading);
		expect(order(readPage('practice/'), /href="\/practice\/([^/"]+)\/"/g)).toEqual(reading);
		// The sidebar lists a domain's cases up to SIDEBAR_CASES_PER_DOMAIN; past it, one link to the domain's group on the case index.
		const nav = /<nav class="sidebar[\s\S]*?<\/nav>/.exec(readPage('cases/'))![0];
		const sidebar = order(nav, /<a href="\/cases\/([^/"]+)\/"[^>]*>\s*<span/g);
		expect(sidebar).toEqual(reading.filter((slug) => sidebar.includes(slug)));
		for (const slug of reading.filter((s) => !sidebar.includes(s))) expect(nav, `${slug} is listed or behind its domain's link`).toContain(`href="/cases/#${frontmatter(slug!).domain}"`);
	});

	it('the sidebar groups cases by domain, and previous/next links walk every case in reading order', () => {
		const html = readPage(`cases/${caseSlugs[0]}/`);
		expect(html).toMatch(/Recommendations and feeds|Search and ranking|Ads and marketplaces/);
		const next = (slug: string) => /<a href="[^"]*\/cases\/([^/"]+)\/" rel="next"/.exec(readPage(`cases/${slug}/`))?.[1];
		const prev = (slug: string) => /<a href="[^"]*\/cases\/([^/"]+)\/" rel="prev"/.exec(readPage(`cases/${slug}/`))?.[1];
		const first = caseSlugs.find((slug) => prev(slug) === undefined)!;
		const chain = [first];
		while (next(chain.at(-1)!) && chain.length <= caseSlugs.length) chain.push(next(chain.at(-1)!)!);
		expect([...chain].sort()).toEqual([...caseSlugs].sort());
		for (let i = 1; i < chain.length; i++) expect(prev(chain[i])).toBe(chain[i - 1]);
	});
});

describe('navigation links', () => {
	const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
	/** Why `href` does not land on a built page (and, with a #fragment, on an element with that id), or undefined when it does. */
	const missing = (href: string): string | undefined => {
		if (!href.startsWith(base)) return `${href} is outside the site`;
		const [path, hash] = href.slice(base.length).split('#');
		const file = join(DIST, path!, 'index.html');
		if (!existsSync(file)) return `${href}: no page ${path}`;
		if (hash === undefined) return undefined;
		const ids = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
		return ids.has(decodeURIComponent(hash)) ? undefined : `${href}: ${path} has no id "${hash}"`;
	};

	it('every sidebar link lands on a built page, and a link to a group of the case index on that group', () => {
		// The sidebar is the same on every page but for which link is current.
		const sidebar = /<nav class="sidebar[\s\S]*?<\/nav>/.exec(readPage('cases/'))![0];
		const hrefs = [...sidebar.matchAll(/<a\b[^>]*\shref="([^"]+)"/g)].map((m) => decode(m[1]!));
		expect(hrefs.length).toBeGreaterThan(10);
		expect(hrefs.map(missing).filter(Boolean)).toEqual([]);
	});

	it('every previous/next link on every page lands on a built page', () => {
		const problems = allPages().flatMap((page) => [...readFileSync(join(DIST, page), 'utf8').matchAll(/<a href="([^"]+)" rel="(?:prev|next)"/g)].map((m) => missing(decode(m[1]!)) && `${page}: ${missing(decode(m[1]!))}`));
		expect(problems.filter(Boolean)).toEqual([]);
	});
});

describe('no request leaves the site', () => {
	it('no page loads scripts, styles, fonts or images from another host', () => {
		for (const page of allPages()) {
			const html = readFileSync(join(DIST, page), 'utf8');
			const external = [...html.matchAll(/<(script|link|img|iframe|source)\b[^>]*\s(src|href)="(https?:)?\/\/[^"]+"[^>]*>/g)]
				.map((m) => m[0])
				.filter((tag) => !/rel="(canonical|alternate|sitemap)"/.test(tag) && !/^<link[^>]*rel="(noopener)"/.test(tag));
			expect(external, page).toEqual([]);
		}
	});

	it('no stylesheet imports fonts or files from another host', () => {
		const assets = readdirSync(join(DIST, '_astro')).filter((f) => f.endsWith('.css'));
		for (const f of assets) expect(readFileSync(join(DIST, '_astro', f), 'utf8'), f).not.toMatch(/@import\s+url\(\s*["']?https?:|url\(\s*["']?https?:\/\//);
	});
});

describe('prose spacing', () => {
	it('the framework page introduction reads as sentences (no words glued across template expressions)', () => {
		const text = textOf(readPage('framework/'));
		expect(text).toContain(`follows these ${framework.sections.length} sections in this order. Budgets are for a ${framework.interviewMinutes}-minute interview`);
	});
});

function decode(href: string): string {
	return href.replace(/&amp;/g, '&').replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
}
