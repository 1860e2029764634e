/**
 * `npm run bench:build`: how the build scales with the number of cases.
 * For each count it writes that many synthetic cases (tests/fixtures/cases/valid.mdx
 * with a varied title, slug, domain, difficulty and mermaid diagram each) into a
 * temporary copy of the project, builds it cold (no diagram cache), and reports
 * build time, peak memory and time per case. The per-case cost should stay flat.
 *
 *   npm run bench:build -- [--counts 10,100,500] [--json out.json] [--keep]
 *
 * Peak memory is the build process's maximum resident set (process.resourceUsage),
 * measured inside the build process; pagefind runs as its own process and is not in it.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);

/** CPU time of the finished child processes this process waited for (pagefind), from /proc on Linux; undefined elsewhere. */
function childrenCpuMs(): number | undefined {
	try {
		const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
		// Fields 16 and 17 of stat(5) (cutime, cstime) are at 13 and 14 after the command name, in clock ticks.
		return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
	} catch {
		return undefined;
	}
}

/** Astro's durations: `812ms`, `2.81s`, `1m 32s`. */
function parseDuration(text: string): number {
	const m = text.match(/(?:(\d+)m\s*)?([\d.]+)(ms|s)/);
	if (!m) return NaN;
	return Number(m[1] ?? 0) * 60_000 + Number(m[2]) * (m[3] === 's' ? 1000 : 1);
}

if (args[0] === '--child') {
	// Inside the project copy: build with Astro's API and report this process's peak memory.
	const { build } = await import('astro');
	await build({ root: process.cwd(), logLevel: 'info' });
	const usage = process.resourceUsage();
	process.stdout.write(`\nBENCH_RESULT ${JSON.stringify({ maxRssKB: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000, childrenMs: childrenCpuMs() })}\n`);
	process.exit(0);
}

const { makeProjectCopy } = await import('../tests/fixtures/content-root.ts');
const option = (name: string) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : undefined;
};
const counts = (option('counts') ?? '10,100,500').split(',').map(Number).filter((n) => n > 0);
const jsonOut = option('json');
const keep = args.includes('--keep');

const TOPICS = ['news feed', 'music playlist', 'job matching', 'hotel search', 'fraud alerts', 'photo tagging', 'ad auction', 'restaurant ranking', 'video thumbnails', 'query autocomplete', 'spam filtering', 'grocery substitutions'];
const DOMAINS = ['recommendation', 'search', 'ads'];
const DIFFICULTIES = ['foundation', 'intermediate', 'advanced'];

/** A diagram that differs for every case, so no render is shared or cached. */
function diagramFor(i: number): string {
	const n = 3 + (i % 6);
	const direction = ['LR', 'TB', 'RL'][i % 3];
	const lines = [`flowchart ${direction}`];
	for (let k = 0; k < n; k++) lines.push(`  S${k}[Stage ${k + 1} of case ${i}]`);
	for (let k = 0; k + 1 < n; k++) lines.push(`  S${k} -->${k % 2 ? `|${(k + 1) * 10 + i} items|` : ''} S${k + 1}`);
	if (n > 3) lines.push(`  S0 -.-> S${n - 1}`);
	if (i % 4 === 0) lines.push(`  subgraph online [Online path ${i}]`, `    S${n - 2}`, `    S${n - 1}`, '  end');
	return lines.join('\n');
}

export function syntheticCases(count: number): Record<string, string> {
	const template = readFileSync('tests/fixtures/cases/valid.mdx', 'utf8');
	const files: Record<string, string> = {};
	for (let i = 0; i < count; i++) {
		const topic = TOPICS[i % TOPICS.length];
		const slug = `synthetic-${String(i).padStart(4, '0')}-${topic.replace(/\s+/g, '-')}`;
		const text = template
			.replace(/^title: .*$/m, `title: Synthetic case ${i + 1}, ${topic}`)
			.replace(/^domain: .*$/m, `domain: ${DOMAINS[i % DOMAINS.length]}`)
			.replace(/^difficulty: .*$/m, `difficulty: ${DIFFICULTIES[Math.floor(i / 3) % DIFFICULTIES.length]}`)
			.replace(/^tags: .*$/m, `tags: [synthetic, ${topic.replace(/\s+/g, '-')}]`)
			.replace(/```mermaid\n[\s\S]*?\n```/, '```mermaid\n' + diagramFor(i) + '\n```');
		files[`case-studies/${slug}.mdx`] = text;
	}
	return files;
}

export interface BuildRun {
	cases: number;
	pages: number;
	wallMs: number;
	maxRssKB: number;
	/** CPU time of the build process and the processes it ran (pagefind): steadier than wall time on a busy machine. */
	cpuMs: number;
	pagefindMs: number | undefined;
	/** Astro's own phase timings ("Building static entrypoints", "Generating static routes"…), in ms. */
	phases: Record<string, number>;
	distBytes: number;
	/** HTML bytes of one case page: grows with the case count if every page lists every case. */
	casePageBytes: number;
	/** One-minute load average when the build started: other work on the machine stretches wall time. */
	loadBefore: number;
	ok: boolean;
	tail?: string;
}

