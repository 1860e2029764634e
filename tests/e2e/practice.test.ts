/** The practice worksheet in real Chromium against the built site: saving, timer, compare, attempts, export/import, print, accessibility. */
import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/lib/content/framework.ts';
import { namespaceOf } from '../../src/lib/learning/site-storage.ts';
import { startHarness, type Harness } from './harness.ts';

const SLUG = 'tiktok-feed';
const PATH = `practice/${SLUG}/`;
/** Where the worksheet stores this case: format 2, namespaced by the site's base path. */
const KEY = `${namespaceOf(process.env.BASE_PATH ?? '/')}mlsd:practice:v3:${SLUG}`;
const framework = loadFramework();
const [first, second] = framework.sections;
const metrics = framework.sections.find((s) => s.id === 'metrics')!;

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(() => h?.close());

/** Console errors other than resources the site does not ship (e.g. a missing favicon). */
const realErrors = (errors: string[]) => errors.filter((e) => !e.startsWith('Failed to load resource'));

/**
 * axe over the whole page. Starlight's own header search button is left out: its aria-label "Search" does not
 * contain its visible text "Search Ctrl K" (label-content-name-mismatch), which is Starlight's markup, not this page's.
 */
const axe = (page: Page) => new AxeBuilder({ page }).exclude('button[data-open-modal]').analyze();
const violations = (result: Awaited<ReturnType<typeof axe>>) => result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

const answer = (page: Page, sectionId: string) => page.locator(`textarea[data-answer="${sectionId}"]`);
const saveStatus = (page: Page) => page.locator('[data-save-status]');
const attemptItems = (page: Page) => page.locator('[data-attempt-list] > li');

async function openWorksheet(options: Parameters<Harness['newPage']>[0] = {}) {
	const opened = await h.newPage(options);
	await opened.page.goto(h.url(PATH));
	return opened;
}

async function typeAndWaitForSave(page: Page, sectionId: string, text: string) {
	await answer(page, sectionId).fill(text);
	await expect.poll(() => saveStatus(page).textContent()).toBe('Saved');
	await expect.poll(() => page.evaluate((key) => localStorage.getItem(key) ?? '', KEY)).toContain(JSON.stringify(text).slice(1, -1));
}

