/**
 * The interview shape in real Chromium: deep dives fold and unfold (one control
 * for all, remembered across pages), links open them, they work without
 * JavaScript; the worksheet's key-point self-check survives a reload and reaches
 * the exports and the attempts list; the target level judges each dimension;
 * what was stored before keys were namespaced is still there.
 */
import { readFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/lib/content/framework.ts';
import { namespaceOf } from '../../src/lib/learning/site-storage.ts';
import { DIST, startHarness, type Harness } from './harness.ts';
import { renderAllSections } from './render-all.ts';

const framework = loadFramework();
const [CASE, OTHER] = readdirSync(join(DIST, 'print/case')).sort((a, b) => (a === 'tiktok-feed' ? -1 : b === 'tiktok-feed' ? 1 : a.localeCompare(b)));
const NS = namespaceOf(process.env.BASE_PATH ?? '/');

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(() => h?.close());

const dives = (page: Page) => page.locator('details[data-deep-dive]');
const openCount = (page: Page) => dives(page).evaluateAll((els) => els.filter((d) => (d as HTMLDetailsElement).open).length);
const toggle = (page: Page) => page.locator('[data-deep-dive-toggle]');
const axe = (page: Page) => new AxeBuilder({ page }).exclude('button[data-open-modal]').analyze();
const violations = (result: Awaited<ReturnType<typeof axe>>) => result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

describe('deep dives on a case page', () => {
	it('start collapsed with their titles visible, and one control expands and collapses them all', async () => {
		const { page, context, errors } = await h.newPage();
		await page.goto(h.url(`cases/${CASE}/`));
		const total = await dives(page).count();
		expect(total).toBeGreaterThan(0);
		expect(await openCount(page)).toBe(0);
		await expect.poll(() => dives(page).first().locator('summary').isVisible()).toBe(true);
		expect(await dives(page).first().locator('.deep-dive-body').isVisible()).toBe(false);
		await expect.poll(() => toggle(page).textContent()).toBe('Expand all deep dives');
		await toggle(page).click();
		expect(await openCount(page)).toBe(total);
		expect(await toggle(page).getAttribute('aria-pressed')).toBe('true');
		expect(await toggle(page).textContent()).toBe('Collapse all deep dives');
		await toggle(page).click();
		expect(await openCount(page)).toBe(0);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('remembers "expand all" on the next case page and after a reload, from the keyboard too', async () => {
		const { page, context } = await h.newPage();
		await page.goto(h.url(`cases/${CASE}/`));
		await toggle(page).focus();
		await page.keyboard.press('Enter');
		expect(await openCount(page)).toBe(await dives(page).count());
		await page.goto(h.url(`cases/${OTHER}/`));
		await expect.poll(() => openCount(page)).toBe(await dives(page).count());
		expect(await toggle(page).getAttribute('aria-pressed')).toBe('true');
		await toggle(page).focus();
		await page.keyboard.press('Space');
		await page.reload();
		await expect.poll(() => toggle(page).getAttribute('aria-pressed')).toBe('false');
		expect(await openCount(page)).toBe(0);
		expect(await page.evaluate((key) => localStorage.getItem(key), `${NS}mlsd:deep-dives:v1`)).toBe('collapsed');
		await context.close();
	});

	it('opens the deep dive a link points at, and the one around an element a link points at', async () => {
		const { page, context } = await h.newPage();
		await page.goto(h.url(`cases/${CASE}/`));
		const id = await dives(page).nth(1).getAttribute('id');
		await page.goto(h.url(`cases/${CASE}/#${id}`));
		await expect.poll(() => page.locator(`details#${id}`).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
		expect(await openCount(page)).toBe(1);
		// An element inside another (closed) deep dive, reached by an in-page link.
		await page.evaluate(() => {
			const inner = document.querySelectorAll('details[data-deep-dive]')[0].querySelector('.deep-dive-body > *')!;
			inner.id = 'inside-a-deep-dive';
		});
		await page.evaluate(() => (location.hash = '#inside-a-deep-dive'));
		await expect.poll(() => dives(page).first().evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
		await context.close();
	});

	it('work without JavaScript: the control is hidden and each deep dive opens on its own', async () => {
		const { page, context } = await h.newPage({ javaScriptEnabled: false });
		await page.goto(h.url(`cases/${CASE}/`));
		expect(await toggle(page).isVisible()).toBe(false);
		await dives(page).first().locator('summary').click();
		expect(await dives(page).first().locator('.deep-dive-body').isVisible()).toBe(true);
		await context.close();
	});

	it.each(['light', 'dark'] as const)('has no axe violations with deep dives open and closed, in the %s theme', async (colorScheme) => {
		const { page, context } = await h.newPage({ colorScheme });
		await page.goto(h.url(`cases/${CASE}/`));
		await renderAllSections(page);
		expect(violations(await axe(page))).toEqual([]);
		await toggle(page).click();
		expect(violations(await axe(page))).toEqual([]);
		await context.close();
	});
});

describe('practice: key-point self-check and target level', () => {
	const section = framework.sections.find((s) => s.id === 'model')!;
	const boxes = (page: Page) => page.locator(`input[data-covered="${section.id}"]`);

	async function exportFile(page: Page, name: RegExp) {
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
		return readFile((await download.path())!, 'utf8');
	}

	it('shows the key points first when comparing, keeps the ticks across a reload, and puts coverage in the rubric, the list and both exports', async () => {
		const { page, context, errors } = await h.newPage();
		await page.goto(h.url(`practice/${CASE}/`));
		await page.locator(`[data-compare="${section.id}"]`).click();
		const panel = page.locator(`[data-reference-panel="${section.id}"]`);
		const first = await panel.locator('fieldset, h3, [data-reference-body] > *').first().evaluate((el) => el.tagName);
		expect(first).toBe('FIELDSET');
		const total = await boxes(page).count();
		expect(total).toBeGreaterThanOrEqual(framework.keyPoints.min);
		await page.getByRole('checkbox', { name: 'I covered this' }).first().check();
		await boxes(page).nth(2).check();
		await expect.poll(() => panel.locator(`[data-coverage-for="${section.id}"]`).textContent()).toBe(`2 of ${total} key points covered`);
		await expect.poll(() => page.locator('[data-save-status]').textContent()).toBe('Saved');

		await page.reload();
		await page.locator(`[data-compare="${section.id}"]`).click();
		expect(await boxes(page).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked))).toEqual(Array.from({ length: total }, (_, i) => i === 0 || i === 2));
		const rubricCoverage = page.locator(`[data-rubric-coverage~="${section.id}"]`);
		expect(await rubricCoverage.textContent()).toContain(`${section.title} 2/${total}`);
		expect(await page.locator('[data-attempt-list] > li').first().textContent()).toMatch(/key points 2\/\d+/);

		const md = await exportFile(page, /Download as Markdown/);
		expect(md).toContain(`Key points (2 of ${total} key points covered):`);
		expect(md).toMatch(/^- \[x\] /m);
		const json = JSON.parse(await exportFile(page, /Download as JSON/));
		expect(json.version).toBe(3);
		expect(json.attempt.covered[section.id]).toEqual([0, 2]);
		expect(errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
		await context.close();
	});

	it('says per dimension whether the scores meet the chosen target level', async () => {
		const { page, context } = await h.newPage();
		await page.goto(h.url(`practice/${CASE}/`));
		const dim = framework.rubric[0];
		await page.locator(`input[data-score="${dim.id}"][value="3"]`).check();
		const verdict = page.locator(`[data-verdict-for="${dim.id}"]`);
		await expect.poll(() => verdict.textContent()).toBe('Meets Senior (3 or more)');
		await page.getByLabel('Target level').selectOption('staff');
		await expect.poll(() => verdict.textContent()).toBe('Below Staff: Staff needs 4');
		expect(await page.locator('[data-target-summary]').textContent()).toBe(`Meets Staff on 0 of ${framework.rubric.length} dimensions (${framework.rubric.length - 1} not scored).`);
		await page.reload();
		expect(await page.getByLabel('Target level').inputValue()).toBe('staff');
		expect(violations(await axe(page))).toEqual([]);
		await context.close();
	});
});

describe('storage namespaced by the base path', () => {
	it('keeps checklist ticks and practice answers stored before namespacing', async () => {
		const { page, context } = await h.newPage();
		await page.goto(h.url(`cases/${CASE}/`));
		const item = await page.locator('input[type=checkbox][data-item]').first().getAttribute('data-item');
		const attempt = { id: 'old-1', createdAt: Date.UTC(2025, 0, 1), updatedAt: Date.UTC(2025, 0, 1), answers: { requirements: 'written before namespacing' }, scores: {}, revealed: [], timer: { minutes: 45, runningSince: null, spentMs: {}, active: 'requirements' } };
		await page.evaluate(
			([slug, tick, doc]) => {
				localStorage.clear();
				localStorage.setItem(`mlsd:checklist:v1:${slug}`, JSON.stringify([tick]));
				localStorage.setItem(`mlsd:practice:v1:${slug}`, doc);
			},
			[CASE, item!, JSON.stringify({ version: 1, currentId: 'old-1', attempts: [attempt] })] as const,
		);
		await page.reload();
		// The checklist restores its ticks when it comes near the viewport (checklist-client.ts).
		await page.locator('.design-checklist').scrollIntoViewIfNeeded();
		await expect.poll(() => page.locator(`input[data-item="${item}"]`).isChecked()).toBe(true);
		await page.goto(h.url(`practice/${CASE}/`));
		await expect.poll(() => page.locator('textarea[data-answer="requirements"]').inputValue()).toBe('written before namespacing');
		const keys = await page.evaluate(() => Object.keys(localStorage).sort());
		expect(keys).toEqual(expect.arrayContaining([`${NS}mlsd:checklist:v1:${CASE}`, `${NS}mlsd:practice:v3:${CASE}`]));
		await context.close();
	});
});
