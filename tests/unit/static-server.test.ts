import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticSite } from '../../src/lib/tooling/static-server.ts';

const dist = mkdtempSync(join(tmpdir(), 'mlsd-serve-'));
mkdirSync(join(dist, 'pagefind'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>home</title>'.repeat(20));
writeFileSync(join(dist, 'pagefind', 'x.pf_index'), 'already compressed');

/** GET with an Accept-Encoding header; node's http client does not decompress. */
function get(url: string, encoding: string) {
	return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
		request(url, { headers: { 'accept-encoding': encoding } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
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
});
