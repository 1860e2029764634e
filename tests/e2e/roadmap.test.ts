/**
 * The roadmap in real Chromium: ticks survive a reload and move the progress
 * bar, corrupt stored data never breaks the page, and everything works from
 * the keyboard.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROADMAP_STORAGE_KEY } from '../../src/lib/learning/roadmap-progress.ts';
import { namespaceOf } from '../../src/lib/learning/site-storage.ts';

/** The key in the browser: namespaced by the site's base path. */
const STORED_KEY = `${namespaceOf(process.env.BASE_PATH ?? '/')}${ROADMAP_STORAGE_KEY}`;
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => h?.close());

const realErrors = (errors: string[]) => errors.filter((e) => !e.startsWith('Failed to load resource'));
const bar = (page: Page) => page.getByRole('progressbar', { name: 'Your progress' });
const status = (page: Page) => page.locator('#roadmap-progress-text');
const weekDone = (page: Page, n: number) => page.getByRole('checkbox', { name: `Week ${n} done`, exact: true });

async function open(options: Parameters<Harness['newPage']>[0] = {}) {
	const opened = await h.newPage(options);
	await opened.page.goto(h.url('roadmap/'));
	return opened;
}

describe('roadmap progress', () => {
	it('starts empty, and ticks move the progress bar and survive a reload', async () => {
		const { page, context, errors } = await open();
		expect(await bar(page).getAttribute('max')).toBe('16');
		expect(await bar(page).evaluate((el: HTMLProgressElement) => el.value)).toBe(0);
		await expect.poll(() => status(page).textContent()).toMatch(/^0 of 16 weeks done · 0 of \d+ actions ticked$/);

		await weekDone(page, 1).check();
		await weekDone(page, 2).check();
		await page.getByRole('checkbox', { name: 'Implement BFS and DFS from scratch, recursive and iterative, on an adjacency list.' }).check();
		await page.getByRole('checkbox', { name: /Write a Dockerfile/ }).check();
		await expect.poll(() => bar(page).evaluate((el: HTMLProgressElement) => el.value)).toBe(2);
		await expect.poll(() => status(page).textContent()).toMatch(/^2 of 16 weeks done · 2 of \d+ actions ticked$/);

		await page.reload();
		expect(await weekDone(page, 1).isChecked()).toBe(true);
		expect(await weekDone(page, 2).isChecked()).toBe(true);
		expect(await weekDone(page, 3).isChecked()).toBe(false);
		expect(await page.getByRole('checkbox', { name: /Implement BFS and DFS/ }).isChecked()).toBe(true);
		expect(await page.getByRole('checkbox', { name: /Write a Dockerfile/ }).isChecked()).toBe(true);
		await expect.poll(() => bar(page).evaluate((el: HTMLProgressElement) => el.value)).toBe(2);

		await weekDone(page, 2).uncheck();
		await page.reload();
		expect(await weekDone(page, 2).isChecked()).toBe(false);
		await expect.poll(() => bar(page).evaluate((el: HTMLProgressElement) => el.value)).toBe(1);
		const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), STORED_KEY))!);
		expect(stored.version).toBe(1);
		expect(stored.done).toEqual(expect.arrayContaining(['week-1', 'week-3/bfs-dfs', 'project/dockerfile']));
		expect(realErrors(errors)).toEqual([]);
		await context.close();
	});

	it.each([
		['not JSON', '{"version":1,"done":['],
		['the wrong shape', '{"version":1,"done":"week-1"}'],
		['a future version', '{"version":7,"weeks":[1,2,3]}'],
		['junk entries', '{"version":1,"done":[null,42,"week-4","<img src=x>"]}'],
	])('reads %s in storage without breaking the page, and saves over it', async (_label, raw) => {
		const { page, context, errors } = await h.newPage();
		await context.addInitScript(([key, value]) => {
			if (!sessionStorage.getItem('seeded')) {
				localStorage.setItem(key, value);
				sessionStorage.setItem('seeded', '1');
			}
		}, [STORED_KEY, raw] as const);
		await page.goto(h.url('roadmap/'));
		expect(realErrors(errors)).toEqual([]);
		await expect.poll(() => status(page).textContent()).toMatch(/weeks done/);
		const expected = raw.includes('"week-4"') ? 1 : 0;
		expect(await bar(page).evaluate((el: HTMLProgressElement) => el.value)).toBe(expected);
		await weekDone(page, 5).check();
		await page.reload();
		expect(await weekDone(page, 5).isChecked()).toBe(true);
		await context.close();
	});

	it('keeps working when storage is blocked, and says ticks will not be kept', async () => {
		// Starlight's own theme script reports the blocked storage as an error; the roadmap must still work.
		const { page, context } = await h.newPage();
		await context.addInitScript(() => {
			Object.defineProperty(window, 'localStorage', {
				get() {
					throw new DOMException('blocked', 'SecurityError');
				},
			});
		});
		await page.goto(h.url('roadmap/'));
		await weekDone(page, 1).check();
		await expect.poll(() => status(page).textContent()).toMatch(/cannot be saved/);
		expect(await weekDone(page, 1).isChecked()).toBe(true);
		await context.close();
	});

	it('ticks from the keyboard, and "Clear all ticks" empties the bar after confirming', async () => {
		const { page, context } = await open();
		await weekDone(page, 7).focus();
		await page.keyboard.press('Space');
		await expect.poll(() => bar(page).evaluate((el: HTMLProgressElement) => el.value)).toBe(1);
		page.once('dialog', (d) => d.accept());
		await page.getByRole('button', { name: 'Clear all ticks' }).click();
		await expect.poll(() => bar(page).evaluate((el: HTMLProgressElement) => el.value)).toBe(0);
		await page.reload();
		expect(await weekDone(page, 7).isChecked()).toBe(false);
		await context.close();
	});

	it('links each week to the workbook page that serves it', async () => {
		const { page, context } = await open();
		await page.locator('#week-5').locator('xpath=ancestor::article').getByRole('link', { name: 'Sample-size calculator' }).click();
		await page.waitForURL(/\/calculators\/$/);
		expect(await page.locator('[data-calculator="sample-size"]').count()).toBe(1);
		await context.close();
	});

	it.each(['light', 'dark'] as const)('has no axe violations in the %s theme', async (colorScheme) => {
		const { page, context } = await open({ colorScheme });
		await weekDone(page, 1).check();
		const result = await new AxeBuilder({ page }).include('main').exclude('button[data-open-modal]').analyze();
		expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
		await context.close();
	});
});
