/**
 * No page reaches for another host: every request a page makes while it loads
 * (and while the browser is idle afterwards, when Starlight loads its search UI)
 * goes to the site's own loopback origin, and with every other host blocked the
 * page loads without a console error or a failed request. Requests to other
 * hosts are aborted in the browser, so a failing run sends nothing out either.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageTypes } from '../../src/lib/tooling/page-types.ts';
import { DIST, startHarness, type Harness } from './harness.ts';

let h: Harness;
let origin: string;
beforeAll(async () => {
	h = await startHarness();
	origin = new URL(h.site.url).origin;
});
afterAll(() => h?.close());

const types = pageTypes(DIST).map((t) => [t.id, t.path] as const);
/** URLs that never touch the network. */
const local = (url: string) => /^(data|blob|about):/.test(url);

describe('offline: no request leaves the site', () => {
	it.each(types)('%s requests only its own origin and loads cleanly with other hosts blocked', async (_, path) => {
		const { page, context, errors } = await h.newPage();
		const requests: string[] = [];
		const elsewhere: string[] = [];
		const failed: string[] = [];
		await context.route('**/*', (route) => {
			const url = route.request().url();
			if (local(url) || new URL(url).origin === origin) return route.continue();
			elsewhere.push(url);
			return route.abort('internetdisconnected');
		});
		page.on('request', (r) => requests.push(r.url()));
		page.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText}`));
		page.on('response', (r) => {
			if (r.status() >= 400) failed.push(`${r.url()}: HTTP ${r.status()}`);
		});
		const response = await page.goto(h.url(path), { waitUntil: 'networkidle' });
		expect(response?.status()).toBe(200);
		// The page and its stylesheet at least; Starlight's idle-time search UI load is among them.
		expect(requests.length).toBeGreaterThan(1);
		expect({ elsewhere, failed, errors }).toEqual({ elsewhere: [], failed: [], errors: [] });
		await context.close();
	});
});
