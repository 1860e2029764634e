/**
 * Search in real Chromium against the built site (pagefind does not run in
 * `astro dev`): the search page lands on the right page and section for what
 * learners type, filters narrow, nothing is listed twice, and the index loads
 * only when someone searches.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPitfalls } from '../../src/lib/content/catalogs.ts';
import { DIST, startHarness, type Harness } from './harness.ts';

/**
 * What a learner types, and the page (and section) that must be among the
 * first three results. Each term is one the case or catalog actually uses;
 * re-check them when a case is rewritten. A deep dive (a <details>, no heading)
 * is found as the `##` section that holds it: pagefind makes sub-results for
 * headings only.
 */
const QUERIES: [query: string, page: string, anchor: string][] = [
	['two-tower', '/cases/tiktok-feed/', 'model'],
	['MMoE', '/cases/tiktok-feed/', 'model'],
	['collisionless embeddings', '/cases/tiktok-feed/', 'model'],
	['TikTok', '/cases/tiktok-feed/', ''],
	['LambdaMART', '/cases/yelp-local-search/', 'model'],
	['NDCG', '/cases/yelp-local-search/', 'metrics'],
	['interleaving', '/cases/yelp-local-search/', 'evaluation-and-experiments'],
	['Yelp', '/cases/yelp-local-search/', ''],
	['normalized entropy', '/cases/ads-ctr-prediction/', 'metrics'],
	['calibration ratio', '/cases/ads-ctr-prediction/', 'metrics'],
	['negative downsampling', '/cases/ads-ctr-prediction/', 'data-and-labels'],
	['feature store', '/cases/ads-ctr-prediction/', 'features'],
	['feature hashing', '/cases/ads-ctr-prediction/', 'features'],
	['second-price auction', '/cases/ads-ctr-prediction/', 'ml-problem-framing'],
	['budget pacing', '/cases/ads-ctr-prediction/', 'serving-and-infrastructure'],
	['delayed feedback', '/cases/ads-ctr-prediction/', 'data-and-labels'],
	['temporal leakage', '/pitfalls/', 'temporal-leakage'],
	['position bias', '/pitfalls/', 'position-bias'],
	['train/serve skew', '/pitfalls/', 'train-serve-skew'],
	['point-in-time', '/pitfalls/', 'point-in-time-leakage'],
	['novelty effect', '/pitfalls/', 'novelty-effect'],
	['cold start', '/pitfalls/', 'cold-start'],
	['YouTube recommendations', '/prompts/', 'youtube-recommendations'],
	['Instagram Explore', '/prompts/', 'instagram-explore'],
	['Uber Eats search', '/prompts/', 'uber-eats-search'],
];

/** Waits for a value (the index loads on the first search, which can take a moment on a busy machine); not a speed check. */
const eventually = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000 });

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(() => h?.close());

const base = () => new URL(h.url('')).pathname;
/** A site path without the base: `/mlsd/pitfalls/#x` → `/pitfalls/#x`. */
const sitePath = (href: string) => '/' + new URL(href, h.site.url).pathname.slice(base().length) + new URL(href, h.site.url).hash;
const pagefindRequests = () => h.site.requests.filter((r) => r.startsWith(`${base()}pagefind/`));

interface ShownResult {
	page: string;
	sections: string[];
	hidden: string[];
	labels: string;
}

/** The results as a reader sees them: each page with its listed sections, and those folded under "more sections". */
async function shownResults(page: Page): Promise<ShownResult[]> {
	const raw = await page.locator('[data-search-results] > li').evaluateAll((items) =>
		items.map((li) => ({
			page: li.querySelector<HTMLAnchorElement>('.search-hit-title a')!.href,
			sections: [...li.querySelectorAll<HTMLAnchorElement>(':scope > .search-sections a')].map((a) => a.href),
			hidden: [...li.querySelectorAll<HTMLAnchorElement>(':scope > details a')].map((a) => a.href),
			labels: li.querySelector('.search-hit-labels')?.textContent ?? '',
		})),
	);
	return raw.map((r) => ({ ...r, page: sitePath(r.page), sections: r.sections.map(sitePath), hidden: r.hidden.map(sitePath) }));
}

const status = (page: Page) => page.locator('[data-search-status]');

