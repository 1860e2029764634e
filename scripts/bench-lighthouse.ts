/**
 * `npm run bench:lighthouse`: what a reader's phone sees. Lighthouse's default
 * mobile settings (simulated slow 4G, 4× CPU slowdown) in the system Chromium,
 * the built site ($MLSD_DIST or dist/) served on loopback with gzip, beside a
 * stock Starlight page (scripts/bench-stock-site.ts) measured in the same run.
 * Every page runs `--runs` times (default 5), each in a fresh browser, the runs interleaved page by page
 * so a burst of load on the machine hits every page alike; the tables give
 * medians, every run's performance score, Total Blocking Time and the
 * main-thread breakdown (style & layout, script).
 *
 *   npm run bench:lighthouse -- [--runs 5] [--form mobile,desktop] [--cases all|N] [--cases-only] [--json out.json]
 *
 * `--cases N` measures the N heaviest case pages (by HTML size) plus every
 * fourth other one; `all` (the default) measures every case page. `--cases-only`
 * measures the stock page and the case pages alone.
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { BROWSER_INSTALL_HINT, CHROMIUM_ARGS, findChromium } from '../src/lib/tooling/browser.ts';
import { BASELINE_PAGE } from '../src/lib/tooling/page-types.ts';
import { serveStatic } from '../src/lib/tooling/static-server.ts';
import { STOCK_PATH, stockSite } from './bench-stock-site.ts';

type Report = NonNullable<Awaited<ReturnType<(typeof import('lighthouse'))['default']>>>['lhr'];

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Form = 'mobile' | 'desktop';

export interface BenchPage {
	page: string;
	path: string;
	/** Served from the stock Starlight site rather than ours. */
	stock?: boolean;
}

/** One Lighthouse run, reduced to the figures the tables show (ms unless named). */
export interface RunFigures {
	performance: number;
	tbt: number;
	fcp: number;
	lcp: number;
	cls: number;
	/** Main-thread time by Lighthouse's groups ("mainthread-work-breakdown"), as simulated for the phone. */
	styleLayout: number;
	script: number;
	mainThread: number;
	/** Lighthouse's measure of the host's speed at the time (higher is faster). */
	benchmarkIndex: number;
	/**
	 * Style & layout as CPU time of the page's main thread (trace events' thread time, ×4 like Lighthouse's
	 * simulation): unlike the wall-clock figures above it leaves out the time the thread waited for a core,
	 * so it hardly moves with the load on the host.
	 */
	styleLayoutCpu: number;
}

type TraceEvent = { name: string; ph: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } };

/** Thread (CPU) time of style and layout on the page's main thread, in ms. */
export function styleLayoutCpuMs(events: TraceEvent[]): number {
	const withParse = new Set(events.filter((e) => e.name === 'ParseHTML').map((e) => e.pid));
	const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && withParse.has(e.pid));
	if (!main) return NaN;
	let us = 0;
	for (const e of events) if (e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && (e.name === 'Layout' || e.name === 'UpdateLayoutTree')) us += e.tdur ?? e.dur ?? 0;
	return us / 1000;
}

export interface LighthouseResult extends BenchPage {
	form: Form;
	runs: RunFigures[];
	/** Median of each figure over the runs. */
	median: RunFigures;
	/** Accessibility, best practices, SEO (and performance) from the first run: they do not move with load. */
	scores: Record<(typeof CATEGORIES)[number], number>;
	/** Audits that cost points in the run with the median performance score. */
	failing: string[];
}

export interface LighthouseRun {
	results: LighthouseResult[];
	/** One-minute load average before the first and after the last run. */
	loadBefore: number;
	loadAfter: number;
	/** Load average sampled before every run. */
	loadSamples: number[];
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Built case slugs, heaviest (largest HTML) first. */
export function caseSlugsBySize(dist: string): string[] {
	const dir = join(dist, 'cases');
	if (!existsSync(dir)) throw new Error(`No case page in ${dir}; build the site first.`);
	return readdirSync(dir, { withFileTypes: true })
		.filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'index.html')))
		.map((d) => ({ slug: d.name, bytes: statSync(join(dir, d.name, 'index.html')).size }))
		.sort((a, b) => b.bytes - a.bytes || a.slug.localeCompare(b.slug))
		.map((c) => c.slug);
}

