/**
 * `npm run bench:build`: how the build scales with the number of cases.
 * For each count it writes that many synthetic cases (tests/fixtures/cases/valid.mdx
 * with a varied title, slug, domain, difficulty and mermaid diagram each) into a
 * temporary copy of the project, builds it cold (no diagram cache), and reports
 * build time, peak memory and time per case. The per-case cost should stay flat.
 *
 *   npm run bench:build -- [--counts 10,100,500] [--real] [--node-flags "--max-old-space-size=1536"] [--json out.json] [--keep]
 *
 * `--real` builds copies of the real cases instead (full size, every diagram rendered).
 *
 * Peak memory is the build process's maximum resident set (process.resourceUsage),
 * measured inside the build process; pagefind runs as its own process and is not in it.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';

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
	// Inside the project copy: build with Astro's API and report this process's peak memory,
	// sampled through the build to see whether it is the JS heap or memory outside it.
	const peak = { heapUsed: 0, external: 0, rss: 0 };
	// MLSD_HEAP_SNAPSHOT_MB=600: write one heap snapshot (into the project copy) when the heap first passes 600 MB, to see what holds it.
	const snapshotAt = Number(process.env.MLSD_HEAP_SNAPSHOT_MB ?? 0) * 2 ** 20;
	let snapshotWritten = false;
	const sample = () => {
		const m = process.memoryUsage();
		if (snapshotAt && !snapshotWritten && m.heapUsed > snapshotAt) {
			snapshotWritten = true;
			process.stdout.write(`\nheap snapshot: ${join(process.cwd(), v8.writeHeapSnapshot())}\n`);
		}
		peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
		peak.external = Math.max(peak.external, m.external);
		peak.rss = Math.max(peak.rss, m.rss);
	};
	const timer = setInterval(sample, 200);
	timer.unref();
	const { build } = await import('astro');
	await build({ root: process.cwd(), logLevel: 'info' });
	sample();
	clearInterval(timer);
	// What the build still holds once it is done (module cache, content store): with --expose-gc, after a full collection.
	const gc = (globalThis as { gc?: () => void }).gc;
	gc?.();
	const liveAfterMB = gc ? process.memoryUsage().heapUsed / 2 ** 20 : undefined;
	const usage = process.resourceUsage();
	process.stdout.write(`\nBENCH_RESULT ${JSON.stringify({ maxRssKB: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000, childrenMs: childrenCpuMs(), peakHeapMB: peak.heapUsed / 2 ** 20, peakExternalMB: peak.external / 2 ** 20, liveAfterMB })}\n`);
	process.exit(0);
}

const { makeProjectCopy } = await import('../tests/fixtures/content-root.ts');
const option = (name: string) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : undefined;
};
const counts = (option('counts') ?? '10,100,500').split(',').map(Number).filter((n) => n > 0);
const jsonOut = option('json');
/** Copies of the real cases (full size, diagrams and all) instead of the small synthetic fixture. */
const real = args.includes('--real');
/** Node's flags in package.json's `build` script (the heap limit), so the benchmark builds as `npm run build` does. */
export function buildScriptNodeFlags(): string[] {
	const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.build ?? '';
	return script.split(/\s+/).filter((a) => /^--max-old-space-size=\d+$/.test(a));
}
/** Flags for the build process: package.json's by default; `--node-flags "--max-old-space-size=1024"` to try others. */
const nodeFlags = option('node-flags') !== undefined ? option('node-flags')!.split(' ').filter(Boolean) : buildScriptNodeFlags();
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

/**
 * `count` real-size cases: the real ones first, then copies of them under other
 * slugs and titles. Each copy's diagrams get a comment line, so every diagram is
 * rendered afresh as a new case's would be (no cache hit).
 */
export function realCases(count: number): Record<string, string> {
	const originals = readdirSync('case-studies')
		.filter((f) => f.endsWith('.mdx'))
		.sort()
		.map((f) => ({ slug: f.replace(/\.mdx$/, ''), text: readFileSync(join('case-studies', f), 'utf8') }));
	const files: Record<string, string> = {};
	for (let i = 0; i < count; i++) {
		const { slug, text } = originals[i % originals.length];
		if (i < originals.length) {
			files[`case-studies/${slug}.mdx`] = text;
			continue;
		}
		const n = String(i).padStart(4, '0');
		files[`case-studies/${slug}-copy-${n}.mdx`] = text.replace(/^title: (.*)$/m, (_, title: string) => `title: ${title.replace(/^(['"])(.*)\1$/, '$2')} (copy ${n})`).replace(/```mermaid\n/g, `\`\`\`mermaid\n%% copy ${n}\n`);
	}
	return files;
}

