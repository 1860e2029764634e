/**
 * `npm run bench:lighthouse`: Lighthouse scores (performance, accessibility,
 * best practices, SEO) for the home page, a case page, a practice page, the
 * pitfall catalog and the roadmap, in the system Chromium, with Lighthouse's
 * mobile and desktop settings. The built site ($MLSD_DIST or dist/) is served
 * on loopback with gzip, as a static host serves it. Each page runs `--runs`
 * times and the run with the median performance score is reported.
 *
 *   npm run bench:lighthouse -- [--runs 3] [--form mobile,desktop] [--json out.json]
 */
import { writeFileSync } from 'node:fs';
import { BROWSER_INSTALL_HINT, CHROMIUM_ARGS, findChromium } from '../src/lib/tooling/browser.ts';
import { firstBuiltCase } from '../src/lib/tooling/page-types.ts';
import { serveStatic } from '../src/lib/tooling/static-server.ts';

type Report = NonNullable<Awaited<ReturnType<(typeof import('lighthouse'))['default']>>>['lhr'];

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'] as const;

export interface LighthouseResult {
	page: string;
	path: string;
	form: 'mobile' | 'desktop';
	/** Scores 0–100 per category, from the median run. */
	scores: Record<(typeof CATEGORIES)[number], number>;
	/** Performance scores of every run, to show the spread. */
	performanceRuns: number[];
	/** Metric display values of the median run (`0.8 s`). */
	metrics: Record<string, string>;
	/** Audits that cost points in the median run: `category: audit title (score)`. */
	failing: string[];
}

/** The pages Lighthouse checks, with the case taken from the built site. */
export function lighthousePages(dist: string): { page: string; path: string }[] {
	const slug = firstBuiltCase(dist);
	return [
		{ page: 'home', path: '' },
		{ page: 'case', path: `cases/${slug}/` },
		{ page: 'practice', path: `practice/${slug}/` },
		{ page: 'pitfalls', path: 'pitfalls/' },
		{ page: 'roadmap', path: 'roadmap/' },
	];
}

export async function runLighthouse(options: { dist: string; base?: string; runs?: number; forms?: ('mobile' | 'desktop')[]; log?: (line: string) => void }): Promise<LighthouseResult[]> {
	const { dist, base = '/', runs = 3, forms = ['mobile', 'desktop'], log = () => {} } = options;
	const chromium = await findChromium();
	if (!chromium) throw new Error(BROWSER_INSTALL_HINT);
	const { default: lighthouse } = await import('lighthouse');
	const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
	const chromeLauncher = await import('chrome-launcher');
	const site = await serveStatic(dist, base, { compress: true });
	const chrome = await chromeLauncher.launch({ chromePath: chromium.path, chromeFlags: [...CHROMIUM_ARGS, '--headless=new'] });
	const results: LighthouseResult[] = [];
	try {
		for (const form of forms) {
			for (const { page, path } of lighthousePages(dist)) {
				const lhrs: Report[] = [];
				for (let i = 0; i < runs; i++) {
					const result = await lighthouse(
						new URL(path, site.url).href,
						{ port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
						form === 'desktop' ? desktopConfig : undefined,
					);
					if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
					lhrs.push(result.lhr);
				}
				const perf = (lhr: Report) => Math.round((lhr.categories.performance?.score ?? 0) * 100);
				const sorted = [...lhrs].sort((a, b) => perf(a) - perf(b));
				const median = sorted[Math.floor((sorted.length - 1) / 2)];
				const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((median.categories[c]?.score ?? 0) * 100)])) as LighthouseResult['scores'];
				const failing: string[] = [];
				for (const c of CATEGORIES)
					for (const ref of median.categories[c]?.auditRefs ?? []) {
						const audit = median.audits[ref.id];
						if (ref.weight > 0 && audit.score !== null && audit.score < 1) failing.push(`${c}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''} — score ${audit.score}`);
					}
				const metrics = Object.fromEntries(METRICS.map((m) => [m, median.audits[m]?.displayValue ?? '–']));
				results.push({ page, path, form, scores, performanceRuns: lhrs.map(perf), metrics, failing });
				log(`${form.padEnd(8)} ${page.padEnd(10)} ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(', ')}${failing.length ? `\n           ${failing.join('\n           ')}` : ''}`);
			}
		}
	} finally {
		await chrome.kill();
		await site.close();
	}
	return results;
}

export function lighthouseTable(results: LighthouseResult[]): string {
	const label = { performance: 'Performance', accessibility: 'Accessibility', 'best-practices': 'Best practices', seo: 'SEO' };
	const lines = [
		`| page | form factor | ${CATEGORIES.map((c) => label[c]).join(' | ')} | performance, all runs | FCP | LCP | TBT | CLS |`,
		`| --- | --- | ${CATEGORIES.map(() => '---:').join(' | ')} | --- | ---: | ---: | ---: | ---: |`,
		...results.map(
			(r) =>
				`| ${r.page} (\`/${r.path}\`) | ${r.form} | ${CATEGORIES.map((c) => (r.scores[c] === 100 ? '100' : `**${r.scores[c]}**`)).join(' | ')} | ${r.performanceRuns.join(', ')} | ${r.metrics['first-contentful-paint']} | ${r.metrics['largest-contentful-paint']} | ${r.metrics['total-blocking-time']} | ${r.metrics['cumulative-layout-shift']} |`,
		),
	];
	const failing = results.filter((r) => r.failing.length);
	if (failing.length) lines.push('', 'Audits that cost points:', '', ...failing.flatMap((r) => r.failing.map((f) => `- ${r.page}, ${r.form}: ${f}`)));
	return lines.join('\n');
}

if (import.meta.main) {
	const args = process.argv.slice(2);
	const option = (name: string) => {
		const i = args.indexOf(`--${name}`);
		return i >= 0 ? args[i + 1] : undefined;
	};
	const dist = process.env.MLSD_DIST ?? 'dist';
	const results = await runLighthouse({
		dist,
		base: (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/'),
		runs: Number(option('runs') ?? 3),
		forms: (option('form') ?? 'mobile,desktop').split(',') as ('mobile' | 'desktop')[],
		log: console.log,
	});
	console.log(`\n${lighthouseTable(results)}`);
	const out = option('json');
	if (out) writeFileSync(out, JSON.stringify(results, null, 2));
}
