/**
 * `npm run bench`: every measurement of what the site costs, written to
 * bench/RESULTS.md with the machine it ran on.
 *
 *   1. builds the site into .tmp/bench-dist (or uses --dist DIR as it is);
 *   2. bytes per page type (HTML, JS, CSS; raw and gzip) against the Starlight baseline;
 *   3. Lighthouse on a simulated phone, 5 runs per page beside a stock Starlight page (scripts/bench-lighthouse.ts);
 *   4. diagram render times (scripts/bench-diagrams.ts), search index size and first
 *      query (scripts/bench-search.ts), PDF generation time (scripts/pdf.ts), when present;
 *   5. build scaling with 3, 12, 50 and 100 real-size cases (scripts/bench-build.ts --real);
 *   6. `npm test` time with 3, 12 and 50 cases (scripts/bench-tests.ts; the longest by far).
 *
 *   npm run bench -- [--dist DIR] [--only weights,lighthouse,diagrams,search,pdf,scaling,tests]
 *                    [--lighthouse-runs 5] [--lighthouse-cases all|N] [--counts 3,12,50,100] [--test-counts 3,12,50] [--out bench/RESULTS.md]
 *
 * A section that fails is reported as failed in the results and makes the exit status 1;
 * the other sections still run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BASELINE_PAGE, pageTypes } from '../src/lib/tooling/page-types.ts';
import { formatBytes, KB } from '../src/lib/numbers/estimates.ts';
import { pageFile, weighPage } from '../src/lib/tooling/page-weight.ts';
import { lighthouseTable, missingGoal, runLighthouse } from './bench-lighthouse.ts';
import { BUILD_MEMORY_NOTE, WHY_BENCH_DIFFERED } from './bench-notes.ts';
import { phaseTable, scalingTable, type BuildRun } from './bench-build.ts';
import { TESTS_SECTION_INTRO, testsTable, type TestRun } from './bench-tests.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : undefined;
};
const SECTIONS = ['weights', 'lighthouse', 'diagrams', 'search', 'pdf', 'scaling', 'tests'] as const;
const only = new Set(option('only')?.split(',') ?? SECTIONS);
const out = option('out') ?? 'bench/RESULTS.md';
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
let failed = false;

const log = (line: string) => console.log(line);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Runs a command, streaming its output to the console, and resolves with that output. */
function run(cmd: string, cmdArgs: string[], extraEnv: Record<string, string> = {}): Promise<{ code: number | null; output: string; ms: number }> {
	const start = performance.now();
	return new Promise((resolve) => {
		const child = spawn(cmd, cmdArgs, { env: { ...env, ...extraEnv } });
		let output = '';
		const take = (d: Buffer) => {
			output += d;
			process.stdout.write(d);
		};
		child.stdout.on('data', take);
		child.stderr.on('data', take);
		child.on('close', (code) => resolve({ code, output: output.replace(/\x1b\[[0-9;]*m/g, ''), ms: performance.now() - start }));
	});
}

const fence = (text: string) => ['```text', text.trim(), '```'].join('\n');

async function section(title: string, body: () => Promise<string>): Promise<string> {
	log(`\n━━ ${title} ━━`);
	try {
		return `## ${title}\n\n${await body()}\n`;
	} catch (error) {
		failed = true;
		console.error(error);
		return `## ${title}\n\n**Failed:** ${(error as Error).message.split('\n')[0]}\n`;
	}
}

// The machine, first: every figure below depends on it.
const cpu = cpus();
const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
const dirty = spawnSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).stdout.trim() ? ' (with uncommitted changes)' : '';
const machine = [
	`- Date: ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC`,
	`- CPU: ${cpu[0]?.model.trim() ?? 'unknown'}, ${cpu.length} cores`,
	`- Memory: ${formatBytes(totalmem())}`,
	`- Node ${process.version}, ${process.platform} ${process.arch}`,
	`- Commit: ${git || 'unknown'}${dirty}`,
	`- Load average when the run started: ${loadavg().map((l) => l.toFixed(1)).join(', ')} (1, 5, 15 min). Other work on the machine stretches wall-clock times and Lighthouse's blocking time; byte counts and CPU times do not depend on it.`,
].join('\n');

// 1. The site under test.
let dist = option('dist');
let buildNote = '';
if (!dist) {
	dist = '.tmp/bench-dist';
	log(`━━ building the site into ${dist} ━━`);
	rmSync(dist, { recursive: true, force: true });
	const build = await run('npx', ['astro', 'build', '--outDir', dist]);
	if (build.code !== 0) {
		console.error('The site did not build; nothing to measure.');
		process.exit(1);
	}
	buildNote = `Built with \`astro build\` in ${seconds(build.ms)} (diagram cache warm if an earlier build filled it).`;
}
const results: string[] = [];

