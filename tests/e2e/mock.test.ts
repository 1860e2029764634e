/**
 * Mock-interview mode in real Chromium under Playwright's clock: the
 * interviewer interrupts exactly when the timer reaches each planned moment,
 * the plan is the one the seed gives, answers are stored with the attempt and
 * survive a reload, and ending the interview reveals the answer sketches.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorksheetInfo } from '../../src/lib/learning/practice/export.ts';
import { planMock } from '../../src/lib/learning/practice/mock.ts';
import { namespaceOf } from '../../src/lib/learning/site-storage.ts';
import { startHarness, type Harness } from './harness.ts';

const SLUG = 'tiktok-feed';
const KEY = `${namespaceOf(process.env.BASE_PATH ?? '/')}mlsd:practice:v3:${SLUG}`;
const SEED = 12345;

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => h?.close());

const items = (page: Page) => page.locator('[data-mock-list] > li');
const storedMock = async (page: Page) => {
	const doc = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEY))!);
	return doc.attempts.find((a: { id: string }) => a.id === doc.currentId).mock;
};

describe('mock interview', () => {
	it('interrupts at the seeded moments while the timer runs, keeps the answers, and reveals the sketches at the end', async () => {
		const { page, context, errors } = await h.newPage();
		await page.clock.install({ time: new Date('2025-03-01T10:00:00Z') });
		await page.goto(h.url(`practice/${SLUG}/?seed=${SEED}`));
		const info = JSON.parse((await page.locator('#practice-config').textContent())!) as WorksheetInfo;

		await page.getByLabel(/Let the interviewer interrupt/).check();
		const mock = await storedMock(page);
		// The same seed gives the same interview as the library computes it.
		const expected = planMock(info.mock.sources, info.sections.map((s) => s.id), info.budgets['45'], SEED, info.mock.count);
		expect(mock).toEqual(expected);
		expect(mock.interjections).toHaveLength(info.mock.count);
		expect(await page.locator('[data-mock-status]').textContent()).toContain(`Seed ${SEED}`);

		// Nothing comes while the timer is stopped.
		await page.clock.fastForward(mock.interjections[0].atMs + 60_000);
		expect(await items(page).count()).toBe(0);

		await page.getByRole('button', { name: 'Start the timer' }).click();
		const [first, second] = mock.interjections;
		await page.clock.fastForward(first.atMs - 3_000);
		expect(await items(page).count()).toBe(0);
		await page.clock.fastForward(5_000);
		await expect.poll(() => items(page).count()).toBe(1);
		expect(await items(page).first().locator('blockquote').textContent()).toBe(first.prompt);
		expect(await page.locator('[data-mock-alert]').textContent()).toContain(first.prompt);
		// Sketches stay hidden while the interview runs; the switch cannot be turned off any more.
		expect(await page.locator('.practice-mock-sketch').count()).toBe(0);
		expect(await page.getByLabel(/Let the interviewer interrupt/).isDisabled()).toBe(true);

		await items(page).first().getByLabel('Your answer').fill('Cut the ranker to 200 candidates and cache hot users.');
		await page.clock.fastForward(second.atMs - first.atMs);
		await expect.poll(() => items(page).count()).toBe(2);
		expect(await items(page).first().getByLabel('Your answer').inputValue()).toBe('Cut the ranker to 200 candidates and cache hot users.');

		await page.reload();
		await expect.poll(() => items(page).count()).toBe(2);
		expect(await items(page).first().getByLabel('Your answer').inputValue()).toBe('Cut the ranker to 200 candidates and cache hot users.');

		await page.getByRole('button', { name: 'End the interview and show the answer sketches' }).click();
		await expect.poll(() => page.locator('.practice-mock-sketch').count()).toBe(info.mock.count);
		expect(await page.locator('.practice-mock-sketch').first().textContent()).toBe(`Answer sketch: ${first.sketch}`);
		const ended = await storedMock(page);
		expect(ended.endedAt).not.toBeNull();
		expect(ended.interjections[0].answer).toBe('Cut the ranker to 200 candidates and cache hot users.');

		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as JSON' }).click()]);
		const json = JSON.parse(readFileSync((await download.path())!, 'utf8'));
		expect(json.version).toBe(3);
		expect(json.attempt.mock.seed).toBe(SEED);
		expect(json.attempt.mock.interjections[0].answer).toBe('Cut the ranker to 200 candidates and cache hot users.');
		expect(errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
		await context.close();
	});

	it('reveals everything when the interview time runs out', async () => {
		const { page, context } = await h.newPage();
		await page.clock.install({ time: new Date('2025-03-01T10:00:00Z') });
		await page.goto(h.url(`practice/${SLUG}/?seed=7`));
		await page.getByLabel(/Let the interviewer interrupt/).check();
		await page.getByRole('button', { name: 'Start the timer' }).click();
		await page.clock.fastForward('45:01');
		await expect.poll(() => page.locator('.practice-mock-sketch').count()).toBe(3);
		expect((await storedMock(page)).interjections.every((i: { shownAt: number | null }) => i.shownAt !== null)).toBe(true);
		await context.close();
	});
});
