/**
 * Every diagram on every built page, measured in Chromium (bounding boxes and computed font
 * sizes), so new cases and pages are covered without touching this file (worksheets, which
 * fold their case's diagrams away, by one representative):
 * - at 1280 px no diagram is clipped and no diagram text is under 11 px, unless the build
 *   warned that the diagram is too wide (`data-too-wide`, with a located warning in
 *   `npm run check`); any diagram under 11 px without that mark fails; in a worksheet's
 *   reference column (half the width) each is whole, and one shrunk under 11 px has a visible
 *   "Enlarge diagram" button;
 * - at 390 px every diagram (deep dives opened) is shown whole in the column, with a visible "Enlarge diagram"
 *   button opening a full-screen view with pan and zoom (keyboard included, axe-clean);
 * - printed at the A4 text width, no diagram text is under 7 pt (same exception).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstBuiltCase } from '../../src/lib/tooling/page-types.ts';
import { DIST, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(() => h?.close());

/** Site paths of built pages holding at least one diagram. */
function pagesWithDiagrams(): string[] {
	return readdirSync(DIST, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.html') && readFileSync(join(DIST, f), 'utf8').includes('class="mlsd-diagram'))
		.map((f) => f.replace(/index\.html$/, ''))
		.sort();
}
const pages = pagesWithDiagrams();
// A worksheet keeps a case's diagrams folded in its reference answers (measured on the case page), so one worksheet checks the template.
const worksheet = `practice/${firstBuiltCase(DIST)}/`;
const screenPages = pages.filter((p) => !p.startsWith('print/') && (!p.startsWith('practice/') || p === worksheet));

interface Measured {
	index: number;
	title: string;
	shown: boolean;
	tooWide: boolean;
	/** Smallest text on screen, px (font size × the SVG's scale). */
	minTextPx: number;
	svg: { left: number; right: number; width: number };
	figure: { left: number; right: number; scrollWidth: number; clientWidth: number };
	viewport: number;
}

/** Bounding boxes and the smallest drawn text of every diagram on the page. */
function measure(page: Page): Promise<Measured[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('figure.diagram')].map((fig, index) => {
			const svg = fig.querySelector<SVGSVGElement>(':scope > svg')!;
			const r = svg.getBoundingClientRect();
			const f = fig.getBoundingClientRect();
			const vb = svg.viewBox.baseVal;
			// preserveAspectRatio "meet": the drawing scales by the smaller ratio.
			const scale = Math.min(r.width / vb.width, r.height / vb.height);
			const sizes = [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
			return {
				index,
				title: svg.querySelector('title')?.textContent ?? '',
				shown: r.width > 0 && r.height > 0,
				tooWide: fig.hasAttribute('data-too-wide'),
				minTextPx: Math.min(...sizes),
				svg: { left: r.left, right: r.right, width: r.width },
				figure: { left: f.left, right: f.right, scrollWidth: fig.scrollWidth, clientWidth: fig.clientWidth },
				viewport: document.documentElement.clientWidth,
			};
		}),
	);
}

function notClipped(d: Measured): string[] {
	const out: string[] = [];
	if (d.svg.right > d.figure.right + 0.5 || d.svg.left < d.figure.left - 0.5) out.push(`sticks out of its figure (${d.svg.left.toFixed(0)}–${d.svg.right.toFixed(0)} vs ${d.figure.left.toFixed(0)}–${d.figure.right.toFixed(0)})`);
	if (d.figure.scrollWidth > d.figure.clientWidth + 1) out.push(`scrolls sideways (${d.figure.scrollWidth} > ${d.figure.clientWidth})`);
	if (d.svg.right > d.viewport + 0.5) out.push(`runs past the window (${d.svg.right.toFixed(0)} > ${d.viewport})`);
	return out;
}

/** Opens every deep dive, as a reader who expands them would: the diagrams folded inside are measured too. */
const openDeepDives = (page: Page) => page.evaluate(() => document.querySelectorAll<HTMLDetailsElement>('details[data-deep-dive]').forEach((d) => (d.open = true)));

const warned: string[] = [];

describe('diagrams at 1280 px', () => {
	it('finds the pages that hold diagrams', () => {
		expect(screenPages.length).toBeGreaterThan(2);
		expect(pages.some((p) => p.startsWith('print/'))).toBe(true);
	});

	it.each(screenPages)('%s: none clipped, text at least 11 px (or the build warned)', async (path) => {
		const { page, context } = await h.newPage();
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto(h.url(path), { waitUntil: 'networkidle' });
		await openDeepDives(page);
		const problems: string[] = [];
		let measured = 0;
		const check = async (where: string, narrow = false) => {
			for (const d of await measure(page)) {
				if (!d.shown) continue; // folded in a reference not revealed yet
				measured++;
				for (const p of notClipped(d)) problems.push(`${where}#${d.index} "${d.title}" ${p}`);
				// A narrow column holds the diagram whole; one it shrinks under 11 px offers "Enlarge diagram", as on a phone.
				if (narrow) {
					if (d.minTextPx < 11 - 0.05 && !(await page.locator('figure.diagram').nth(d.index).locator(':scope > button.diagram-open').isVisible())) problems.push(`${where}#${d.index} "${d.title}": text at ${d.minTextPx.toFixed(1)} px with no visible Enlarge button`);
				} else if (d.minTextPx < 11 - 0.05) {
					if (d.tooWide) warned.push(`${path} ${where}#${d.index} "${d.title}": ${d.minTextPx.toFixed(1)} px`);
					else problems.push(`${where}#${d.index} "${d.title}": text at ${d.minTextPx.toFixed(1)} px, under 11 px, and the build did not warn`);
				}
			}
		};
		if (path.startsWith('practice/')) {
			// A worksheet shows a section's reference, diagrams included, in a narrow column beside the answer box, one section at a time.
			const sections = await page.locator('template[data-reference]').evaluateAll((ts) => ts.filter((t) => (t as HTMLTemplateElement).content.querySelector('figure.diagram')).map((t) => t.getAttribute('data-reference')!));
			expect(sections.length, 'sections whose reference holds a diagram').toBeGreaterThan(0);
			for (const id of sections) {
				await page.locator(`[data-compare="${id}"]`).click();
				await expect.poll(() => page.locator(`[data-reference-panel="${id}"]`).isVisible()).toBe(true);
				await check(`reference "${id}" `, true);
			}
		} else await check('');
		expect(measured, 'diagrams measured').toBeGreaterThan(0);
		expect(problems).toEqual([]);
		await context.close();
	});

	afterAll(() => {
		if (warned.length) console.log(`Diagrams under 11 px at 1280 px, each with a build warning (too wide for the column; the content should change):\n  ${warned.join('\n  ')}`);
	});
});

