/**
 * The calculators in real Chromium: typing updates the result, choices switch
 * the formula, invalid input gets a message beside its field, and the
 * sample-size widget works where it is embedded in a concept page.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => h?.close());

// The site has no favicon yet; a missing resource is not a script error.
const realErrors = (errors: string[]) => errors.filter((e) => !e.startsWith('Failed to load resource'));
const widget = (page: Page, name: string) => page.locator(`[data-calculator="${name}"]`).first();
const out = (root: Locator, key: string) => root.locator(`[data-out="${key}"]`).first();

async function open(path = 'calculators/', options: Parameters<Harness['newPage']>[0] = {}) {
	const opened = await h.newPage(options);
	await opened.page.goto(h.url(path));
	return opened;
}

/** The error message shown for a field, found the way assistive technology finds it: through aria-describedby. */
async function describedError(field: Locator): Promise<string> {
	const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter((id) => id.endsWith('-error'));
	expect(ids).toHaveLength(1);
	return (await field.page().locator(`[id="${ids[0]}"]`).textContent())?.trim() ?? '';
}

describe('sample-size calculator', () => {
	it('shows 3,841 per arm for the textbook inputs, and follows what is typed', async () => {
		const { page, context, errors } = await open();
		const w = widget(page, 'sample-size');
		expect(await out(w, 'perArm').textContent()).toBe('3,841');
		await w.getByLabel('Baseline conversion rate').fill('5');
		// 5 % → 7 %: (1.959964·√(2·0.06·0.94) + 0.841621·√(0.0475 + 0.0651))² / 0.02² = 2,212.2 → 2,213.
		await expect.poll(() => out(w, 'perArm').textContent()).toBe('2,213');
		// 4,426 distinct users from 100,000 eligible, 500 of them a day: 100,000 · (1 − 0.995^d) ≥ 4,426
		// needs d ≥ 9.03, so 10 days (4,426 ÷ 500 = 8.9 would say 9, as if every day's users were new).
		await w.getByLabel('Eligible users per day').fill('500');
		await expect.poll(() => out(w, 'days').textContent()).toBe('10');
		expect(await out(w, 'weeks').textContent()).toBe('2');
		// From 10,000 eligible users (5 % of them a day): ln(1 − 0.4426) / ln(0.95) = 11.4, so 12 days.
		await w.getByLabel('Eligible users in total').fill('10000');
		await expect.poll(() => out(w, 'days').textContent()).toBe('12');
		// Half of them in the test: 5,000 · (1 − 0.95^d) ≥ 4,426 needs d ≥ 42.2, so 43 days, 7 weeks.
		await w.getByLabel('Share of traffic in the test').fill('50');
		await expect.poll(() => out(w, 'days').textContent()).toBe('43');
		expect(await out(w, 'weeks').textContent()).toBe('7');
		// 40 % of 10,000 is 4,000, fewer than the 4,426 the test needs.
		await w.getByLabel('Share of traffic in the test').fill('40');
		await expect.poll(() => out(w, 'days').textContent()).toBe('never');
		expect(await out(w, 'status').textContent()).toContain('can never reach 4,426 distinct users');
		expect(await w.getByText('Days count distinct users:').count()).toBe(1);
		expect(realErrors(errors)).toEqual([]);
		await context.close();
	});

	it('switches formula, shows the one used, and reads relative effects and one-sided tests', async () => {
		const { page, context } = await open();
		const w = widget(page, 'sample-size');
		const visibleFormula = () => w.locator('[data-formula]:not([hidden])').getAttribute('data-formula');
		expect(await visibleFormula()).toBe('pooled');
		await w.getByLabel('Variance under the null').selectOption('unpooled');
		await expect.poll(() => out(w, 'perArm').textContent()).toBe('3,839');
		expect(await visibleFormula()).toBe('unpooled');
		await w.getByLabel('Variance under the null').selectOption('baseline-null');
		await expect.poll(() => out(w, 'perArm').textContent()).toBe('3,623');
		expect(await w.locator('[data-formula]:not([hidden]) math').count()).toBe(1);
		await w.getByLabel('Variance under the null').selectOption('pooled');
		await w.getByLabel('relative (% of baseline)').check();
		await w.getByLabel('Minimum detectable effect').fill('20');
		await expect.poll(() => out(w, 'perArm').textContent()).toBe('3,841');
		await w.getByLabel('one-sided').check();
		await expect.poll(() => out(w, 'perArm').textContent()).toBe('3,026');
		await context.close();
	});

	it('puts the message for invalid input next to the field, and clears it when fixed', async () => {
		const { page, context } = await open();
		const w = widget(page, 'sample-size');
		const alpha = w.getByLabel('Significance level α');
		await alpha.fill('5');
		await expect.poll(() => alpha.getAttribute('aria-invalid')).toBe('true');
		expect(await describedError(alpha)).toBe('The significance level α must be strictly between 0 and 1, e.g. 0.05.');
		// The message sits in the same field group as the input, not in a summary elsewhere.
		expect(await alpha.locator('xpath=ancestor::div[contains(@class,"calc-field")]').locator('.calc-error').textContent()).toContain('strictly between 0 and 1');
		expect(await out(w, 'perArm').textContent()).toBe('—');
		const power = w.getByLabel('Power (1 − β)');
		await power.fill('abc');
		await expect.poll(() => describedError(power)).toBe('"abc" is not a number; enter the power, e.g. 0.8.');
		await alpha.fill('0.05');
		await power.fill('0.8');
		await expect.poll(() => out(w, 'perArm').textContent()).toBe('3,841');
		expect(await alpha.getAttribute('aria-invalid')).toBeNull();
		expect(await describedError(alpha)).toBe('');
		await context.close();
	});

	it('rejects negative traffic, more daily than eligible users, and an effect that reaches 100 %', async () => {
		const { page, context } = await open();
		const w = widget(page, 'sample-size');
		const daily = w.getByLabel('Eligible users per day');
		await daily.fill('-100');
		await expect.poll(() => describedError(daily)).toBe('The eligible users per day must be greater than 0, e.g. 50,000.');
		await daily.fill('200000');
		await expect.poll(() => describedError(daily)).toBe('More users a day than eligible users in total; enter at most 100,000.');
		await daily.fill('10000');
		await w.getByLabel('Baseline conversion rate').fill('99');
		const mde = w.getByLabel('Minimum detectable effect');
		await expect.poll(() => describedError(mde)).toBe('The baseline plus this effect reaches 100 %; enter an effect below 1 point.');
		await context.close();
	});

	it('works where it is embedded in the experiments concept page', async () => {
		const { page, context, errors } = await open('concepts/experiments/');
		const w = widget(page, 'sample-size');
		expect(await out(w, 'perArm').textContent()).toBe('3,841');
		await w.getByLabel('Power (1 − β)').fill('0.9');
		// Power 0.9: z_β = 1.281552 → 5,141.3, rounded up to 5,142 per arm.
		await expect.poll(() => out(w, 'perArm').textContent()).toBe('5,142');
		expect(realErrors(errors)).toEqual([]);
		await context.close();
	});
});

