/**
 * /progress/ in real Chromium: what a learner did on other pages shows here,
 * one export carries all of it, and importing it into a fresh browser context
 * (after a summary and a confirmation) shows the same state there.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => h?.close());

const held = (page: Page) => page.locator('section[aria-labelledby="held-heading"]').innerText();
const weakest = (page: Page) => page.locator('[data-weakest]').innerText();

describe('your progress', () => {
	it('shows what this browser holds, and an export imported into a fresh browser shows the same state', async () => {
		const a = await h.newPage();
		const { page } = a;
		await page.goto(h.url('roadmap/'));
		await page.getByRole('checkbox', { name: 'Week 1 done', exact: true }).check();
		await page.goto(h.url('practice/tiktok-feed/'));
		await page.locator('textarea[data-answer="requirements"]').fill('Interest feed, 200 ms p99.');
		await page.locator('input[data-score="modeling"][value="1"]').check();
		await expect.poll(() => page.locator('[data-save-status]').textContent()).toBe('Saved');
		await page.goto(h.url('review/'));
		await expect.poll(() => page.locator('[data-review-counts]').textContent()).toMatch(/due now/);
		await page.keyboard.press('Space');
		await page.keyboard.press('1');
		await expect.poll(() => page.locator('[data-save-status]').textContent()).toBe('Saved in this browser.');

		await page.goto(h.url('progress/'));
		await expect.poll(() => held(page)).toContain('1 of 16 weeks done');
		const before = await held(page);
		expect(before).toMatch(/1 of \d+ cards seen, 1 review/);
		expect(before).toMatch(/self-assessment \d+ \/ 100 \(1 of \d+ scored\)/);
		const weak = await weakest(page);
		expect(weak).toMatch(/self-assessed 1\.0 of 4 over 1 attempt/);
		expect(await page.locator('[data-weakest] a', { hasText: 'its flashcards' }).first().getAttribute('href')).toMatch(/review\/\?section=/);

		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download all my progress (JSON)' }).click()]);
		const text = readFileSync((await download.path())!, 'utf8');
		const file = { name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) };
		const json = JSON.parse(text);
		expect(json.format).toBe('mlsd-workbook/progress');
		await a.context.close();

		const b = await h.newPage();
		await b.page.goto(h.url('progress/'));
		await expect.poll(() => held(b.page)).toContain('0 of 16 weeks done');
		await b.page.getByLabel('Import a progress file').setInputFiles(file);
		await expect.poll(() => b.page.locator('[data-plan-lines]').innerText()).toContain('Roadmap: add 1 tick');
		expect(await b.page.locator('[data-plan-lines]').innerText()).toContain('Practice: TikTok');
		expect(await b.page.locator('[data-plan-lines]').innerText()).toContain('Flashcards: add 1 card history');
		// Nothing is written before the learner confirms.
		expect(await held(b.page)).toContain('0 of 16 weeks done');
		await b.page.getByRole('button', { name: 'Import', exact: true }).click();
		await expect.poll(() => b.page.locator('[data-progress-message]').textContent()).toMatch(/^Imported\./);
		expect(await held(b.page)).toBe(before);
		expect(await weakest(b.page)).toBe(weak);
		await b.page.reload();
		await expect.poll(() => held(b.page)).toBe(before);
		// The other pages read the imported state too.
		await b.page.goto(h.url('practice/tiktok-feed/'));
		await expect.poll(() => b.page.locator('textarea[data-answer="requirements"]').inputValue()).toBe('Interest feed, 200 ms p99.');
		expect(b.errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);

		// Importing the same file again changes nothing and says so.
		await b.page.goto(h.url('progress/'));
		await b.page.getByLabel('Import a progress file').setInputFiles(file);
		await expect.poll(() => b.page.locator('[data-progress-message]').textContent()).toMatch(/^Nothing to import/);
		await b.context.close();
	});
});
