/**
 * `npm run dev` runs the content check whenever a case changes: the located report goes to the
 * terminal and to Astro's error overlay, and pages show it instead of failing in src/lib.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/lib/tooling/browser.ts';
import { FIXTURES, makeProjectCopy } from '../fixtures/content-root.ts';
import { startDevServer, type DevServer } from '../fixtures/dev-server.ts';

const CASE = 'case-studies/minimal.mdx';
const valid = readFileSync(join(FIXTURES, 'valid.mdx'), 'utf8');
const broken = (name: string) => readFileSync(join(FIXTURES, 'broken', `${name}.mdx`), 'utf8');

let root: string;
let dev: DevServer;
let browser: Browser;
beforeAll(async () => {
	root = makeProjectCopy({ [CASE]: valid });
	dev = await startDevServer(root);
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
	await dev?.stop();
	if (root) rmSync(root, { recursive: true, force: true });
});

/** The overlay's parts, read from its shadow root. */
async function overlay(page: Page) {
	const element = page.locator('vite-error-overlay');
	await element.waitFor({ state: 'attached', timeout: 0 });
	return element.evaluate((e) => {
		const text = (selector: string) => e.shadowRoot!.querySelector(selector)?.textContent ?? '';
		return { title: text('#title'), message: text('#message-content'), hint: text('#hint-content'), file: text('#code header h2'), stack: text('#stack-content') };
	});
}

/** Saves `content` as the case and waits for the dev server to report `expected`. */
async function save(content: string, expected: RegExp) {
	const from = dev.output().length;
	writeFileSync(join(root, CASE), content);
	return dev.waitFor(expected, from);
}

describe('npm run dev reports content problems as they are saved', () => {
	it('renders the case while the content is clean', async () => {
		const response = await fetch(`${dev.url}cases/minimal/`);
		expect(response.status).toBe(200);
		expect(await response.text()).toContain('Minimal valid case');
	});

	it.each([
		{ name: 'unknown-pitfall', marker: 'temporal-leackage', says: 'unknown pitfall "temporal-leackage". Did you mean "temporal-leakage"?' },
		{ name: 'extra-section', marker: '## Deep dive', says: 'unexpected section "## Deep dive"' },
		{ name: 'link-missing-anchor', marker: '#temporal-leak)', says: '/pitfalls/ has no anchor "#temporal-leak". Did you mean "temporal-leakage"?' },
	].map((c) => ({ ...c, line: broken(c.name).split('\n').findIndex((l) => l.includes(c.marker)) + 1 })))('$name: the located report in the terminal and the overlay, no stack trace; fixed, the page is back', async ({ name, line, says }) => {
		const terminal = await save(broken(name), /Found \d+ problems? in 1 file\./);
		expect(terminal).toContain(`${CASE}:${line}:`);
		expect(terminal).toContain(says);
		expect(terminal).toContain('fix:');

		const page = await browser.newPage();
		const response = await page.goto(`${dev.url}cases/minimal/`);
		expect(response?.status()).toBe(500);
		const shown = await overlay(page);
		expect(shown.title).toBe('The content check found problems');
		expect(shown.message).toContain(`${CASE}:${line}:`);
		expect(shown.message).toContain(says);
		// The overlay's location is the file and line, with the column when the check knows it.
		expect(shown.file).toMatch(new RegExp(`^${CASE.replace(/[.]/g, '\\.')}:${line}(:\\d+)?$`));
		expect(shown.hint).toContain('npm run check');
		expect(shown.stack).toBe('');
		expect(shown.message).not.toContain('src/lib');

		// Fixed and saved: the open page reloads by itself, without the overlay.
		await save(valid, /Content check: no problems\./);
		await page.locator('h1', { hasText: 'Minimal valid case' }).waitFor({ timeout: 0 });
		expect(await page.locator('vite-error-overlay').count()).toBe(0);
		expect((await fetch(`${dev.url}cases/minimal/`)).status).toBe(200);
		await page.close();
	});

	it('a save that arrives in two steps (emptied, then written) is checked once it has settled, not while empty', async () => {
		const from = dev.output().length;
		writeFileSync(join(root, CASE), '');
		await new Promise((resolve) => setTimeout(resolve, 30));
		writeFileSync(join(root, CASE), broken('unknown-pitfall'));
		const terminal = await dev.waitFor(/Found \d+ problems? in 1 file\./, from);
		expect(terminal).not.toContain('missing frontmatter');
		expect(terminal).toContain('unknown pitfall "temporal-leackage"');
		await save(valid, /Content check: no problems\./);
	});

	it('a broken page shows nothing of src/lib in the terminal either', () => {
		expect(dev.output()).not.toMatch(/\n\s+at .+src\/lib\/.+:\d+:\d+/);
		expect(dev.output()).not.toContain('the content check should have caught this');
	});
});
