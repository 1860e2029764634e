/**
 * Browser tests run against the built site (dist/, or $MLSD_DIST), served on a
 * random loopback port, in real Chromium driven by playwright-core.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../src/lib/tooling/browser.ts';
import { serveStatic, type StaticSite } from '../../src/lib/tooling/static-server.ts';

export const DIST = process.env.MLSD_DIST ?? 'dist';

export interface Harness {
	site: StaticSite;
	browser: Browser;
	/** A fresh page in a fresh context (empty storage), with console errors collected. */
	newPage(options?: { colorScheme?: 'light' | 'dark'; javaScriptEnabled?: boolean }): Promise<{ page: Page; context: BrowserContext; errors: string[] }>;
	/** Absolute URL for a site path such as `cases/tiktok-feed/`. */
	url(path: string): string;
	close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
	const site = await serveStatic(DIST, process.env.BASE_PATH ?? '/');
	const browser = await launchChromium();
	return {
		site,
		browser,
		url: (path) => new URL(path.replace(/^\//, ''), site.url).href,
		async newPage(options = {}) {
			const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light', javaScriptEnabled: options.javaScriptEnabled ?? true, acceptDownloads: true });
			const page = await context.newPage();
			const errors: string[] = [];
			page.on('pageerror', (e) => errors.push(e.message));
			page.on('console', (m) => {
				if (m.type() === 'error') errors.push(m.text());
			});
			return { page, context, errors };
		},
		async close() {
			await browser.close();
			await site.close();
		},
	};
}