if (only.has('weights'))
	results.push(
		await section('Bytes per page type', async () => {
			const baseline = weighPage(dist, BASELINE_PAGE, base);
			const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
			const rows = [{ id: 'Starlight baseline', path: BASELINE_PAGE, jsBudgetKB: 0 }, ...pageTypes(dist)].map((t) => {
				const w = weighPage(dist, t.path, base);
				const html = pageFile(dist, t.path);
				const extra = w.js.gzip - baseline.js.gzip;
				const within = t.id === 'Starlight baseline' ? '' : extra <= t.jsBudgetKB * KB ? `within +${t.jsBudgetKB} KB` : `**over +${t.jsBudgetKB} KB**`;
				if (within.startsWith('**')) failed = true;
				return `| ${t.id} | \`/${t.path}\` | ${formatBytes(statSync(html).size)} / ${formatBytes(gz(html))} | ${formatBytes(w.eager.raw)} / ${formatBytes(w.eager.gzip)} | ${formatBytes(w.js.raw)} / ${formatBytes(w.js.gzip)} | ${t.id === 'Starlight baseline' ? '–' : `${extra >= 0 ? '+' : ''}${formatBytes(extra)}`} ${within} | ${formatBytes(w.cssTotal.raw)} / ${formatBytes(w.cssTotal.gzip)} |`;
			});
			return [
				'Each cell is raw / gzip (level 9). **JS at load** is what the page runs as it opens: its `<script src>` and modulepreload files, their static imports, and inline scripts. **JS in all** adds the chunks those scripts import on demand, such as the search UI Starlight loads when the browser is idle, on every page. The budget (tests/build/budgets.test.ts) is on *JS in all*, gzip, against the baseline.',
				'',
				`**Starlight baseline** is \`/${BASELINE_PAGE}\`: a Markdown page rendered by Starlight's own docs route with no client-side component of ours (src/lib/tooling/page-types.ts); the budget test checks that none of our modules loads on it. It does run the site-wide print helper (under 0.5 KB, inlined), which every page carries. For comparison, measured while planning on a default Starlight 0.42 site: about 104 KB of JS and 69 KB of CSS uncompressed per page, and 899 KB of JS once one mermaid diagram is drawn in the browser. No page here ships mermaid, dagre or a UI framework runtime (checked by the same test).`,
				'',
				'| page type | path | HTML | JS at load | JS in all | JS over baseline (gzip) | CSS |',
				'| --- | --- | ---: | ---: | ---: | --- | ---: |',
				...rows,
			].join('\n');
		}),
	);

if (only.has('lighthouse'))
	results.push(
		await section('Lighthouse: what a phone sees', async () => {
			const runs = Number(option('lighthouse-runs') ?? 5);
			const cases = option('lighthouse-cases') ?? 'all';
			const lh = await runLighthouse({ dist, base, runs, cases: cases === 'all' ? 'all' : Number(cases), log });
			const missing = missingGoal(lh).filter((r) => r.path.startsWith('cases/'));
			return [
				`Lighthouse 12.2.3 in the system Chromium (headless, the flags of src/lib/tooling/browser.ts), its default mobile settings: simulated slow 4G and 4× CPU slowdown, on a 412 × 823 screen. The site is served on loopback with gzip, as a static host serves it. ${runs} runs per page, interleaved (run 1 of every page, then run 2…), so load that comes and goes falls on every page alike; figures are medians, and every run's performance score is shown. The **stock Starlight page** is the text of \`/concepts/ml-lifecycle/\` in a default Starlight site with none of our components, CSS or overrides (scripts/bench-stock-site.ts), measured in the same run; **our docs page** is the same text in this site.`,
				'',
				'*Style & layout* and *script* are Lighthouse\'s main-thread breakdown (mainthread-work-breakdown), *main thread* its total: time as simulated for the phone, that is the host\'s time × 4. *Style & layout, CPU* is the same from the trace\'s thread time (× 4): it leaves out the time the page\'s thread waited for a core, so it hardly moves with load. Lighthouse simulates the phone from what the host did, so every CPU figure here, and TBT most of all (the part of each task beyond 50 ms), grows with the load on the host: compare a page with the stock page of the same run, not with another run.',
				'',
				lighthouseTable(lh),
				'',
				missing.length
					? `Case pages that missed the goal (100 in every run, TBT ≤ 50 ms, style & layout under 300 ms) in this run: ${missing.map((r) => r.page.replace(/^case /, '')).join(', ')}.`
					: 'Every case page scored 100 in every run, with TBT ≤ 50 ms and style & layout under 300 ms.',
				'',
				WHY_BENCH_DIFFERED,
			].join('\n');
		}),
	);

if (only.has('diagrams'))
	results.push(
		await section('Diagram render times', async () => {
			if (!existsSync('scripts/bench-diagrams.ts')) return 'scripts/bench-diagrams.ts is not present; skipped.';
			const r = await run(process.execPath, ['scripts/bench-diagrams.ts']);
			if (r.code !== 0) throw new Error(`scripts/bench-diagrams.ts exited with ${r.code}`);
			return `Diagrams are drawn to SVG at build time (no diagram code reaches the browser). From \`node scripts/bench-diagrams.ts\`:\n\n${fence(r.output)}`;
		}),
	);