describe('back-of-envelope calculators', () => {
	it('turns users and requests into average and peak QPS', async () => {
		const { page, context } = await open();
		const w = widget(page, 'qps');
		expect(await out(w, 'averageQps').textContent()).toBe('23,148');
		await w.getByLabel('Daily active users').fill('1,000,000,000');
		await w.getByLabel('Requests per user per day').fill('10');
		await w.getByLabel('Peak factor').fill('2');
		await expect.poll(() => out(w, 'averageQps').textContent()).toBe('115,741');
		expect(await out(w, 'peakQps').textContent()).toBe('231,481');
		expect(await out(w, 'requestsPerDay').textContent()).toBe('10B');
		await w.getByLabel('Peak factor').fill('0.5');
		await expect.poll(() => describedError(w.getByLabel('Peak factor'))).toBe('The peak factor must be at least 1, e.g. 3.');
		await context.close();
	});

	it('turns items and bytes into storage per day and per year', async () => {
		const { page, context } = await open();
		const w = widget(page, 'storage');
		await w.getByLabel('Items written per day').fill('1e9');
		await w.getByLabel('Bytes per item').fill('1000');
		await w.getByLabel('Copies kept').fill('3');
		await expect.poll(() => out(w, 'bytesPerDay').textContent()).toBe('3 TB');
		expect(await out(w, 'bytesPerYear').textContent()).toBe('1.1 PB');
		await w.getByLabel('Copies kept').fill('2.5');
		await expect.poll(() => describedError(w.getByLabel('Copies kept'))).toBe('Enter a whole number for the number of copies, e.g. 3.');
		await context.close();
	});

	it('warns when the stages exceed the latency budget, and stops warning when they fit', async () => {
		const { page, context } = await open();
		const w = widget(page, 'latency');
		const warning = w.locator('[data-out="warning"]');
		expect(await out(w, 'remainingMs').textContent()).toBe('30 ms');
		expect(await warning.isVisible()).toBe(false);
		await w.getByLabel('Stage 4 latency in milliseconds').fill('150');
		await expect.poll(() => warning.textContent()).toBe('The stages take 240 ms, 40 ms over the 200 ms budget.');
		expect(await warning.isVisible()).toBe(true);
		expect(await warning.getAttribute('role')).toBe('alert');
		expect(await out(w, 'remainingMs').textContent()).toBe('-40 ms');
		await w.getByLabel('End-to-end budget').fill('300');
		await expect.poll(() => warning.isVisible()).toBe(false);
		const stage = w.getByLabel('Stage 2 latency in milliseconds');
		await stage.fill('soon');
		await expect.poll(() => describedError(stage)).toBe('"soon" is not a number; enter the latency of "Feature fetch" (ms), e.g. 30.');
		await context.close();
	});

	it('is usable from the keyboard alone', async () => {
		const { page, context } = await open();
		const w = widget(page, 'qps');
		await w.getByLabel('Daily active users').focus();
		await page.keyboard.press('Control+A');
		await page.keyboard.type('86400');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Control+A');
		await page.keyboard.type('1');
		await expect.poll(() => out(w, 'averageQps').textContent()).toBe('1');
		await context.close();
	});
});

describe('calculators accessibility', () => {
	it.each(['light', 'dark'] as const)('has no axe violations in the %s theme, with an error shown', async (colorScheme) => {
		const { page, context } = await open('calculators/', { colorScheme });
		await widget(page, 'sample-size').getByLabel('Significance level α').fill('2');
		await widget(page, 'latency').getByLabel('Stage 4 latency in milliseconds').fill('500');
		await expect.poll(() => widget(page, 'latency').locator('[data-out="warning"]').textContent()).not.toBe('');
		const result = await new AxeBuilder({ page }).include('main').exclude('button[data-open-modal]').analyze();
		expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
		await context.close();
	});
});
