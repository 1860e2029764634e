/**
 * `npm run bench:search`: what search costs a reader. Prints the size of the
 * pagefind bundle on disk, the bytes a first query fetches, and the time from
 * typing a query to the first result on the search page, median of several
 * runs in headless Chromium on loopback (each run a fresh browser context, so
 * nothing is cached). Reads the built site in $MLSD_DIST or dist/.
 *
 *   npm run bench:search -- [--runs 9] [--query calibration]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { formatBytes } from '../src/lib/numbers/estimates.ts';
import { launchChromium } from '../src/lib/tooling/browser.ts';
import { serveStatic } from '../src/lib/tooling/static-server.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const runs = Math.max(1, Number(option('runs', '7')));
const query = option('query', 'calibration');
const dist = process.env.MLSD_DIST ?? 'dist';
const basePath = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
const bundle = join(dist, 'pagefind');
if (!existsSync(join(bundle, 'pagefind.js'))) {
	console.error(`No search index in ${bundle}/. Build the site first: npx astro build${dist === 'dist' ? '' : ` --outDir ${dist}`}`);
	process.exit(1);
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** What a host that gzips responses would send; pagefind's own index files are gzipped already. */
const gzipped = (file: string) => (/\.pf_/.test(file) ? statSync(file).size : gzipSync(readFileSync(file)).length);

// 1. On disk.
const files = readdirSync(bundle, { recursive: true, encoding: 'utf8' })
	.map((f) => join(bundle, f))
	.filter((f) => statSync(f).isFile());
const kinds: [label: string, test: RegExp][] = [
	['index (meta, word index, fragments, filters)', /(\.pf_\w+|pagefind-entry\.json)$/],
	['search runtime (pagefind.js, worker, wasm)', /(pagefind\.js|pagefind-worker\.js|\.pagefind)$/],
	['pagefind UI bundles the site does not load', /pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/],
];
console.log(`Search bundle in ${relative(process.cwd(), bundle) || bundle}/`);
for (const [label, test] of kinds) {
	const group = files.filter((f) => test.test(f));
	const bytes = group.reduce((n, f) => n + statSync(f).size, 0);
	console.log(`  ${label.padEnd(48)} ${formatBytes(bytes).padStart(10)} in ${group.length} files`);
}
const total = files.reduce((n, f) => n + statSync(f).size, 0);
console.log(`  ${'total on disk'.padEnd(48)} ${formatBytes(total).padStart(10)} in ${files.length} files`);

// 2 and 3. In the browser. A run that shows no result within a minute is reported and left out, rather than hanging the benchmark.
const withinLimit = <T>(p: Promise<T>) =>
	Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no result after 60 s')), 60_000))]);
const site = await serveStatic(dist, basePath);
const browser = await launchChromium();
const firstQueryFiles: string[][] = [];
const cold: number[] = [];
const warm: number[] = [];
try {
	for (let i = 0; i < runs; i++) {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${site.url}search/`, { waitUntil: 'networkidle' });
		const before = site.requests.length;
		/** Types `q` into the search box in one go and resolves with the ms until the first result is in the list. */
		const timeToResults = (q: string) =>
			page.evaluate(
				(q) =>
					new Promise<number>((resolve) => {
						const list = document.querySelector('[data-search-results]')!;
						const input = document.querySelector<HTMLInputElement>('input[name=q]')!;
						list.replaceChildren();
						const start = performance.now();
						new MutationObserver((_, observer) => {
							if (list.children.length) {
								observer.disconnect();
								resolve(performance.now() - start);
							}
						}).observe(list, { childList: true });
						input.value = q;
						input.dispatchEvent(new Event('input', { bubbles: true }));
					}),
				q,
			);
		try {
			cold.push(await withinLimit(timeToResults(query)));
			firstQueryFiles.push(site.requests.slice(before).filter((r) => r.startsWith(`${basePath}pagefind/`)));
			warm.push(await withinLimit(timeToResults('position bias')));
		} catch (error) {
			console.error(`  run ${i + 1}: ${error instanceof Error ? error.message : String(error)}; left out of the figures`);
		}
		await context.close();
	}
} finally {
	await browser.close();
	await site.close();
}

if (!cold.length) {
	console.error('\nNo run showed results; is the search page in this build?');
	process.exit(1);
}
const fetched = firstQueryFiles[0].map((r) => join(dist, r.slice(basePath.length)));
const fetchedBytes = fetched.reduce((n, f) => n + statSync(f).size, 0);
const fetchedGzip = fetched.reduce((n, f) => n + gzipped(f), 0);
console.log(`\nFirst query "${query}" on the search page fetched ${fetched.length} files from /pagefind/:`);
for (const f of fetched) console.log(`  ${relative(bundle, f).padEnd(40)} ${formatBytes(statSync(f).size).padStart(10)}`);
console.log(`  ${'total as served here (no compression)'.padEnd(40)} ${formatBytes(fetchedBytes).padStart(10)}`);
console.log(`  ${'total from a host that gzips'.padEnd(40)} ${formatBytes(fetchedGzip).padStart(10)}`);
console.log(`\nTime from typing to the first result, headless Chromium on loopback, ${cold.length} runs (includes the 80 ms typing pause):`);
console.log(`  first query (loads pagefind and the index)  median ${median(cold).toFixed(0)} ms  (min ${Math.min(...cold).toFixed(0)}, max ${Math.max(...cold).toFixed(0)})`);
console.log(`  next query (index already loaded)           median ${median(warm).toFixed(0)} ms  (min ${Math.min(...warm).toFixed(0)}, max ${Math.max(...warm).toFixed(0)})`);