export interface BuildRun {
	cases: number;
	pages: number;
	wallMs: number;
	maxRssKB: number;
	/** Largest JS heap in use and largest memory held outside it (buffers), sampled every 200 ms. */
	peakHeapMB?: number;
	peakExternalMB?: number;
	/** JS heap still in use after the build and a full collection (the child runs with --expose-gc for this). */
	liveAfterMB?: number;
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
	const cases = real ? realCases(count) : syntheticCases(count);
	const root = makeProjectCopy(cases);
	try {
		const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', MLSD_DIAGRAM_CACHE: 'off' };
		const loadBefore = loadavg()[0];
		const start = performance.now();
		const output = await new Promise<{ code: number | null; text: string }>((resolve) => {
			const child = spawn(process.execPath, ['--expose-gc', ...nodeFlags, 'scripts/bench-build.ts', '--child'], { cwd: root, env });
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
		const firstCase = Object.keys(cases)[0].replace(/^case-studies\/|\.mdx$/g, '');
		const casePage = join(root, 'dist', 'cases', firstCase, 'index.html');
		return {
			cases: count,
			pages,
			wallMs,
			maxRssKB: usage.maxRssKB,
			peakHeapMB: usage.peakHeapMB,
			peakExternalMB: usage.peakExternalMB,
			liveAfterMB: usage.liveAfterMB,
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
const mb = (x: number | undefined) => (x === undefined ? '–' : `${x.toFixed(0)} MB`);
const renderMs = (r: BuildRun) => Object.entries(r.phases).find(([name]) => /generating static routes/i.test(name))?.[1];

export function scalingTable(runs: BuildRun[]): string {
	const rows = [
		'| cases | pages | wall time | wall per case | CPU time | CPU per case | rendering pages | pagefind | peak memory (RSS) | peak JS heap | heap live after | dist size | one case page |',
		'| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
		...runs.map((r) =>
			r.ok
				? `| ${r.cases} | ${r.pages} | ${seconds(r.wallMs)} | ${(r.wallMs / r.cases).toFixed(0)} ms | ${seconds(r.cpuMs)} | ${(r.cpuMs / r.cases).toFixed(0)} ms | ${seconds(renderMs(r))} | ${seconds(r.pagefindMs)} | ${(r.maxRssKB / 1024).toFixed(0)} MB | ${mb(r.peakHeapMB)} | ${mb(r.liveAfterMB)} | ${(r.distBytes / 1024 / 1024).toFixed(1)} MB | ${(r.casePageBytes / 1024).toFixed(0)} KB |`
				: `| ${r.cases} | build failed | | | | | | | | | | | |`,
		),
	];
	// The marginal cost between consecutive counts takes the fixed start-up cost out of the comparison.
	const ok = runs.filter((r) => r.ok);
	const marginal = ok.slice(1).map((r, i) => {
		const prev = ok[i];
		const per = (a: number, b: number) => ((a - b) / (r.cases - prev.cases)).toFixed(0);
		return `${prev.cases}→${r.cases}: ${per(r.wallMs, prev.wallMs)} ms wall, ${per(r.cpuMs, prev.cpuMs)} ms CPU per added case`;
	});
	const memory = ok.slice(1).map((r, i) => `${ok[i].cases}→${r.cases}: ${((r.maxRssKB - ok[i].maxRssKB) / 1024 / (r.cases - ok[i].cases)).toFixed(1)} MB`);
	return [...rows, '', marginal.length ? `Marginal cost: ${marginal.join('; ')}.` : '', memory.length ? `Peak memory per added case: ${memory.join('; ')}.` : ''].join('\n');
}

if (import.meta.main) {
	const runs: BuildRun[] = [];
	for (const count of counts) {
		process.stdout.write(`building ${count} ${real ? 'real-size' : 'synthetic'} cases… `);
		const run = await buildOnce(count);
		runs.push(run);
		console.log(run.ok ? `${seconds(run.wallMs)} wall, ${seconds(run.cpuMs)} CPU, ${run.pages} pages, ${(run.maxRssKB / 1024).toFixed(0)} MB peak (load average ${run.loadBefore.toFixed(1)} at start)` : 'FAILED');
		if (!run.ok) console.error(run.tail);
	}
	console.log(`\n${scalingTable(runs)}`);
	if (jsonOut) writeFileSync(jsonOut, JSON.stringify(runs, null, 2));
	if (runs.some((r) => !r.ok)) process.exit(1);
}
