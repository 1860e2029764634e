/**
 * How a long case page stays light on a phone (issue #22), checked by mechanism,
 * never by time: sections off screen are not rendered until needed, yet
 * find-in-page, links to a fragment and print still reach them; the design
 * checklist is not touched until it is about to be seen or used.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { namespaceOf } from '../../src/lib/learning/site-storage.ts';
import { DIST, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(() => h?.close());

const CASES = readdirSync(join(DIST, 'cases')).filter((slug) => existsSync(join(DIST, 'cases', slug, 'index.html'))).sort();
const CASE = CASES.includes('tiktok-feed') ? 'tiktok-feed' : CASES[0];
const PHONE = { width: 412, height: 823 };

/** Waits for the page to load and the browser to go idle, when deferred scripts have run. */
async function settle(page: Page): Promise<void> {
	await page.waitForLoadState('load');
	await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => requestAnimationFrame(() => resolve()))));
}

async function phonePage() {
	const opened = await h.newPage();
	await opened.page.setViewportSize(PHONE);
	return opened;
}

describe('case sections off screen', () => {
	// A template mechanism: one representative case page. What depends on each case's content
	// (how much room its skipped sections hold) is checked per case below.
	it(`${CASE}: each section is rendered only near the viewport`, async () => {
		const { page, context } = await phonePage();
		await page.goto(h.url(`cases/${CASE}/`));
		await settle(page);
		const sections = page.locator('main .case-section');
		expect(await sections.count()).toBeGreaterThan(5);
		expect(await sections.evaluateAll((ss) => ss.map((s) => getComputedStyle(s).contentVisibility))).toEqual(expect.arrayContaining(['auto']));
		// checkVisibility({ contentVisibilityAuto: true }) is false inside a section the browser skips.
		const rendered = () => sections.evaluateAll((ss) => ss.map((s) => s.querySelector(':scope > h2')!.checkVisibility({ contentVisibilityAuto: true })));
		const atTop = await rendered();
		expect(atTop.at(-1), 'the last section is skipped while the reader is at the top').toBe(false);
		expect(atTop.filter((r) => !r).length).toBeGreaterThan(atTop.length / 2);
		// As a link to it would: scrolling to the heading draws its section.
		await sections.last().locator(':scope > h2').scrollIntoViewIfNeeded();
		await expect.poll(async () => (await rendered()).at(-1)).toBe(true);
		await context.close();
	});

	it.each(CASES)('%s: a skipped section holds about the room it will take, so nothing drawn later lands on top of it', async (slug) => {
		const { page, context } = await phonePage();
		await page.goto(h.url(`cases/${slug}/`));
		await settle(page);
		const heights = await page.evaluate(() => {
			const sections = [...document.querySelectorAll<HTMLElement>('main .case-section, main .case-pitfalls, main .design-checklist, main .follow-ups, main .references')];
			const skipped = sections.filter((s) => !s.querySelector('h2')!.checkVisibility({ contentVisibilityAuto: true }));
			const held = skipped.map((s) => s.getBoundingClientRect().height);
			for (const s of skipped) s.style.contentVisibility = 'visible';
			return skipped.map((s, i) => ({ section: s.querySelector('h2')!.id, ratio: held[i]! / s.getBoundingClientRect().height }));
		});
		expect(heights.length).toBeGreaterThan(5);
		// Too small, and the sections after it overlap it until it is drawn (audits then report overlapping links);
		// far too large, and the scrollbar misleads. The estimate is from text length, so it is never exact.
		for (const { section, ratio } of heights) {
			expect(ratio, `${slug}#${section}: held ÷ drawn height`).toBeGreaterThanOrEqual(0.8);
			expect(ratio, `${slug}#${section}: held ÷ drawn height`).toBeLessThanOrEqual(2);
		}
		await context.close();
	});

	it('a link to a heading deep in the page lands on it, and find-in-page finds text in skipped sections', async () => {
		const { page, context } = await phonePage();
		await page.goto(h.url(`cases/${CASE}/`));
		await settle(page);
		const last = page.locator('main .case-section').last();
		const id = await last.locator('h2').getAttribute('id');
		const phrase = (await last.locator('p').first().textContent())!.trim().split(/\s+/).slice(0, 6).join(' ');
		expect(await page.evaluate((p) => (window as unknown as { find(s: string): boolean }).find(p), phrase)).toBe(true);
		await page.goto(h.url(`cases/${CASE}/#${id}`));
		await settle(page);
		await expect.poll(() => page.locator(`[id="${id}"]`).evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBeLessThan(PHONE.height / 2);
		expect(await page.locator(`[id="${id}"]`).evaluate((el) => el.getBoundingClientRect().bottom)).toBeGreaterThan(0);
		await context.close();
	});

	it('print renders every section', async () => {
		const { page, context } = await phonePage();
		await page.goto(h.url(`cases/${CASE}/`));
		await settle(page);
		await page.emulateMedia({ media: 'print' });
		const states = await page.locator('main .case-section, main .design-checklist, main .references').evaluateAll((ss) => ss.map((s) => getComputedStyle(s).contentVisibility));
		expect(new Set(states)).toEqual(new Set(['visible']));
		await context.close();
	});
});

describe('design checklist', () => {
	it('is not touched at load, and shows stored ticks once scrolled to', async () => {
		const { page, context } = await phonePage();
		await page.goto(h.url(`cases/${CASE}/`));
		const item = await page.locator('.design-checklist input[data-item]').first().getAttribute('data-item');
		// The stored form is unchanged: a JSON list of item ids under the site's namespaced key.
		const key = `${namespaceOf(process.env.BASE_PATH ?? '/')}mlsd:checklist:v1:${CASE}`;
		await page.evaluate(([k, tick]) => localStorage.setItem(k, JSON.stringify([tick])), [key, item!] as const);
		await page.reload();
		await settle(page);
		const checklist = page.locator('.design-checklist');
		expect(await checklist.getAttribute('data-checklist-ready')).toBeNull();
		expect(await page.locator(`input[data-item="${item}"]`).isChecked()).toBe(false);
		expect(await checklist.locator('.checklist-progress').textContent()).not.toMatch(/ticked/);
		await checklist.scrollIntoViewIfNeeded();
		await expect.poll(() => checklist.getAttribute('data-checklist-ready')).toBe('');
		await expect.poll(() => page.locator(`input[data-item="${item}"]`).isChecked()).toBe(true);
		expect(await checklist.locator('.checklist-progress').textContent()).toMatch(/^1 of \d+ questions ticked$/);
		await context.close();
	});

	it('a tick made straight after a fragment jump keeps the stored ones', async () => {
		const { page, context } = await phonePage();
		await page.goto(h.url(`cases/${CASE}/#design-checklist`));
		await settle(page);
		const boxes = page.locator('.design-checklist input[data-item]');
		await page.locator('.design-checklist summary').first().click();
		await boxes.first().check();
		await page.goto(h.url(`cases/${CASE}/`));
		await page.locator('.design-checklist summary').first().click();
		await boxes.nth(1).check();
		await page.reload();
		await page.locator('.design-checklist').scrollIntoViewIfNeeded();
		await expect.poll(() => boxes.evaluateAll((bs) => bs.slice(0, 2).map((b) => (b as HTMLInputElement).checked))).toEqual([true, true]);
		await context.close();
	});
});