/** Opens the search page at `query` (a search string such as `?q=x`) and waits for the results to be announced. */
async function openSearch(query: string) {
	const opened = await h.newPage();
	await opened.page.goto(h.url(`search/${query}`));
	await eventually(() => status(opened.page).textContent()).toMatch(/match|No results/);
	return opened;
}

describe('search: the right page and section', () => {
	it.each(QUERIES)('"%s" lists %s#%s among the first three results', async (query, path, anchor) => {
		const { page, context, errors } = await openSearch(`?q=${encodeURIComponent(query)}`);
		const top = (await shownResults(page)).slice(0, 3);
		const hit = top.find((r) => r.page === path);
		expect(hit, `first three: ${top.map((r) => r.page).join(', ')}`).toBeDefined();
		if (anchor) expect(hit!.sections).toContain(`${path}#${anchor}`);
		// Excerpts are text with <mark> highlights, nothing else.
		const tags = await page.locator('[data-search-results] .search-excerpt *').evaluateAll((els) => [...new Set(els.map((e) => e.tagName))]);
		expect(tags.filter((t) => t !== 'MARK')).toEqual([]);
		expect(await page.locator('[data-search-results] .search-excerpt mark').count()).toBeGreaterThan(0);
		expect(errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
		await context.close();
	});

	it('finds every pitfall as its own result: its name leads to /pitfalls/#<id>', async () => {
		const { page, context } = await h.newPage();
		await page.goto(h.url('search/'));
		for (const p of loadPitfalls()) {
			await page.getByLabel(/Search cases/).fill(p.name);
			await eventually(() => status(page).textContent()).toContain(`“${p.name}”`);
			const catalog = (await shownResults(page)).slice(0, 3).find((r) => r.page === '/pitfalls/');
			expect(catalog?.sections[0], `searching "${p.name}"`).toBe(`/pitfalls/#${p.id}`);
		}
		await context.close();
	});

	it('lists each page once and each section once, and never a practice page', async () => {
		const { page, context } = await h.newPage();
		await page.goto(h.url('search/'));
		for (const [query] of QUERIES) {
			await page.getByLabel(/Search cases/).fill(query);
			await eventually(() => status(page).textContent()).toContain(`“${query}”`);
			const results = await shownResults(page);
			const pages = results.map((r) => r.page);
			const sections = results.flatMap((r) => [...r.sections, ...r.hidden]);
			expect(new Set(pages).size, `${query}: ${pages.join(', ')}`).toBe(pages.length);
			expect(new Set(sections).size, `${query}: ${sections.join(', ')}`).toBe(sections.length);
			expect([...pages, ...sections].filter((u) => /^\/(practice|print|search)\//.test(u) || u === '/' || u === '/cases/')).toEqual([]);
		}
		await context.close();
	});

	it('indexes the concept pages and the roadmap that were built', async () => {
		const built = (dir: string) => (existsSync(join(DIST, dir)) ? readdirSync(join(DIST, dir)).filter((d) => existsSync(join(DIST, dir, d, 'index.html'))) : []);
		const pages = [...built('concepts').map((d) => `/concepts/${d}/`), ...(existsSync(join(DIST, 'roadmap/index.html')) ? ['/roadmap/'] : [])];
		const { page, context } = await h.newPage();
		await page.goto(h.url('search/'));
		for (const path of pages) {
			const title = await page.evaluate(async (url) => new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html').querySelector('h1')!.textContent!.trim(), h.url(path));
			await page.getByLabel(/Search cases/).fill(title);
			await eventually(() => status(page).textContent()).toContain(`“${title}”`);
			expect((await shownResults(page)).slice(0, 3).map((r) => r.page), `searching "${title}"`).toContain(path);
		}
		await context.close();
	});
});

describe('search: filters', () => {
	it('a domain narrows the results to that domain, and the URL keeps it', async () => {
		const all = await openSearch('?q=calibration');
		const unfiltered = await shownResults(all.page);
		await all.context.close();
		// The filter has something to remove: a result outside the domain (which one depends on how many cases there are).
		expect(unfiltered.some((r) => !r.labels.includes('Ads and marketplaces'))).toBe(true);

		// What the filter must keep: the unfiltered results in that domain, however many cases there are.
		const ads = unfiltered.filter((r) => r.labels.includes('Ads and marketplaces')).map((r) => r.page);
		expect(ads).toContain('/cases/ads-ctr-prediction/');
		const { page, context } = await openSearch('?q=calibration');
		await page.getByRole('checkbox', { name: 'Ads and marketplaces' }).check();
		await eventually(() => page.url()).toContain('domain=Ads+and+marketplaces');
		await eventually(async () => (await shownResults(page)).every((r) => r.labels.includes('Ads and marketplaces'))).toBe(true);
		expect((await shownResults(page)).map((r) => r.page)).toEqual(expect.arrayContaining(ads));
		await context.close();
	});

	it('two values of one filter widen, two filters narrow', async () => {
		const all = await openSearch('?q=calibration');
		const unfiltered = await shownResults(all.page);
		await all.context.close();
		const inEither = unfiltered.filter((r) => r.labels.includes('Ads and marketplaces') || r.labels.includes('Search and ranking'));
		const { page, context } = await openSearch('?q=calibration&domain=Ads+and+marketplaces&domain=Search+and+ranking');
		const either = (r: { labels: string }) => r.labels.includes('Ads and marketplaces') || r.labels.includes('Search and ranking');
		const shown = await shownResults(page);
		expect(shown.every(either)).toBe(true);
		expect(shown.map((r) => r.page)).toEqual(expect.arrayContaining([...inEither.map((r) => r.page), '/cases/ads-ctr-prediction/', '/cases/yelp-local-search/']));
		await page.getByRole('checkbox', { name: 'Foundation' }).check();
		// Narrower still: only foundation cases of those two domains, or none at all.
		await eventually(async () => {
			const narrowed = await shownResults(page);
			return narrowed.length ? narrowed.every((r) => either(r) && r.labels.includes('Foundation')) : (await status(page).textContent())?.includes('No results');
		}).toBe(true);
		await context.close();
	});

	it('a framework stage keeps only the sections written under it, and the pitfalls that bite there', async () => {
		const all = await openSearch('?q=leakage');
		const pitfallsAll = (await shownResults(all.page)).find((r) => r.page === '/pitfalls/')!;
		expect([...pitfallsAll.sections, ...pitfallsAll.hidden]).toContain('/pitfalls/#temporal-leakage');
		await all.context.close();

		const { page, context } = await openSearch('?q=leakage&stage=Features');
		const results = await shownResults(page);
		const pitfalls = results.find((r) => r.page === '/pitfalls/')!;
		const listed = [...pitfalls.sections, ...pitfalls.hidden];
		expect(listed).toEqual(expect.arrayContaining(['/pitfalls/#point-in-time-leakage', '/pitfalls/#target-leakage']));
		expect(listed).not.toContain('/pitfalls/#temporal-leakage');
		expect(results.map((r) => r.page)).not.toContain('/roadmap/');
		await context.close();

		const model = await openSearch('?q=two-tower&stage=Model');
		for (const r of await shownResults(model.page)) {
			for (const s of [...r.sections, ...r.hidden]) expect(s, 'a section outside the Model stage').not.toMatch(/#(high-level-design|features|references|at-a-glance|pitfalls)$/);
		}
		expect((await shownResults(model.page)).find((r) => r.page === '/cases/tiktok-feed/')?.sections).toContain('/cases/tiktok-feed/#model');
		await model.context.close();
	});

	it("Starlight's search modal offers the same filters", async () => {
		const { page, context } = await h.newPage();
		await page.goto(h.url('framework/'), { waitUntil: 'networkidle' });
		await page.locator('button[data-open-modal]').click();
		await page.locator('#starlight__search .pagefind-ui__search-input').fill('calibration');
		const panel = page.locator('#starlight__search .pagefind-ui__filter-panel');
		await eventually(() => panel.textContent()).toContain('Domain');
		const text = (await panel.textContent()) ?? '';
		for (const name of ['Difficulty', 'Stage', 'Ads and marketplaces', 'Metrics']) expect(text).toContain(name);
		await context.close();
	});
});

describe('search page', () => {
	it('runs a deep link on load and keeps the URL in step with typing', async () => {
		const { page, context } = await openSearch('?q=calibration');
		const entries = await page.evaluate(() => history.length);
		expect(await page.getByLabel(/Search cases/).inputValue()).toBe('calibration');
		expect((await shownResults(page)).length).toBeGreaterThan(0);
		await page.getByLabel(/Search cases/).fill('position bias');
		await eventually(() => new URL(page.url()).search).toBe('?q=position+bias');
		await eventually(() => status(page).textContent()).toContain('“position bias”');
		// Deep links replace the history entry rather than piling up one per keystroke.
		expect(await page.evaluate(() => history.length)).toBe(entries);
		await context.close();
	});

	it('works from the keyboard alone: type, tick a filter, reach and follow a result', async () => {
		const { page, context } = await h.newPage();
		await page.goto(h.url('search/'));
		await page.getByLabel(/Search cases/).focus();
		await page.keyboard.type('temporal leakage');
		await page.keyboard.press('Enter');
		await eventually(() => status(page).textContent()).toContain('“temporal leakage”');
		const focused = () => page.evaluate(() => ({ text: document.activeElement?.textContent?.trim() ?? '', href: (document.activeElement as HTMLAnchorElement | null)?.href ?? '', type: (document.activeElement as HTMLInputElement | null)?.type ?? '', label: document.activeElement?.closest('label')?.textContent?.trim() ?? '' }));
		let target = '';
		for (let i = 0; i < 40 && !target; i++) {
			await page.keyboard.press('Tab');
			const f = await focused();
			if (f.type === 'checkbox' && f.label === 'Data and labels') await page.keyboard.press('Space');
			if (f.href.endsWith('/pitfalls/#temporal-leakage')) target = f.href;
		}
		expect(page.url()).toContain('stage=Data+and+labels');
		expect(target).not.toBe('');
		await page.keyboard.press('Enter');
		await eventually(() => page.url()).toMatch(/\/pitfalls\/#temporal-leakage$/);
		await context.close();
	});

	it('shows ten pages at a time; "Show more results" adds the next ten and moves focus to the first new one, until all are shown', async () => {
		const { page, context } = await openSearch('?q=model');
		expect(await status(page).textContent()).toContain('10+ pages match');
		const items = page.locator('[data-search-results] > li');
		expect(await items.count()).toBe(10);
		let shown = 10;
		// "model" matches a few dozen pages: a bounded number of batches.
		for (let batch = 0; batch < 20 && (await page.getByRole('button', { name: 'Show more results' }).isVisible()); batch++) {
			await page.getByRole('button', { name: 'Show more results' }).focus();
			await page.keyboard.press('Enter');
			await eventually(() => items.count()).toBeGreaterThan(shown);
			const now = await items.count();
			expect(now - shown).toBeLessThanOrEqual(10);
			expect(await page.evaluate((i) => document.activeElement?.closest('[data-search-results] > li') === document.querySelectorAll('[data-search-results] > li')[i], shown)).toBe(true);
			shown = now;
		}
		expect(shown).toBeGreaterThan(10);
		expect(await status(page).textContent()).toContain(`${shown} pages match`);
		expect(await page.getByRole('button', { name: 'Show more results' }).isHidden()).toBe(true);
		await context.close();
	});

	it('has no axe violations with results shown, in light and dark themes', async () => {
		for (const colorScheme of ['light', 'dark'] as const) {
			const { page, context } = await h.newPage({ colorScheme });
			await page.goto(h.url('search/?q=calibration'));
			await eventually(() => status(page).textContent()).toContain('match');
			const result = await new AxeBuilder({ page }).include('main').analyze();
			expect(result.violations.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
			await context.close();
		}
	});
});

describe('search: loading', () => {
	it('pages load no search index; the search page fetches it on the first search', async () => {
		const { page, context } = await h.newPage();
		for (const path of ['cases/tiktok-feed/', 'pitfalls/', 'search/']) {
			const before = pagefindRequests().length;
			await page.goto(h.url(path), { waitUntil: 'networkidle' });
			expect(pagefindRequests().slice(before), path).toEqual([]);
		}
		const before = pagefindRequests().length;
		await page.getByLabel(/Search cases/).fill('calibration');
		await eventually(() => status(page).textContent()).toContain('match');
		const fetched = pagefindRequests().slice(before);
		expect(fetched).toContain(`${base()}pagefind/pagefind.js`);
		expect(fetched.some((r) => r.endsWith('.pf_fragment'))).toBe(true);
		await context.close();
	});
});
