/**
 * Flashcard review in real Chromium: a session by keyboard alone that survives
 * a reload, the daily new-card limit and filters, the home page's count, a
 * full store reported without losing what was there, and the Anki download.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLASHCARD_KEY } from '../../src/lib/learning/flashcards/storage.ts';
import { namespaceOf } from '../../src/lib/learning/site-storage.ts';
import { startHarness, type Harness } from './harness.ts';

const STORED_KEY = `${namespaceOf(process.env.BASE_PATH ?? '/')}${FLASHCARD_KEY}`;

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => h?.close());

const counts = (page: Page) => page.locator('[data-review-counts]');
const front = (page: Page) => page.locator('[data-card-front]');
const stored = async (page: Page) => JSON.parse((await page.evaluate((key) => localStorage.getItem(key), STORED_KEY)) ?? 'null');

async function open() {
	const opened = await h.newPage();
	await opened.page.goto(h.url('review/'));
	await expect.poll(() => counts(opened.page).textContent()).toMatch(/due now/);
	return opened;
}

describe('flashcard review', () => {
	it('runs a session from the keyboard: Space reveals, 1–4 grade, and the history survives a reload', async () => {
		const { page, context, errors } = await open();
		await page.getByLabel('New cards a day').fill('3');
		await page.getByLabel('New cards a day').press('Tab');
		await expect.poll(() => counts(page).textContent()).toBe('0 due now, 3 new today.');
		const first = await front(page).textContent();
		expect(first).toMatch(/: Requirements and scope$/);
		expect(await page.locator('[data-card-back]').isHidden()).toBe(true);

		await page.locator('body').click({ position: { x: 5, y: 5 } });
		await page.keyboard.press('Space');
		expect(await page.locator('[data-card-back]').isVisible()).toBe(true);
		expect(await page.getByRole('group', { name: 'How well did you remember it?' }).isVisible()).toBe(true);
		// The grade buttons say when each grade brings the card back.
		expect(await page.locator('[data-next-for="1"]').textContent()).toMatch(/min$/);
		await page.keyboard.press('1');
		await expect.poll(() => counts(page).textContent()).toBe('0 due now, 2 new today, 1 more later today.');
		const second = await front(page).textContent();
		expect(second).not.toBe(first);
		// Focus follows the new card, so Space works at once.
		await page.keyboard.press('Space');
		await page.keyboard.press('4');
		await page.keyboard.press('Space');
		await page.keyboard.press('3');
		await expect.poll(() => page.locator('[data-review-done]').textContent()).toMatch(/Nothing due right now\. 2 cards come back in \d+ min/);

		const saved = await stored(page);
		expect(saved.version).toBe(1);
		expect(Object.keys(saved.cards)).toHaveLength(3);
		expect(saved.settings.newPerDay).toBe(3);

		await page.reload();
		await expect.poll(() => counts(page).textContent()).toBe('0 due now, 0 new today, 2 more later today.');
		expect(await page.getByLabel('New cards a day').inputValue()).toBe('3');
		expect(await stored(page)).toEqual(saved);

		// The home page now says what is due today.
		await page.goto(h.url(''));
		await expect.poll(() => page.locator('[data-home-review]').textContent()).toMatch(/Flashcards: 2 cards due today\.\s*Review now/);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('filters by case, domain and framework stage', async () => {
		const { page, context } = await open();
		await page.getByLabel('Framework stage').selectOption({ label: 'Model' });
		await page.getByLabel('Case').selectOption('tiktok-feed');
		await expect.poll(() => front(page).textContent()).toMatch(/: Model$/);
		expect(await page.locator('[data-card-meta]').textContent()).toBe('Key points · new');
		expect(await page.locator('[data-card-source]', { hasText: 'Study this' }).getAttribute('href')).toMatch(/cases\/tiktok-feed\/#model$/);
		// Filters persist with the history; a domain alone shows that domain's cases first.
		await page.getByLabel('Case').selectOption('');
		await page.getByLabel('Framework stage').selectOption('');
		await page.getByLabel('Domain').selectOption('ads');
		await expect.poll(() => front(page).textContent()).toMatch(/^Click-through-rate prediction for social-feed ads: Requirements and scope$/);
		await page.getByLabel('New cards a day').fill('0');
		await page.getByLabel('New cards a day').press('Tab');
		await expect.poll(() => page.locator('[data-review-done]').textContent()).toBe('Nothing due. New cards are off: set “New cards a day” above 0 to learn more.');
		await page.reload();
		await expect.poll(() => counts(page).textContent()).toBe('0 due now, 0 new today.');
		expect(await page.getByLabel('Domain').inputValue()).toBe('ads');
		await context.close();
	});

	it('reports a full store and keeps what was stored', async () => {
		const { page, context } = await open();
		await page.keyboard.press('Space');
		await page.keyboard.press('3');
		await expect.poll(async () => Object.keys((await stored(page))?.cards ?? {}).length).toBe(1);
		const before = await page.evaluate((key) => localStorage.getItem(key), STORED_KEY);
		await page.evaluate(() => {
			Storage.prototype.setItem = () => {
				throw new DOMException('full', 'QuotaExceededError');
			};
		});
		await page.locator('body').click({ position: { x: 5, y: 5 } });
		await page.keyboard.press('Space');
		await page.keyboard.press('3');
		await expect.poll(() => page.locator('[data-save-status]').textContent()).toMatch(/storage for this site is full\. Your earlier reviews are kept/);
		expect(await page.evaluate((key) => localStorage.getItem(key), STORED_KEY)).toBe(before);
		await context.close();
	});

	it('downloads an Anki notes file for a deck and for everything', async () => {
		const { page, context } = await open();
		const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-anki="tiktok-feed"]').click()]);
		expect(download.suggestedFilename()).toBe('mlsd-workbook-tiktok-feed.txt');
		const text = readFileSync((await download.path())!, 'utf8');
		const lines = text.split('\n').filter(Boolean);
		expect(lines.slice(0, 3)).toEqual(['#separator:tab', '#html:true', '#notetype:Basic']);
		const notes = lines.filter((l) => !l.startsWith('#'));
		expect(notes.length).toBeGreaterThan(10);
		expect(notes.every((l) => l.split('\t').length === 5 && l.includes('"MLSD Workbook::TikTok'))).toBe(true);
		expect(notes[0]).toMatch(/^"mlsd\/key-points\/tiktok-feed\/requirements"\t/);
		const [all] = await Promise.all([page.waitForEvent('download'), page.locator('[data-anki="all"]').click()]);
		const allNotes = readFileSync((await all.path())!, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
		expect(allNotes.length).toBeGreaterThan(notes.length);
		expect(allNotes).toEqual(expect.arrayContaining(notes));
		await context.close();
	});
});
