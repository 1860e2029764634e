/**
 * axe-core on every page type, in the light and the dark theme: no violations.
 * The theme is chosen the way a reader chooses it (Starlight's theme picker
 * stores `starlight-theme` in localStorage) with the matching colour scheme
 * emulated, and the test checks that Starlight really applied it.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageTypes } from '../../src/lib/tooling/page-types.ts';
import { DIST, startHarness, type Harness } from './harness.ts';
import { renderAllSections } from './render-all.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(() => h?.close());

const cases = pageTypes(DIST).flatMap((t) => (['light', 'dark'] as const).map((theme) => [t.id, theme, t.path] as const));

describe('accessibility (axe-core)', () => {
	it.each(cases)('%s in the %s theme has no axe violations', async (_, theme, path) => {
		const { page, context } = await h.newPage({ colorScheme: theme });
		await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
		await page.goto(h.url(path), { waitUntil: 'networkidle' });
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
		await renderAllSections(page);
		// target-size (WCAG 2.2, 2.5.8) is off in axe by default; Lighthouse runs it, and a phone reader needs it.
		const result = await new AxeBuilder({ page }).options({ rules: { 'target-size': { enabled: true } } }).analyze();
		const violations = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
		expect(violations).toEqual([]);
		await context.close();
	});
});