/** The pages measured: the stock page, our plain docs page, the home page, case pages, and one each of practice, pitfalls, roadmap. */
export function lighthousePages(dist: string, cases: 'all' | number = 'all', casesOnly = false): BenchPage[] {
	const slugs = caseSlugsBySize(dist);
	const chosen = cases === 'all' ? slugs : slugs.filter((_, i) => i < cases || (i - cases) % 4 === 3);
	if (casesOnly) return [{ page: 'stock Starlight page', path: STOCK_PATH, stock: true }, ...chosen.map((slug) => ({ page: `case ${slug}`, path: `cases/${slug}/` }))];
	return [
		{ page: 'stock Starlight page', path: STOCK_PATH, stock: true },
		{ page: 'our docs page', path: BASELINE_PAGE },
		{ page: 'home', path: '' },
		...chosen.map((slug) => ({ page: `case ${slug}`, path: `cases/${slug}/` })),
		{ page: 'practice', path: `practice/${slugs[0]}/` },
		{ page: 'pitfalls', path: 'pitfalls/' },
		{ page: 'roadmap', path: 'roadmap/' },
	];
}

function figures(lhr: Report, trace?: TraceEvent[]): RunFigures {
	const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
	const groups = new Map(((lhr.audits['mainthread-work-breakdown']?.details as { items?: { group: string; duration: number }[] } | undefined)?.items ?? []).map((i) => [i.group, i.duration]));
	return {
		performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
		tbt: audit('total-blocking-time'),
		fcp: audit('first-contentful-paint'),
		lcp: audit('largest-contentful-paint'),
		cls: audit('cumulative-layout-shift'),
		styleLayout: groups.get('styleLayout') ?? 0,
		script: (groups.get('scriptEvaluation') ?? 0) + (groups.get('scriptParseCompile') ?? 0),
		mainThread: audit('mainthread-work-breakdown'),
		benchmarkIndex: lhr.environment?.benchmarkIndex ?? NaN,
		styleLayoutCpu: trace ? 4 * styleLayoutCpuMs(trace) : NaN,
	};
}

function failingAudits(lhr: Report): string[] {
	const failing: string[] = [];
	for (const c of CATEGORIES)
		for (const ref of lhr.categories[c]?.auditRefs ?? []) {
			const audit = lhr.audits[ref.id];
			if (ref.weight > 0 && audit.score !== null && audit.score < 1) failing.push(`${c}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''} — score ${audit.score}`);
		}
	return failing;
}

export async function runLighthouse(options: { dist: string; base?: string; runs?: number; forms?: Form[]; cases?: 'all' | number; casesOnly?: boolean; log?: (line: string) => void }): Promise<LighthouseRun> {
	const { dist, base = '/', runs = 5, forms = ['mobile'], cases = 'all', casesOnly = false, log = () => {} } = options;
	const chromium = await findChromium();
	if (!chromium) throw new Error(BROWSER_INSTALL_HINT);
	const stockDist = stockSite();
	const { default: lighthouse } = await import('lighthouse');
	const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
	const chromeLauncher = await import('chrome-launcher');
	const site = await serveStatic(dist, base, { compress: true });
	const stock = await serveStatic(stockDist, '/', { compress: true });
	const pages = lighthousePages(dist, cases, casesOnly);
	const reports = new Map<string, { lhr: Report; figures: RunFigures }[]>();
	const loadSamples: number[] = [];
	const loadBefore = loadavg()[0];
	try {
		// Run i of every page before run i + 1 of any: load that comes and goes falls on all pages alike.
		for (let i = 0; i < runs; i++)
			for (const form of forms)
				for (const p of pages) {
					loadSamples.push(loadavg()[0]);
					const url = new URL(p.path, (p.stock ? stock : site).url).href;
					// Every category on the first run; performance alone after that (the others do not move with load).
					const onlyCategories = i === 0 ? [...CATEGORIES] : ['performance'];
					// A fresh browser for every run, as a reader opening the page has and as the Lighthouse CLI does: a browser reused
					// across runs keeps the renderer's caches (text shaping, compiled scripts) warm and reports less work than a phone does.
					const chrome = await chromeLauncher.launch({ chromePath: chromium.path, chromeFlags: [...CHROMIUM_ARGS, '--headless=new'] });
					const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories }, form === 'desktop' ? desktopConfig : undefined).finally(() => chrome.kill());
					if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
					const key = `${form} ${p.path} ${p.stock ?? false}`;
					const trace = (result.artifacts as { Trace?: { traceEvents: TraceEvent[] } }).Trace?.traceEvents;
					const f = figures(result.lhr, trace);
					reports.set(key, [...(reports.get(key) ?? []), { lhr: result.lhr, figures: f }]);
					log(`run ${i + 1}/${runs} ${form.padEnd(7)} ${p.page.padEnd(28)} performance ${f.performance}, TBT ${f.tbt.toFixed(0)} ms, style & layout ${f.styleLayout.toFixed(0)} ms (CPU ${f.styleLayoutCpu.toFixed(0)} ms), script ${f.script.toFixed(0)} ms (load ${loadSamples.at(-1)!.toFixed(1)})`);
				}
	} finally {
		await site.close();
		await stock.close();
	}
	const results: LighthouseResult[] = [];
	for (const form of forms)
		for (const p of pages) {
			const measured = reports.get(`${form} ${p.path} ${p.stock ?? false}`)!;
			const all = measured.map((m) => m.figures);
			const med = Object.fromEntries(Object.keys(all[0]).map((k) => [k, median(all.map((r) => r[k as keyof RunFigures]))])) as unknown as RunFigures;
			const byScore = [...measured].sort((a, b) => a.figures.performance - b.figures.performance);
			const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((measured[0].lhr.categories[c]?.score ?? 0) * 100)])) as LighthouseResult['scores'];
			results.push({ ...p, form, runs: all, median: med, scores, failing: failingAudits(byScore[Math.floor((byScore.length - 1) / 2)].lhr) });
		}
	return { results, loadBefore, loadAfter: loadavg()[0], loadSamples };
}