async function exportFile(page: Page, name: RegExp) {
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
	return { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
}

describe('practice worksheet', () => {
	it('keeps typed text across a reload, and says it is saved', async () => {
		const { page, context, errors } = await openWorksheet();
		await typeAndWaitForSave(page, first.id, 'Goal: more satisfied watch time.\nUsers: 1B DAU.');
		await page.reload();
		expect(await answer(page, first.id).inputValue()).toBe('Goal: more satisfied watch time.\nUsers: 1B DAU.');
		expect(await saveStatus(page).getAttribute('aria-live')).toBe('polite');
		expect(await saveStatus(page).textContent()).toBe('Saved');
		expect(realErrors(errors)).toEqual([]);
		await context.close();
	});

	it('saves the last keystrokes when the tab is closed before the debounce fires', async () => {
		const { page, context } = await openWorksheet();
		await page.clock.install({ time: new Date('2025-03-01T10:00:00Z') });
		await page.reload();
		// Time stands still, so the 300 ms save timer never fires: only the flush on pagehide can save the text.
		await page.clock.pauseAt(new Date('2025-03-01T10:01:00Z'));
		await answer(page, first.id).pressSequentially('typed right before closing');
		expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBeNull();
		await page.close({ runBeforeUnload: true });
		const again = await context.newPage();
		await again.goto(h.url(PATH));
		expect(await answer(again, first.id).inputValue()).toBe('typed right before closing');
		await context.close();
	});

	it('runs the timer, flags an overrun section, and keeps the time across a reload', async () => {
		const { page, context } = await openWorksheet();
		await page.clock.install({ time: new Date('2025-03-01T10:00:00Z') });
		await page.reload();
		// Frozen, so only runFor/fastForward move time and every reading is exact.
		await page.clock.pauseAt(new Date('2025-03-01T10:01:00Z'));
		const toggle = page.locator('[data-timer-toggle]');
		const elapsed = page.locator('[data-timer-elapsed]');
		const warning = page.locator('[data-timer-warning]');
		expect(await page.locator('[data-timer-total]').textContent()).toBe('45:00');
		expect(await page.locator(`[data-budget-row] >> nth=0`).textContent()).toContain(`${first.title}`);

		await toggle.click();
		expect(await toggle.textContent()).toBe('Pause the timer');
		await answer(page, first.id).focus();
		await page.clock.runFor(4 * 60_000);
		expect(await elapsed.textContent()).toBe('4:00');
		expect(await warning.textContent()).toBe('');
		expect(await page.locator(`[data-budget-row="${first.id}"]`).getAttribute('aria-current')).toBe('step');

		// The first section's budget is 5 minutes at 45; at 6 minutes it is over, visibly and in a live region.
		await page.clock.runFor(2 * 60_000);
		expect(await elapsed.textContent()).toBe('6:00');
		expect(await warning.textContent()).toBe(`${first.title} is over its ${first.minutes}-minute budget.`);
		expect(await warning.getAttribute('aria-live')).toBe('polite');
		expect(await warning.isVisible()).toBe(true);
		expect(await page.locator(`[data-budget-row="${first.id}"]`).getAttribute('class')).toContain('is-over');

		// Time then counts against the section being written in.
		await answer(page, second.id).focus();
		await page.clock.runFor(60_000);
		expect(await page.locator(`[data-used-for="${second.id}"]`).textContent()).toBe('1:00 of ');
		expect(await page.locator(`[data-used-for="${first.id}"]`).textContent()).toBe('6:00 of ');

		// A reload (two minutes later) finds the timer still running, with the time in between counted.
		await page.clock.fastForward(2 * 60_000);
		await page.reload();
		await expect.poll(() => elapsed.textContent()).toBe('9:00');
		expect(await toggle.textContent()).toBe('Pause the timer');
		expect(await page.locator('[data-timer-state]').textContent()).toBe('running');
		expect(await warning.textContent()).toBe(`${first.title} is over its ${first.minutes}-minute budget.`);

		// Paused, it stops; resumed, it goes on from there.
		await toggle.click();
		await page.clock.runFor(5 * 60_000);
		expect(await elapsed.textContent()).toBe('9:00');
		expect(await toggle.textContent()).toBe('Resume the timer');
		await page.reload();
		expect(await elapsed.textContent()).toBe('9:00');
		expect(await page.locator('[data-timer-state]').textContent()).toBe('paused');
		await page.locator('[data-timer-toggle]').click();
		await page.clock.runFor(60_000);
		expect(await elapsed.textContent()).toBe('10:00');
		await context.close();
	});

	it('warns when the whole session runs over, and the shorter length scales the budgets', async () => {
		const { page, context } = await openWorksheet();
		await page.clock.install({ time: new Date('2025-03-01T10:00:00Z') });
		await page.reload();
		await page.clock.pauseAt(new Date('2025-03-01T10:01:00Z'));
		await page.getByLabel('Interview length').selectOption('35');
		expect(await page.locator('[data-timer-total]').textContent()).toBe('35:00');
		const total35 = await page.locator(`.practice-budget-list [data-budget-for]`).allTextContents();
		expect(total35.map(Number).reduce((a, b) => a + b, 0)).toBe(35);
		await page.locator('[data-timer-toggle]').click();
		await page.clock.runFor(36 * 60_000);
		expect(await page.locator('[data-timer-warning]').textContent()).toContain('Time is up: the 35-minute interview has run over.');
		await context.close();
	});

	it('reveals the reference for one section at a time, beside what the user wrote', async () => {
		const { page, context } = await openWorksheet();
		const reference = page.locator(`[data-reference-panel="${metrics.id}"]`);
		// A sentence of the Metrics reference: the first paragraph, list item or cell with some length.
		const expected = await page.locator(`template[data-reference="${metrics.id}"]`).evaluate((t: HTMLTemplateElement) =>
			[...t.content.querySelectorAll('p, li, td')].map((el) => el.textContent!.replace(/\s+/g, ' ').trim()).find((x) => x.length > 40)!,
		);
		expect(await reference.isVisible()).toBe(false);
		expect(await page.locator('main').innerText()).not.toContain(expected.slice(0, 40));

		await answer(page, metrics.id).fill('NDCG@10 offline, watch time online.');
		await page.getByRole('button', { name: `Compare with the reference for ${metrics.title}` }).click();
		const button = page.locator(`[data-compare="${metrics.id}"]`);
		expect(await button.getAttribute('aria-label') ?? (await button.textContent())!.replace(/\s+/g, ' ')).toBe(`Hide the reference for ${metrics.title}`);
		expect(await button.getAttribute('aria-expanded')).toBe('true');
		expect(await reference.isVisible()).toBe(true);
		expect((await reference.innerText()).replace(/\s+/g, ' ')).toContain(expected.slice(0, 40));
		// Side by side: the answer box and the reference share a row.
		const [box, ref] = await Promise.all([answer(page, metrics.id).boundingBox(), reference.boundingBox()]);
		expect(ref!.x).toBeGreaterThan(box!.x + box!.width - 1);
		expect(Math.abs(ref!.y - box!.y)).toBeLessThan(60);
		expect(await page.locator('[data-reference-panel]:visible').count()).toBe(1);

		// Another section's compare closes this one.
		await page.getByRole('button', { name: `Compare with the reference for ${first.title}` }).click();
		expect(await reference.isVisible()).toBe(false);
		expect(await page.locator(`[data-reference-panel="${first.id}"]`).isVisible()).toBe(true);
		expect(await page.locator('[data-reference-panel]:visible').count()).toBe(1);
		await context.close();
	});

	it('scores the rubric and shows the weighted total', async () => {
		const { page, context } = await openWorksheet();
		for (const d of framework.rubric) await page.locator(`input[data-score="${d.id}"][value="4"]`).check();
		expect(await page.locator('[data-rubric-total]').textContent()).toBe('100');
		await page.locator(`input[data-score="${framework.rubric[0].id}"][value="1"]`).check();
		expect(await page.locator('[data-rubric-total]').textContent()).toBe(String(100 - framework.rubric[0].weight));
		await page.reload();
		expect(await page.locator(`input[data-score="${framework.rubric[0].id}"][value="1"]`).isChecked()).toBe(true);
		expect(await page.locator('[data-rubric-count]').textContent()).toBe(`(${framework.rubric.length} of ${framework.rubric.length} dimensions scored)`);
		await context.close();
	});

	it('exports the attempt as Markdown and JSON files containing what was typed', async () => {
		const { page, context } = await openWorksheet();
		await typeAndWaitForSave(page, first.id, 'Exported requirements: 1B DAU, 200 ms p99.');
		const md = await exportFile(page, /Download as Markdown/);
		expect(md.name).toMatch(new RegExp(`^${SLUG}-attempt-\\d{4}-\\d{2}-\\d{2}-\\d{4}\\.md$`));
		expect(md.text).toContain(`## 1. ${first.title}`);
		expect(md.text).toContain('Exported requirements: 1B DAU, 200 ms p99.');
		const json = await exportFile(page, /Download as JSON/);
		expect(JSON.parse(json.text).attempt.answers[first.id]).toBe('Exported requirements: 1B DAU, 200 ms p99.');
		await context.close();
	});

	it('imports a JSON export whose text holds markup as plain text, running nothing', async () => {
		const { page, context, errors } = await openWorksheet();
		const dialogs: string[] = [];
		page.on('dialog', (d) => {
			dialogs.push(d.message());
			void d.dismiss();
		});
		await typeAndWaitForSave(page, first.id, 'the attempt already here');
		const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
		const json = JSON.parse((await exportFile(page, /Download as JSON/)).text);
		json.attempt.answers[second.id] = hostile;
		json.attempt.answers[first.id] = 'imported text';
		await page.locator('[data-import]').setInputFiles({ name: 'attempt.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
		await expect.poll(() => page.locator('[data-attempts-message]').textContent()).toMatch(/^Imported the attempt/);
		expect(await answer(page, second.id).inputValue()).toBe(hostile);
		expect(await page.locator(`[data-print-for="${second.id}"]`).textContent()).toBe(hostile);
		expect(await page.locator('img[src="x"]').count()).toBe(0);
		await page.reload();
		expect(await answer(page, second.id).inputValue()).toBe(hostile);
		expect(await page.locator('img[src="x"]').count()).toBe(0);
		// The attempt that was open before is still there.
		expect(await attemptItems(page).count()).toBe(2);
		expect(dialogs).toEqual([]);
		expect(realErrors(errors)).toEqual([]);
		await context.close();
	});

	it('rejects a wrong or oversized file with a message and changes nothing', async () => {
		const { page, context } = await openWorksheet();
		await typeAndWaitForSave(page, first.id, 'keep me');
		const before = await page.evaluate((key) => localStorage.getItem(key), KEY);
		const message = page.locator('[data-attempts-message]');
		const files = [
			{ name: 'notes.json', buffer: Buffer.from('{"hello": "world"}'), expected: /^Not imported: This JSON file is not a practice attempt/ },
			{ name: 'broken.json', buffer: Buffer.from('{"format": "mlsd-workbook/practice-attempt", '), expected: /^Not imported: This file is not JSON/ },
			{ name: 'huge.json', buffer: Buffer.alloc(1_100_000, 'a'), expected: /^Not imported: “huge\.json” is 1.1 MB; an exported attempt is at most 1 MB\./ },
		];
		for (const f of files) {
			await page.locator('[data-import]').setInputFiles({ name: f.name, mimeType: 'application/json', buffer: f.buffer });
			await expect.poll(() => message.textContent()).toMatch(f.expected);
			expect(await message.getAttribute('role')).toBe('status');
		}
		expect(await answer(page, first.id).inputValue()).toBe('keep me');
		expect(await attemptItems(page).count()).toBe(1);
		expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(before);
		await context.close();
	});

	it('starts a new attempt and leaves the old one intact, listed and reopenable; deleting asks first', async () => {
		const { page, context } = await openWorksheet();
		await typeAndWaitForSave(page, first.id, 'first attempt text');
		await page.getByRole('button', { name: 'Start a new attempt' }).click();
		expect(await answer(page, first.id).inputValue()).toBe('');
		await typeAndWaitForSave(page, first.id, 'second attempt text');
		await page.reload();
		expect(await answer(page, first.id).inputValue()).toBe('second attempt text');
		expect(await attemptItems(page).count()).toBe(2);
		expect(await attemptItems(page).nth(0).textContent()).toMatch(/Started .* · 0:00 used of 45 min · not scored/);

		await attemptItems(page).nth(0).getByRole('button', { name: /^Open/ }).click();
		expect(await answer(page, first.id).inputValue()).toBe('first attempt text');

		// Dismissing the confirmation deletes nothing; accepting deletes that attempt only.
		page.once('dialog', (d) => void d.dismiss());
		await attemptItems(page).nth(1).getByRole('button', { name: /^Delete/ }).click();
		expect(await attemptItems(page).count()).toBe(2);
		page.once('dialog', (d) => {
			expect(d.type()).toBe('confirm');
			void d.accept();
		});
		await attemptItems(page).nth(1).getByRole('button', { name: /^Delete/ }).click();
		expect(await attemptItems(page).count()).toBe(1);
		await page.reload();
		expect(await answer(page, first.id).inputValue()).toBe('first attempt text');
		expect(await attemptItems(page).count()).toBe(1);
		await context.close();
	});

	it('does not overwrite an attempt saved from another tab', async () => {
		const { page: a, context } = await openWorksheet();
		await typeAndWaitForSave(a, first.id, 'from tab A');
		const b = await context.newPage();
		await b.goto(h.url(PATH));
		await b.getByRole('button', { name: 'Start a new attempt' }).click();
		await typeAndWaitForSave(b, first.id, 'from tab B');
		await expect.poll(() => attemptItems(a).count()).toBe(2);
		await typeAndWaitForSave(a, first.id, 'from tab A, more');
		await a.reload();
		expect(await attemptItems(a).count()).toBe(2);
		await attemptItems(a).nth(1).getByRole('button', { name: /^Open/ }).click();
		expect(await answer(a, first.id).inputValue()).toBe('from tab B');
		await context.close();
	});

	it('says so when storage is full, and still exports', async () => {
		const { page, context } = await h.newPage();
		await page.addInitScript(() => {
			const real = Storage.prototype.setItem;
			Storage.prototype.setItem = function (key: string, value: string) {
				if (key.includes('mlsd:practice:v3:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				return real.call(this, key, value);
			};
		});
		await page.goto(h.url(PATH));
		await answer(page, first.id).fill('written with a full disk');
		await expect.poll(() => saveStatus(page).textContent()).toMatch(/^Not saved: this browser's storage for this site is full\. Export your attempt/);
		const md = await exportFile(page, /Download as Markdown/);
		expect(md.text).toContain('written with a full disk');
		await context.close();
	});

	it('says so when storage is blocked', async () => {
		const { page, context } = await h.newPage();
		await page.addInitScript(() => {
			Object.defineProperty(window, 'localStorage', {
				get() {
					throw new DOMException('blocked', 'SecurityError');
				},
			});
		});
		await page.goto(h.url(PATH));
		expect(await page.locator('[data-practice-notice]').isVisible()).toBe(true);
		expect(await page.locator('[data-practice-notice]').textContent()).toContain('does not let the site store data');
		expect(await saveStatus(page).textContent()).toBe('Not saved: storage is blocked');
		await context.close();
	});

	it('recovers from corrupted saved data and keeps a copy', async () => {
		const { page, context, errors } = await h.newPage();
		await page.goto(h.url(PATH));
		await page.evaluate((key) => localStorage.setItem(key, '{"version":3,"attempts":[{"id":'), KEY);
		await page.reload();
		expect(await page.locator('[data-practice-notice]').textContent()).toContain(`${KEY}:corrupt:`);
		const copies = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':corrupt:')));
		expect(copies).toHaveLength(1);
		await typeAndWaitForSave(page, first.id, 'fresh start');
		expect(realErrors(errors)).toEqual([]);
		await context.close();
	});

	it('works from the keyboard alone', async () => {
		const { page, context } = await openWorksheet();
		await page.locator('[data-timer-toggle]').focus();
		await page.keyboard.press('Enter');
		expect(await page.locator('[data-timer-toggle]').textContent()).toBe('Pause the timer');
		// Tab from the first answer box reaches the first section's compare button.
		await answer(page, first.id).focus();
		await page.keyboard.type('typed by keyboard');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-compare'))).toBe(first.id);
		await page.keyboard.press('Enter');
		expect(await page.locator(`[data-reference-panel="${first.id}"]`).isVisible()).toBe(true);
		// Hints open from the keyboard.
		const summary = page.locator(`[data-section="${second.id}"] summary`);
		await summary.focus();
		await page.keyboard.press('Enter');
		expect(await page.locator(`[data-section="${second.id}"] details`).getAttribute('open')).not.toBeNull();
		// A score is chosen with the arrow keys.
		await page.locator(`input[data-score="${framework.rubric[0].id}"][value="1"]`).focus();
		await page.keyboard.press('Space');
		await page.keyboard.press('ArrowDown');
		expect(await page.locator(`input[data-score="${framework.rubric[0].id}"][value="2"]`).isChecked()).toBe(true);
		await context.close();
	});

	it('prints the typed text as text blocks, without controls, and a blank worksheet with writing space', async () => {
		const { page, context } = await openWorksheet();
		const long = Array.from({ length: 40 }, (_, i) => `line ${i + 1} of a long answer`).join('\n');
		await typeAndWaitForSave(page, first.id, long);
		await page.emulateMedia({ media: 'print' });
		const printed = page.locator(`[data-print-for="${first.id}"]`);
		expect(await printed.isVisible()).toBe(true);
		expect(await printed.innerText()).toContain('line 40 of a long answer');
		expect(await answer(page, first.id).isVisible()).toBe(false);
		expect(await page.locator('.practice-bar').isVisible()).toBe(false);
		expect(await page.locator('.practice-sheet button:visible').count()).toBe(0);
		// An unanswered section prints writing space instead.
		expect(await page.locator(`[data-section="${second.id}"] .practice-writing-space`).isVisible()).toBe(true);

		await page.evaluate(() => document.documentElement.classList.add('practice-blank'));
		expect(await printed.isVisible()).toBe(false);
		expect(await page.locator('.practice-writing-space:visible').count()).toBe(framework.sections.length);
		await context.close();
	});

	it('shows the prompt and the sections without JavaScript', async () => {
		const { page, context } = await openWorksheet({ javaScriptEnabled: false });
		const main = await page.locator('main').innerText();
		expect(main.toLowerCase()).toContain('the prompt');
		expect(main).toContain(await page.locator('.practice-prompt blockquote').innerText());
		for (const s of framework.sections) {
			expect(main).toContain(s.title);
			expect(main).toContain(s.question);
		}
		expect(main).toMatch(/JavaScript is off/);
		expect(await page.locator('details.practice-hints').count()).toBe(framework.sections.length);
		expect(await page.locator('.practice-budget-list li').count()).toBe(framework.sections.length);
		await context.close();
	});

	it.each(['light', 'dark'] as const)('has no axe violations (%s theme), before and after revealing a reference', async (colorScheme) => {
		const { page, context } = await openWorksheet({ colorScheme });
		await typeAndWaitForSave(page, first.id, 'some text');
		await page.locator('[data-timer-toggle]').click();
		expect(violations(await axe(page))).toEqual([]);
		await page.getByRole('button', { name: `Compare with the reference for ${metrics.title}` }).click();
		expect(violations(await axe(page))).toEqual([]);
		await context.close();
	});

	it('the blank worksheet page and the practice index have no axe violations', async () => {
		const { page, context } = await h.newPage();
		for (const path of [`practice/${SLUG}/blank/`, 'practice/']) {
			await page.goto(h.url(path));
			expect(violations(await axe(page)).map((v) => `${path} ${v}`)).toEqual([]);
		}
		await context.close();
	});
});

describe('practice worksheet layout and state', () => {
	it('stores nothing until something is typed, and then never loses it', async () => {
		const { page, context } = await openWorksheet();
		await page.waitForSelector('.practice-bar:not([hidden])');
		expect(await page.evaluate((key) => localStorage.getItem(key), `mlsd:practice:v1:${SLUG}`)).toBeNull();
		expect(await attemptItems(page).count()).toBe(1);
		expect(await attemptItems(page).first().textContent()).toMatch(/^None yet/);
		await typeAndWaitForSave(page, first.id, 'x');
		expect(await attemptItems(page).first().textContent()).toMatch(/^Started .* open now/);
		await context.close();
	});

	it('after a reload, "Now:" follows the section on screen, not the one focused before', async () => {
		const { page, context } = await openWorksheet();
		await typeAndWaitForSave(page, metrics.id, 'written in the metrics section');
		await page.reload();
		await page.waitForSelector('.practice-bar:not([hidden])');
		const showSection = (id: string) =>
			page.locator(`[data-section="${id}"]`).evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - window.innerHeight * 0.25));
		await showSection(first.id);
		await expect.poll(() => page.locator('[data-timer-current]').textContent()).toBe(first.title);
		await showSection(metrics.id);
		await expect.poll(() => page.locator('[data-timer-current]').textContent()).toBe(metrics.title);
		// Focus still wins while typing.
		await answer(page, first.id).focus();
		await expect.poll(() => page.locator('[data-timer-current]').textContent()).toBe(first.title);
		await context.close();
	});

	it('lines up the buttons of each row and shows the reference at full length, not in a scroll box', async () => {
		const { page, context } = await openWorksheet();
		for (const row of await page.locator('.practice-actions').all()) {
			const middles = await row.locator(':scope > button').evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect()).map((r) => r.top + r.height / 2));
			expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(2);
		}
		await page.locator(`[data-compare="${first.id}"]`).click();
		const panel = page.locator(`#reference-${first.id}`);
		await expect.poll(() => panel.isVisible()).toBe(true);
		expect(await panel.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
		await context.close();
	});

	it('the practice index is styled: each case’s links are separate buttons in a row', async () => {
		const { page, context } = await h.newPage();
		await page.goto(h.url('practice/'));
		const links = page.locator('.practice-index-links').first().locator('a');
		const boxes = await links.evaluateAll((as) => as.map((a) => a.getBoundingClientRect()));
		expect(boxes.length).toBe(3);
		for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.left - boxes[i - 1]!.right).toBeGreaterThan(8);
		await context.close();
	});
});
