/**
 * The Content-Security-Policy in a real browser: every page type loads, runs its own scripts and
 * styles and searches without a single violation, and code that slipped into a page (an inline
 * handler, an inline script, a javascript: link) does not run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageTypes } from '../../src/lib/tooling/page-types.ts';
import { DIST, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(() => h?.close());

/** Records every CSP violation the page reports, from before its first script. */
async function openWatched(path: string) {
	const opened = await h.newPage();
	await opened.page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __violations: string[] }).__violations = seen;
		document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective}: ${e.blockedURI || 'inline'} ${e.sample}`.trim()));
	});
	await opened.page.goto(h.url(path), { waitUntil: 'networkidle' });
	const violations = () => opened.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
	return { ...opened, violations };
}

describe('Content-Security-Policy in Chromium', () => {
	it.each(pageTypes(DIST).map((t) => [t.id, t.path] as const))('%s runs with no CSP violation', async (_, path) => {
		const { page, context, violations, errors } = await openWatched(path);
		// Starlight's inline theme script ran (it sets data-theme) and its search opens with the keyboard.
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toMatch(/^(light|dark)$/);
		await page.keyboard.press('Control+k');
		await page.locator('dialog[open] input').first().fill('calibration');
		await page.locator('.pagefind-ui__result').first().waitFor();
		expect(await violations()).toEqual([]);
		expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
		await context.close();
	});

	it('refuses an inline handler, an inline script and a javascript: link that slipped into a page', async () => {
		const { page, context, violations } = await openWatched('cases/');
		await page.evaluate(() => {
			const w = window as unknown as { __ran: string[] };
			w.__ran = [];
			const body = document.querySelector('main') ?? document.body;
			body.insertAdjacentHTML('beforeend', '<img alt="" src="/no-such-image.png" onerror="window.__ran.push(\'onerror\')"><a id="js-link" href="javascript:window.__ran.push(\'href\')">x</a>');
			const script = document.createElement('script');
			script.textContent = "window.__ran.push('script')";
			body.append(script);
		});
		await page.click('#js-link');
		await page.waitForFunction(() => (window as unknown as { __violations: string[] }).__violations.length >= 3);
		expect(await page.evaluate(() => (window as unknown as { __ran: string[] }).__ran)).toEqual([]);
		expect((await violations()).map((v) => v.split(':')[0]).sort()).toEqual(['script-src-attr', 'script-src-elem', 'script-src-elem']);
		await context.close();
	});
});