function dirBytes(dir: string): number {
	let total = 0;
	for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
		const s = statSync(join(dir, f));
		if (s.isFile()) total += s.size;
	}
	return total;
}

async function buildOnce(count: number): Promise<BuildRun> {
	const root = makeProjectCopy(syntheticCases(count));
	try {
		const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', MLSD_DIAGRAM_CACHE: 'off' };
		const loadBefore = loadavg()[0];
		const start = performance.now();
		const output = await new Promise<{ code: number | null; text: string }>((resolve) => {
			const child = spawn(process.execPath, ['scripts/bench-build.ts', '--child'], { cwd: root, env });
			let text = '';
			child.stdout.on('data', (d) => (text += d));
			child.stderr.on('data', (d) => (text += d));
			child.on('close', (code) => resolve({ code, text }));
		});
		const wallMs = performance.now() - start;
		const result = output.text.match(/BENCH_RESULT (.*)/);
		const usage = result ? JSON.parse(result[1]) : { maxRssKB: 0, userMs: 0, systemMs: 0, childrenMs: 0 };
		const pages = Number(output.text.match(/(\d+) page\(s\) built/)?.[1] ?? 0);
		const pagefind = output.text.match(/Finished building search index in (.*)$/m);
		const ok = output.code === 0 && !!result;
		const phases: Record<string, number> = {};
		let phase = '';
		for (const line of output.text.split('\n')) {
			const started = line.match(/\] ([A-Z][\w ]+)\.\.\.\s*$/) ?? line.match(/ (generating static routes)\s*$/i);
			if (started) phase = started[1].trim();
			const done = line.match(/✓ Completed in (.*)$/);
			if (done && phase) {
				phases[phase] = parseDuration(done[1]);
				phase = '';
			}
		}
		const firstCase = Object.keys(syntheticCases(1))[0].replace(/^case-studies\/|\.mdx$/g, '');
		const casePage = join(root, 'dist', 'cases', firstCase, 'index.html');
		return {
			cases: count,
			pages,
			wallMs,
			maxRssKB: usage.maxRssKB,
			cpuMs: usage.userMs + usage.systemMs + (usage.childrenMs ?? 0),
			pagefindMs: pagefind ? parseDuration(pagefind[1]) : undefined,
			phases,
			loadBefore,
			distBytes: ok ? dirBytes(join(root, 'dist')) : 0,
			casePageBytes: ok ? statSync(casePage).size : 0,
			ok,
			tail: ok ? undefined : output.text.split('\n').slice(-30).join('\n'),
		};
	} finally {
		if (keep) console.log(`  kept ${root}`);
		else rmSync(root, { recursive: true, force: true });
	}
}

const seconds = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);
const renderMs = (r: BuildRun) => Object.entries(r.phases).find(([name]) => /generating static routes/i.test(name))?.[1];

export function scalingTable(runs: BuildRun[]): string {
	const rows = [
		'| cases | pages | wall time | wall per case | CPU time | CPU per case | rendering pages | pagefind | peak memory (RSS) | dist size | one case page |',
		'| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
		...runs.map((r) =>
			r.ok
				? `| ${r.cases} | ${r.pages} | ${seconds(r.wallMs)} | ${(r.wallMs / r.cases).toFixed(0)} ms | ${seconds(r.cpuMs)} | ${(r.cpuMs / r.cases).toFixed(0)} ms | ${seconds(renderMs(r))} | ${seconds(r.pagefindMs)} | ${(r.maxRssKB / 1024).toFixed(0)} MB | ${(r.distBytes / 1024 / 1024).toFixed(1)} MB | ${(r.casePageBytes / 1024).toFixed(0)} KB |`
				: `| ${r.cases} | build failed | | | | | | | | | |`,
		),
	];
	// The marginal cost between consecutive counts takes the fixed start-up cost out of the comparison.
	const ok = runs.filter((r) => r.ok);
	const marginal = ok.slice(1).map((r, i) => {
		const prev = ok[i];
		const per = (a: number, b: number) => ((a - b) / (r.cases - prev.cases)).toFixed(0);
		return `${prev.cases}→${r.cases}: ${per(r.wallMs, prev.wallMs)} ms wall, ${per(r.cpuMs, prev.cpuMs)} ms CPU per added case`;
	});
	return [...rows, '', marginal.length ? `Marginal cost: ${marginal.join('; ')}.` : ''].join('\n');
}

if (import.meta.main) {
	const runs: BuildRun[] = [];
	for (const count of counts) {
		process.stdout.write(`building ${count} synthetic cases… `);
		const run = await buildOnce(count);
		runs.push(run);
		console.log(run.ok ? `${seconds(run.wallMs)} wall, ${seconds(run.cpuMs)} CPU, ${run.pages} pages, ${(run.maxRssKB / 1024).toFixed(0)} MB peak (load average ${run.loadBefore.toFixed(1)} at start)` : 'FAILED');
		if (!run.ok) console.error(run.tail);
	}
	console.log(`\n${scalingTable(runs)}`);
	if (jsonOut) writeFileSync(jsonOut, JSON.stringify(runs, null, 2));
	if (runs.some((r) => !r.ok)) process.exit(1);
}