describe('diagrams on a phone (390 px)', () => {
	it.each(screenPages.filter((p) => !p.startsWith('practice/')))('%s: every diagram whole in the column, with a visible Enlarge button', async (path) => {
		const { page, context } = await h.newPage();
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(h.url(path), { waitUntil: 'networkidle' });
		await openDeepDives(page);
		const problems: string[] = [];
		for (const d of await measure(page)) {
			if (!d.shown) continue;
			for (const p of notClipped(d)) problems.push(`#${d.index} "${d.title}" ${p}`);
		}
		expect(problems).toEqual([]);
		const buttons = page.locator('figure.diagram > button.diagram-open');
		const count = await buttons.count();
		expect(count).toBeGreaterThan(0);
		for (let i = 0; i < count; i++) await expect.poll(() => buttons.nth(i).isVisible()).toBe(true);
		await context.close();
	});

	it('opens the full-screen view: whole diagram on Fit, zoom and pan by keyboard, Escape returns focus and the diagram', async () => {
		const path = screenPages.find((p) => p.startsWith('cases/'))!;
		const { page, context, errors } = await h.newPage();
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(h.url(path), { waitUntil: 'networkidle' });
		const button = page.locator('figure.diagram > button.diagram-open').first();
		const svgId = await page.locator('figure.diagram > svg').first().getAttribute('id');
		await button.focus();
		await page.keyboard.press('Enter');
		const dialog = page.locator('dialog.diagram-viewer[open]');
		await expect.poll(() => dialog.count()).toBe(1);
		expect(await dialog.locator(`svg#${svgId}`).count()).toBe(1);
		// Opened readable: text at 11 px or more.
		const textPx = () => dialog.evaluate((d) => {
			const svg = d.querySelector('svg')!;
			const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
			return Math.min(...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
		});
		expect(await textPx()).toBeGreaterThanOrEqual(11 - 0.05);
		// Keyboard: the view has focus; + zooms in, arrows pan, 0 fits the whole diagram.
		const view = dialog.locator('.dv-view');
		expect(await view.evaluate((v) => v === document.activeElement)).toBe(true);
		const width = () => dialog.locator('svg').evaluate((s) => s.getBoundingClientRect().width);
		const before = await width();
		await page.keyboard.press('+');
		expect(await width()).toBeGreaterThan(before * 1.2);
		const scroll = () => view.evaluate((v) => v.scrollLeft + v.scrollTop);
		const s0 = await scroll();
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowDown');
		await expect.poll(scroll).toBeGreaterThan(s0);
		await page.keyboard.press('0');
		const whole = await view.evaluate((v) => {
			const r = v.querySelector('svg')!.getBoundingClientRect();
			const box = v.getBoundingClientRect();
			return r.width <= box.width + 1 && r.height <= box.height + 1;
		});
		expect(whole).toBe(true);
		// The buttons do the same.
		await dialog.getByRole('button', { name: 'Zoom in' }).click();
		expect(await width()).toBeGreaterThan(before * 0.5);
		// axe on the open view, in both themes' default (light).
		const axe = await new AxeBuilder({ page }).include('dialog.diagram-viewer').analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
		await page.keyboard.press('Escape');
		await expect.poll(() => dialog.count()).toBe(0);
		expect(await page.locator(`figure.diagram > svg#${svgId}`).count()).toBe(1);
		expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('without JavaScript shows no button that cannot work', async () => {
		const { page, context } = await h.newPage({ javaScriptEnabled: false });
		await page.goto(h.url(screenPages[0]!));
		expect(await page.locator('figure.diagram > button.diagram-open').first().isVisible()).toBe(false);
		await context.close();
	});
});

describe('diagrams in print', () => {
	// A4 between the PDF's 15 mm margins: 180 mm = 680 CSS px. 7 pt = 9.33 px.
	it.each(pages.filter((p) => p.startsWith('print/')))('%s: no diagram text under 7 pt (or the build warned)', async (path) => {
		const { page, context } = await h.newPage();
		await page.setViewportSize({ width: 680, height: 1000 });
		await page.emulateMedia({ media: 'print' });
		await page.goto(h.url(path), { waitUntil: 'networkidle' });
		const problems: string[] = [];
		const all = await measure(page);
		expect(all.length).toBeGreaterThan(0);
		for (const d of all) {
			if (!d.shown) problems.push(`#${d.index} "${d.title}" is not shown in print`);
			else if (d.minTextPx < (7 * 96) / 72 - 0.05 && !d.tooWide) problems.push(`#${d.index} "${d.title}": ${((d.minTextPx * 72) / 96).toFixed(1)} pt`);
			for (const p of notClipped(d)) problems.push(`#${d.index} "${d.title}" ${p}`);
		}
		expect(problems).toEqual([]);
		await context.close();
	});
});
