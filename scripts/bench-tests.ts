/**
 * `npm run bench:tests`: how long `npm test` takes as the number of cases grows.
 * For each count it makes a temporary copy of the project whose case-studies/ lists that many
 * cases: the real ones plus copies of them under other slugs (titles numbered), or below the
 * number of real cases the first ones with the rest kept as drafts,
 * runs `npm test` there (unit → site build → build tests → browser tests), and reports
 * the wall time of each suite and the test counts. The copies are listed cases, so every
 * per-case page, PDF and test exists for each.
 *
 *   npm run bench:tests -- [--counts 3,12,50] [--json out.json] [--results bench/RESULTS.md] [--keep]
 *
 * With --results it replaces the "Test suite scaling" section of that file (npm run bench
 * writes the whole file and calls this with --json).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { CASE_TITLE_MAX } from '../src/schemas/case.ts';
import { commandEnv, makeProjectCopy } from '../tests/fixtures/content-root.ts';

export interface TestRun {
	cases: number;
	/** Wall time of each step `npm test` prints (`━━ unit tests ━━`, `━━ site build ━━`…), in ms. */
	steps: Record<string, number>;
	totalMs: number;
	passed: number;
	failed: number;
	skipped: number;
	exitCode: number | null;
	/** One-minute load average when the run started. */
	loadBefore: number;
	/** The slowest tests of the run, from vitest's JSON reports. */
	slowest: { name: string; ms: number }[];
	failures: string[];
}

/** A copy's title: the original's with its number, shortened to fit the schema's limit. */
function numbered(title: string, n: number): string {
	const suffix = ` (${n})`;
	return title.length + suffix.length <= CASE_TITLE_MAX ? title + suffix : `${title.slice(0, CASE_TITLE_MAX - suffix.length - 1).trimEnd()}…${suffix}`;
}