const ms = (x: number) => `${Math.round(x)} ms`;
const s = (x: number) => `${(x / 1000).toFixed(1)} s`;

export function lighthouseTable(run: LighthouseRun): string {
	const { results } = run;
	const lines = [
		'| page | form | performance, every run | TBT median (range) | style & layout | style & layout, CPU | script | main thread | FCP | LCP | CLS | accessibility, best practices, SEO |',
		'| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
		...results.map((r) => {
			const tbts = r.runs.map((x) => x.tbt);
			const perf = r.runs.map((x) => (x.performance === 100 ? '100' : `**${x.performance}**`)).join(', ');
			const others = [r.scores.accessibility, r.scores['best-practices'], r.scores.seo].map((x) => (x === 100 ? '100' : `**${x}**`)).join(', ');
			return `| ${r.page} (\`/${r.path}\`) | ${r.form} | ${perf} | ${ms(r.median.tbt)} (${Math.round(Math.min(...tbts))}–${Math.round(Math.max(...tbts))}) | ${ms(r.median.styleLayout)} | ${ms(r.median.styleLayoutCpu)} | ${ms(r.median.script)} | ${ms(r.median.mainThread)} | ${s(r.median.fcp)} | ${s(r.median.lcp)} | ${r.median.cls.toFixed(3)} | ${others} |`;
		}),
	];
	const failing = results.filter((r) => r.failing.length);
	if (failing.length) lines.push('', 'Audits that cost points (run with the median performance score):', '', ...failing.flatMap((r) => r.failing.map((f) => `- ${r.page}, ${r.form}: ${f}`)));
	const bi = results.flatMap((r) => r.runs.map((x) => x.benchmarkIndex)).filter(Number.isFinite);
	lines.push('', `Load average (1 min) ${run.loadBefore.toFixed(1)} before the first run, ${run.loadAfter.toFixed(1)} after the last; per run ${Math.min(...run.loadSamples).toFixed(1)}–${Math.max(...run.loadSamples).toFixed(1)}, median ${median(run.loadSamples).toFixed(1)}. Lighthouse's benchmark index of the host over the runs: ${Math.round(Math.min(...bi))}–${Math.round(Math.max(...bi))}, median ${Math.round(median(bi))}.`);
	return lines.join('\n');
}

/** Pages whose runs did not all score 100 with TBT ≤ 50 ms and style & layout under 300 ms (the case-page goal of issue #22). */
export function missingGoal(run: LighthouseRun): LighthouseResult[] {
	return run.results.filter((r) => r.runs.some((x) => x.performance < 100 || x.tbt > 50 || x.styleLayout >= 300));
}

if (import.meta.main) {
	const args = process.argv.slice(2);
	const option = (name: string) => {
		const i = args.indexOf(`--${name}`);
		return i >= 0 ? args[i + 1] : undefined;
	};
	const dist = process.env.MLSD_DIST ?? 'dist';
	const cases = option('cases') ?? 'all';
	const run = await runLighthouse({
		dist,
		base: (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/'),
		runs: Number(option('runs') ?? 5),
		forms: (option('form') ?? 'mobile').split(',') as Form[],
		cases: cases === 'all' ? 'all' : Number(cases),
		casesOnly: args.includes('--cases-only'),
		log: console.log,
	});
	console.log(`\n${lighthouseTable(run)}`);
	const out = option('json');
	if (out) writeFileSync(out, JSON.stringify(run, null, 2));
}
