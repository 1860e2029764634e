import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.webp': 'image/webp',
	'.ico': 'image/x-icon',
	'.xml': 'application/xml',
	'.txt': 'text/plain; charset=utf-8',
	'.pdf': 'application/pdf',
	'.wasm': 'application/wasm',
	'.woff2': 'font/woff2',
	'.pf_meta': 'application/octet-stream',
	'.pf_fragment': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
	'.pagefind': 'application/octet-stream',
};

export interface StaticSite {
	/** Origin plus base path, ending in `/`, e.g. `http://127.0.0.1:41234/`. */
	url: string;
	close(): Promise<void>;
	/** Paths requested so far (for tests that check what a page fetched). */
	requests: string[];
}

export interface ServeOptions {
	/**
	 * Gzip text responses for clients that accept it, as static hosts (GitHub Pages,
	 * Netlify) do; the benchmark's Lighthouse runs use this. Off by default.
	 */
	compress?: boolean;
}

/** Types a host compresses; pagefind's index files and images are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript)|image\/svg)/;

/** Serves a built site from `dir` on a random loopback port, the way a static host would. */
export async function serveStatic(dir: string, base = '/', options: ServeOptions = {}): Promise<StaticSite> {
	const root = normalize(dir);
	const gzipped = new Map<string, Buffer>();
	const prefix = base.replace(/\/?$/, '/');
	const requests: string[] = [];
	const server: Server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		requests.push(path);
		if (!path.startsWith(prefix)) return notFound();
		let file = normalize(join(root, path.slice(prefix.length)));
		if (!file.startsWith(root)) return notFound();
		try {
			if (statSync(file).isDirectory()) file = join(file, 'index.html');
			const stat = statSync(file);
			const type = TYPES[extname(file)] ?? 'application/octet-stream';
			if (options.compress && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
				let body = gzipped.get(file);
				if (!body) gzipped.set(file, (body = gzipSync(readFileSync(file))));
				res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding', 'content-length': body.length });
				return res.end(body);
			}
			res.writeHead(200, { 'content-type': type, 'content-length': stat.size });
			createReadStream(file).pipe(res);
		} catch {
			notFound();
		}
		function notFound() {
			res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
			const page = join(root, '404.html');
			if (existsSync(page)) createReadStream(page).pipe(res);
			else res.end('not found');
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `http://127.0.0.1:${port}${prefix}`,
		requests,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