/** The real cases in the order they were added (git history; alphabetical without it): N cases is the workbook as it stood with its first N. */
function realCases(dir: string): string[] {
	const names = readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort();
	const log = spawnSync('git', ['log', '--diff-filter=A', '--reverse', '--format=', '--name-only', '--', '.'], { cwd: dir, encoding: 'utf8' });
	const added = log.status === 0 ? [...new Set(log.stdout.split('\n').map((l) => l.replace(/^.*\//, '')))].filter((n) => names.includes(n)) : [];
	return [...added, ...names.filter((n) => !added.includes(n))];
}

/**
 * `count` listed cases: the real ones, then numbered copies of them under other slugs. Below the
 * number of real cases, the real cases past `count` stay as drafts: their pages exist, so links
 * between cases hold, but drafts are listed nowhere and get no PDF. The prompt index comes along
 * (it maps real cases, and drafts are allowed there).
 */
export function caseFiles(count: number, dir = 'case-studies'): Record<string, string> {
	const real = realCases(dir);
	const files: Record<string, string> = {};
	if (existsSync(join(dir, 'prompts.yaml'))) files['case-studies/prompts.yaml'] = readFileSync(join(dir, 'prompts.yaml'), 'utf8');
	const asDraft = (text: string) => (/^draft: true$/m.test(text) ? text : text.replace(/^---\n/, '---\ndraft: true\n'));
	for (let i = 0; i < Math.max(count, real.length); i++) {
		const name = real[i % real.length];
		const text = readFileSync(join(dir, name), 'utf8');
		const copy = Math.floor(i / real.length);
		if (copy === 0) files[`case-studies/${name}`] = i < count ? text : asDraft(text);
		else files[`case-studies/${name.replace(/\.mdx$/, '')}-${copy + 1}.mdx`] = text.replace(/^title: (.*)$/m, (_, t: string) => `title: ${JSON.stringify(numbered(String(parse(t)), copy + 1))}`);
	}
	return files;
}

async function runOnce(count: number, keep: boolean): Promise<TestRun> {
	const root = makeProjectCopy(caseFiles(count));
	// What `npm test` needs beyond makeProjectCopy's copy: the tests and their configuration.
	for (const entry of ['tests', 'vitest.config.ts', '.htmlvalidate.mjs', 'README.md', 'CONTRIBUTING.md', 'src/data']) if (existsSync(entry)) cpSync(entry, join(root, entry), { recursive: true });
	try {
		const loadBefore = loadavg()[0];
		const start = performance.now();
		const steps: Record<string, number> = {};
		let step = '';
		let stepStart = start;
		let tail = '';
		const exitCode = await new Promise<number | null>((resolve) => {
			const child = spawn(process.execPath, ['scripts/run-tests.ts'], { cwd: root, env: commandEnv() });
			const take = (d: Buffer) => {
				const text = d.toString();
				process.stdout.write(text);
				tail = (tail + text).slice(-20_000);
				for (const m of text.matchAll(/━━ ([^━]+?) ━━/g)) {
					const now = performance.now();
					if (step) steps[step] = (steps[step] ?? 0) + now - stepStart;
					step = m[1].trim();
					stepStart = now;
				}
			};
			child.stdout.on('data', take);
			child.stderr.on('data', take);
			child.on('close', resolve);
		});
		const totalMs = performance.now() - start;
		if (step) steps[step] = (steps[step] ?? 0) + performance.now() - stepStart;
		const counts = /tests: (\d+) passed, (\d+) failed, (\d+) skipped/.exec(tail.replace(/\x1b\[[0-9;]*m/g, ''));
		const slowest: TestRun['slowest'] = [];
		const failures: string[] = [];
		for (const project of ['unit', 'build', 'e2e']) {
			const file = join(root, '.tmp', `vitest-${project}.json`);
			if (!existsSync(file)) continue;
			const report = JSON.parse(readFileSync(file, 'utf8')) as { testResults: { assertionResults: { fullName: string; duration?: number; status: string }[] }[] };
			for (const t of report.testResults.flatMap((f) => f.assertionResults)) {
				slowest.push({ name: `${project}: ${t.fullName}`, ms: t.duration ?? 0 });
				if (t.status === 'failed') failures.push(`${project}: ${t.fullName}`);
			}
		}
		slowest.sort((a, b) => b.ms - a.ms);
		return { cases: count, steps, totalMs, passed: Number(counts?.[1] ?? 0), failed: Number(counts?.[2] ?? 0), skipped: Number(counts?.[3] ?? 0), exitCode, loadBefore, slowest: slowest.slice(0, 5), failures };
	} finally {
		if (keep) console.log(`  kept ${root}`);
		else rmSync(root, { recursive: true, force: true });
	}
}

/** `1 min 5 s` (whole seconds, rounded before splitting so 119.6 s reads `2 min 0 s`), or `42.3 s` under a minute. */
export const minutes = (ms: number | undefined) => {
	if (ms === undefined) return '–';
	const s = Math.round(ms / 1000);
	return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${(ms / 1000).toFixed(1)} s`;
};
const STEPS = ['unit tests', 'site build', 'build tests', 'e2e tests'];

export function testsTable(unsorted: TestRun[]): string {
	const runs = [...unsorted].sort((a, b) => a.cases - b.cases);
	const rows = [
		'| cases | `npm test` | unit | site build | build tests | browser tests | per case | tests passed / failed / skipped | load at start |',
		'| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
		...runs.map((r) => `| ${r.cases} | ${minutes(r.totalMs)} | ${STEPS.map((s) => minutes(r.steps[s])).join(' | ')} | ${minutes(r.totalMs / r.cases)} | ${r.passed} / ${r.failed} / ${r.skipped} | ${r.loadBefore.toFixed(1)} |`),
	];
	const marginal = runs.slice(1).map((r, i) => `${runs[i].cases}→${r.cases}: ${minutes((r.totalMs - runs[i].totalMs) / (r.cases - runs[i].cases))} per added case`);
	const notes = runs.flatMap((r) => [
		`- ${r.cases} cases, slowest tests: ${r.slowest.map((t) => `${t.name.slice(0, 90)} (${minutes(t.ms)})`).join('; ')}.`,
		...(r.failures.length ? [`- ${r.cases} cases, failed: ${r.failures.slice(0, 8).join('; ')}${r.failures.length > 8 ? ` and ${r.failures.length - 8} more` : ''}.`] : []),
	]);
	return [...rows, '', marginal.length ? `Marginal cost: ${marginal.join('; ')}.` : '', '', ...notes].join('\n');
}

export const TESTS_SECTION_INTRO =
	'`npm test` (scripts/run-tests.ts: unit tests, site build, tests on the built HTML, browser tests including `npm run pdf`) in a temporary copy of the project listing that many cases: below the number of real cases, the first ones in the order they were added (the others stay as drafts, so links between cases hold); above it, every real case plus numbered copies under other slugs. Wall-clock times on a shared machine: the load average says how busy it was. Copies share their text with the originals, so searches that expect one page among the first results can meet its copies there.';

if (import.meta.main) {
	const args = process.argv.slice(2);
	const option = (name: string) => {
		const i = args.indexOf(`--${name}`);
		return i >= 0 ? args[i + 1] : undefined;
	};
	const counts = (option('counts') ?? '3,12,50').split(',').map(Number).filter((n) => n > 0);
	const runs: TestRun[] = [];
	for (const count of counts) {
		console.log(`\n━━━━ npm test with ${count} cases ━━━━`);
		const run = await runOnce(count, args.includes('--keep'));
		runs.push(run);
		console.log(`\n${count} cases: ${minutes(run.totalMs)}, ${run.passed} passed, ${run.failed} failed (load average ${run.loadBefore.toFixed(1)} at start)`);
		// Write after every count, so a long run leaves its results behind if it is stopped.
		console.log(`BENCH_TESTS_RUN ${JSON.stringify(run)}`);
		const json = option('json');
		if (json) {
			mkdirSync(dirname(json), { recursive: true });
			writeFileSync(json, JSON.stringify(runs, null, 2));
		}
		const results = option('results');
		if (results) {
			const section = `## Test suite scaling\n\n${TESTS_SECTION_INTRO}\n\n${testsTable(runs)}\n`;
			const text = existsSync(results) ? readFileSync(results, 'utf8') : '# Benchmark results\n';
			const at = text.indexOf('## Test suite scaling');
			const next = at === -1 ? -1 : text.indexOf('\n## ', at + 1);
			writeFileSync(results, at === -1 ? `${text.trimEnd()}\n\n${section}` : `${text.slice(0, at)}${section}${next === -1 ? '' : text.slice(next + 1)}`);
		}
	}
	console.log(`\n${testsTable(runs)}`);
}
