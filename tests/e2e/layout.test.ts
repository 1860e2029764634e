/** Layout a reader notices: tables that fit at every width, and a design checklist grouped by stage. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namespaceOf } from '../../src/lib/learning/site-storage.ts';
import { firstBuiltCase } from '../../src/lib/tooling/page-types.ts';
import { DIST, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(() => h?.close());

const CASE = `cases/${firstBuiltCase(DIST)}/`;

/** Tables (or their scroll containers) wider than what shows of them, as "selector: overflow px". */
async function overflowing(path: string, width: number): Promise<string[]> {
	const { page, context } = await h.newPage();
	await page.setViewportSize({ width, height: 900 });
	await page.goto(h.url(path));
	const found = await page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('main table')].flatMap((t, i) => {
			const box = (t.closest('.table-wrap') as HTMLElement | null) ?? t;
			const over = Math.max(box.scrollWidth - box.clientWidth, t.getBoundingClientRect().right - document.documentElement.clientWidth);
			return over > 1 ? [`table ${i + 1} (${t.querySelector('th')?.textContent?.trim()}): ${Math.round(over)} px`] : [];
		}),
	);
	await context.close();
	return found;
}

describe('tables', () => {
	it.each([CASE, 'framework/', 'concepts/metrics/'])('%s: no table overflows at 1280 px or on a 390 px phone', async (path) => {
		expect(await overflowing(path, 1280)).toEqual([]);
		expect(await overflowing(path, 390)).toEqual([]);
	});

	it('on a phone, a row of a wide table reads as label/value pairs', async () => {
		const { page, context } = await h.newPage();
		await page.setViewportSize({ width: 390, height: 900 });
		await page.goto(h.url(CASE));
		const cell = page.locator('table.table-stack td[data-label]').first();
		expect(await cell.evaluate((td) => getComputedStyle(td, '::before').content)).toBe(`"${await cell.getAttribute('data-label')}"`);
		expect(await cell.evaluate((td) => getComputedStyle(td).display)).toBe('block');
		await context.close();
	});

	it('a wide table’s scroll container is labelled and reachable by keyboard', async () => {
		const { page, context } = await h.newPage();
		await page.goto(h.url(CASE));
		const wrap = page.locator('.table-wrap').first();
		expect(await wrap.getAttribute('tabindex')).toBe('0');
		expect(await wrap.getAttribute('aria-label')).toMatch(/^Table: /);
		await context.close();
	});
});

describe('design checklist', () => {
	it('is grouped by stage, folded, with ticks counted per stage and kept across a reload', async () => {
		const { page, context } = await h.newPage();
		await page.goto(h.url(CASE));
		const groups = page.locator('.design-checklist details.checklist-group');
		expect(await groups.count()).toBeGreaterThan(3);
		expect(await groups.evaluateAll((ds) => ds.filter((d) => (d as HTMLDetailsElement).open).length)).toBe(0);
		const first = groups.first();
		await first.locator('summary').click();
		const total = await first.locator('input[type=checkbox]').count();
		await first.locator('input[type=checkbox]').first().check();
		await expect.poll(() => first.locator('[data-checklist-count]').textContent()).toBe(`1 of ${total} ticked`);
		await page.reload();
		await page.locator('.design-checklist').scrollIntoViewIfNeeded();
		await expect.poll(() => page.locator('.design-checklist details.checklist-group').first().locator('[data-checklist-count]').textContent()).toBe(`1 of ${total} ticked`);
		// One key per case, the same one as before grouping (under the site's base-path namespace), so earlier ticks are still there.
		const prefix = `${namespaceOf(process.env.BASE_PATH ?? '/')}mlsd:checklist:v1:`;
		expect(await page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p)), prefix)).toEqual([`${prefix}${CASE.split('/')[1]}`]);
		await context.close();
	});
});
