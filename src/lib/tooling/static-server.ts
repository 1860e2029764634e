import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sirv from 'sirv';
import compression from 'compression';

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

/**
 * Serves a built site from `dir` on a random loopback port, the way a static host would:
 * sirv for the files (it never leaves `dir`), Express's compression middleware for gzip,
 * and the site's 404.html for anything else. Used by the PDF build, benchmarks and browser tests.
 */
export async function serveStatic(dir: string, base = '/', options: ServeOptions = {}): Promise<StaticSite> {
	const root = resolve(dir);
	const prefix = base.replace(/\/?$/, '/');
	const requests: string[] = [];
	// dev: read the disk on each request, so files written after start (PDFs) are served too.
	const files = sirv(root, { dev: true, etag: true, extensions: ['html'] });
	// threshold 0: compress even small files, as static hosts do; compressible types only (not pagefind's packed index).
	const gzip = options.compress ? compression({ threshold: 0 }) : undefined;
	const notFound = (res: ServerResponse) => {
		const page = join(root, '404.html');
		res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
		if (existsSync(page)) createReadStream(page).pipe(res);
		else res.end('not found');
	};
	const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
		const path = new URL(req.url ?? '/', 'http://x').pathname;
		requests.push(safeDecode(path));
		if (!path.startsWith(prefix)) return notFound(res);
		req.url = `/${(req.url ?? '/').slice(prefix.length)}`;
		const serve = () => files(req, res, () => notFound(res));
		if (gzip) gzip(req, res, serve);
		else serve();
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `http://127.0.0.1:${port}${prefix}`,
		requests,
		close: () => new Promise((done) => server.close(() => done())),
	};
}

/** The path as a reader would type it; a malformed escape (`/%`) is kept as sent. */
function safeDecode(path: string): string {
	try {
		return decodeURIComponent(path);
	} catch {
		return path;
	}
}