if (only.has('search'))
	results.push(
		await section('Search', async () => {
			if (!existsSync('scripts/bench-search.ts')) return 'scripts/bench-search.ts is not present; skipped.';
			const r = await run(process.execPath, ['scripts/bench-search.ts'], { MLSD_DIST: dist });
			if (r.code !== 0) throw new Error(`scripts/bench-search.ts exited with ${r.code}`);
			return `From \`npm run bench:search\` on the same build:\n\n${fence(r.output)}`;
		}),
	);

if (only.has('pdf'))
	results.push(
		await section('PDF generation', async () => {
			if (!existsSync('scripts/pdf.ts')) return 'scripts/pdf.ts is not present; skipped.';
			const pdfOut = '.tmp/bench-pdf';
			rmSync(pdfOut, { recursive: true, force: true });
			const r = await run(process.execPath, ['scripts/pdf.ts', '--dist', dist, '--out', pdfOut, '--no-build']);
			if (r.code !== 0) throw new Error(`scripts/pdf.ts exited with ${r.code}`);
			const summary = r.output.trim().split('\n').filter((l) => /^Wrote /.test(l)).pop() ?? r.output.trim().split('\n').pop();
			return `\`npm run pdf -- --no-build\` on the same build (PDFs written outside the site, so its pages stay as measured above): ${seconds(r.ms)} wall time in all, including starting Chromium.\n\n${fence(summary ?? '')}`;
		}),
	);

if (only.has('scaling'))
	results.push(
		await section('Build scaling', async () => {
			const counts = option('counts') ?? '3,12,50,100';
			const json = '.tmp/bench-build.json';
			rmSync(json, { force: true });
			const r = await run(process.execPath, ['scripts/bench-build.ts', '--real', '--counts', counts, '--json', json]);
			if (!existsSync(json)) throw new Error(`scripts/bench-build.ts exited with ${r.code} and wrote no results`);
			const runs = JSON.parse(readFileSync(json, 'utf8')) as BuildRun[];
			if (r.code !== 0) failed = true;
			return [
				'Each row is a cold build (`astro build` through its API, with the node flags of `npm run build`, diagram cache off) of a temporary copy of the project holding that many real-size cases: the real ones, then copies of them under other slugs and titles, each copy\'s diagrams changed so that every one is rendered afresh (scripts/bench-build.ts `--real`). Every case adds its pages (case, crib sheet, practice, blank worksheet, printable case and worksheet). *CPU time* is the build process plus the processes it ran (pagefind); it is the steadier figure when the machine is busy. *Peak memory* is the resident set of the whole process tree (the build and pagefind), sampled from /proc every 100 ms; *peak JS heap* is sampled inside the build every 200 ms; *heap live after* is what the build still holds when done, after a full collection. *One case page* is the HTML of a single case page. The second table splits the peak by build phase (from Astro\'s log): the tree\'s resident set in bold, the build process\'s anonymous memory, its JS heap in use / reserved, and the time in the phase.',
				'',
				scalingTable(runs),
				'',
				phaseTable(runs),
				'',
				`Load average at the start of each build: ${runs.map((x) => `${x.cases} cases ${x.loadBefore.toFixed(1)}`).join(', ')}.`,
				'',
				BUILD_MEMORY_NOTE,
			].join('\n');
		}),
	);

if (only.has('tests'))
	results.push(
		await section('Test suite scaling', async () => {
			const json = '.tmp/bench-tests.json';
			rmSync(json, { force: true });
			const r = await run(process.execPath, ['scripts/bench-tests.ts', '--counts', option('test-counts') ?? '3,12,50', '--json', json]);
			if (!existsSync(json)) throw new Error(`scripts/bench-tests.ts exited with ${r.code} and wrote no results`);
			return `${TESTS_SECTION_INTRO}\n\n${testsTable(JSON.parse(readFileSync(json, 'utf8')) as TestRun[])}`;
		}),
	);

const report = [
	'# Benchmark results',
	'',
	'Generated by `npm run bench` (scripts/bench.ts); rerun it to refresh this file. Budgets that tests enforce: tests/build/budgets.test.ts (JS per page), tests/e2e/offline.test.ts (no other host), tests/e2e/axe.test.ts (axe, light and dark), tests/build/html.test.ts (html-validate).',
	'',
	'## Machine',
	'',
	machine,
	buildNote ? `\n${buildNote}` : '',
	'',
	...results,
].join('\n');
mkdirSync(dirname(out), { recursive: true });
// The mutation-testing section comes from `npm run test:mutation` (scripts/mutation-summary.ts): keep it.
const previous = existsSync(out) ? readFileSync(out, 'utf8') : '';
const mutation = /\n## Mutation testing\n[\s\S]*?(?=\n## |$)/.exec(previous)?.[0] ?? '';
writeFileSync(out, (report.trimEnd() + '\n' + mutation).replace(/\n{3,}/g, '\n\n'));
log(`\nWrote ${join(process.cwd(), out)}`);
process.exit(failed ? 1 : 0);
