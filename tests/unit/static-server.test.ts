import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticSite } from '../../src/lib/tooling/static-server.ts';

const parent = mkdtempSync(join(tmpdir(), 'mlsd-serve-'));
const dist = join(parent, 'dist');
mkdirSync(join(dist, 'pagefind'), { recursive: true });
// A sibling folder whose name starts like the served one: nothing in it may be served.
mkdirSync(join(parent, 'dist-x'));
writeFileSync(join(parent, 'dist-x', 'key.txt'), 'secret');
writeFileSync(join(dist, '404.html'), '<!doctype html><title>not found</title>');
mkdirSync(join(dist, 'cases', 'a'), { recursive: true });
writeFileSync(join(dist, 'cases', 'a', 'index.html'), '<!doctype html><title>case a</title>');
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>home</title>'.repeat(20));
writeFileSync(join(dist, 'pagefind', 'x.pf_index'), 'already compressed');

/** GET with an Accept-Encoding header; node's http client does not decompress. The path is sent exactly as given. */
function get(url: string, encoding = 'identity', rawPath?: string) {
	return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
		const u = new URL(url);
		request({ host: u.hostname, port: u.port, path: rawPath ?? u.pathname, headers: { 'accept-encoding': encoding } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
		})
			.on('error', reject)
			.end();
	});
}

describe('serveStatic', () => {
	const sites: StaticSite[] = [];
	afterAll(() => Promise.all(sites.map((s) => s.close())));

	it('sends files as they are by default', async () => {
		const site = await serveStatic(dist);
		sites.push(site);
		const res = await get(site.url, 'gzip');
		expect(res.headers['content-encoding']).toBeUndefined();
		expect(res.body.toString()).toContain('<title>home</title>');
	});

	it('gzips text for clients that accept it when asked to, as a static host does', async () => {
		const site = await serveStatic(dist, '/', { compress: true });
		sites.push(site);
		const zipped = await get(site.url, 'gzip, deflate');
		expect(zipped.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(zipped.body).toString()).toContain('<title>home</title>');
		expect((await get(site.url, 'identity')).headers['content-encoding']).toBeUndefined();
		expect((await get(`${site.url}pagefind/x.pf_index`, 'gzip')).headers['content-encoding']).toBeUndefined();
	});

	it('serves directories by their index.html, under a base path, and 404.html for anything else', async () => {
		const site = await serveStatic(dist, '/workbook/');
		sites.push(site);
		expect(site.url).toMatch(/\/workbook\/$/);
		expect((await get(`${site.url}cases/a/`)).body.toString()).toContain('case a');
		const missing = await get(`${site.url}cases/b/`);
		expect(missing.status).toBe(404);
		expect(missing.body.toString()).toContain('<title>not found</title>');
		expect((await get(site.url.replace('/workbook/', '/cases/a/'))).status).toBe(404);
	});

	it.each([
		['a malformed escape', '/%'],
		['an encoded way into a sibling folder', '/..%2fdist-x%2fkey.txt'],
		['a plain way into a sibling folder', '/../dist-x/key.txt'],
		['an encoded parent', '/%2e%2e/dist-x/key.txt'],
		['a double-encoded parent', '/%252e%252e%252fdist-x%252fkey.txt'],
	])('answers %s with 404 and keeps serving', async (_, path) => {
		const site = await serveStatic(dist);
		sites.push(site);
		const res = await get(site.url, 'identity', path);
		expect(res.status).toBe(404);
		expect(res.body.toString()).not.toContain('secret');
		expect((await get(site.url)).status).toBe(200);
	});
});
