/**
 * `npm run bench:build`: how the build scales with the number of cases.
 * For each count it writes that many synthetic cases (tests/fixtures/cases/valid.mdx
 * with a varied title, slug, domain, difficulty and mermaid diagram each) into a
 * temporary copy of the project, builds it cold (no diagram cache), and reports
 * build time, peak memory and time per case. The per-case cost should stay flat.
 *
 *   npm run bench:build -- [--counts 10,100,500] [--real] [--node-flags "--max-old-space-size=1536"] [--json out.json] [--timeline out.json] [--keep (the copy and its build.log)]
 *
 * `--real` builds copies of the real cases instead (full size, every diagram rendered).
 *
 * Peak memory is the resident set of the build's whole process tree (the build and what it
 * runs, pagefind among them), sampled from /proc every 100 ms and tagged with the build phase
 * Astro's log is in; the JS heap is sampled inside the build and tagged the same way.
 *
 * To see what holds memory (each into the project copy; add --keep):
 *   MLSD_HEAP_SNAPSHOT_PHASE=pagefind   a heap snapshot, after a full collection, as that phase starts
 *   MLSD_HEAP_SNAPSHOT_MB=600           a heap snapshot when the JS heap first passes 600 MB
 *   MLSD_SMAPS_PHASE=pagefind           the build process's /proc/<pid>/smaps as that phase starts
 *   MLSD_KEEP_PRERENDER=1               a copy of the server bundle pages render from (dist/.prerender)
 *   MIMALLOC_SHOW_STATS=1               the bundler's allocator statistics at exit (in build.log)
 */
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import { formatBytes } from '../src/lib/numbers/estimates.ts';
import { BUILD_PHASES, lineSplitter, nextPhase, type BuildPhase } from '../src/lib/tooling/build-phases.ts';
import { processTree, readProcesses, treeMemory } from '../src/lib/tooling/process-memory.ts';

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
	// The phase this process's own log says it is in, so each heap sample is charged to a phase.
	let phase: BuildPhase = BUILD_PHASES[0];
	const phaseHeap: Partial<Record<BuildPhase, { heapMB: number; heapTotalMB: number; externalMB: number }>> = {};
	// The server bundle the pages render from (dist/.prerender, removed after rendering): its size when rendering starts.
	let serverBundle: { bytes: number; files: number; largest: number } | undefined;
	const feed = lineSplitter((line) => {
		const next = nextPhase(phase, line);
		// MLSD_HEAP_SNAPSHOT_PHASE=pagefind: one heap snapshot (after a full collection) as that phase starts: what the build still holds then.
		if (next !== phase && next === process.env.MLSD_HEAP_SNAPSHOT_PHASE) {
			(globalThis as { gc?: () => void }).gc?.();
			process.stderr.write(`\nheap snapshot: ${join(process.cwd(), v8.writeHeapSnapshot())}\n`);
		}
		if (next === 'rendering pages' && phase !== next) {
			const dir = join(process.cwd(), 'dist', '.prerender');
			const sizes = readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => statSync(join(dir, f))).filter((st) => st.isFile()).map((st) => st.size);
			serverBundle = { bytes: sizes.reduce((a, b) => a + b, 0), files: sizes.length, largest: Math.max(...sizes) };
			if (process.env.MLSD_KEEP_PRERENDER) cpSync(dir, join(process.cwd(), 'prerender-kept'), { recursive: true });
		}
		phase = next;
	});
	for (const stream of [process.stdout, process.stderr]) {
		const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
		stream.write = ((chunk: unknown, ...rest: unknown[]) => {
			feed(String(chunk));
			return write(chunk, ...rest);
		}) as typeof stream.write;
	}
	// MLSD_HEAP_SNAPSHOT_MB=600: write one heap snapshot (into the project copy) when the heap first passes 600 MB, to see what holds it.
	const snapshotAt = Number(process.env.MLSD_HEAP_SNAPSHOT_MB ?? 0) * 2 ** 20;
	let snapshotWritten = false;
	const sample = () => {
		const m = process.memoryUsage();
		if (snapshotAt && !snapshotWritten && m.heapUsed > snapshotAt) {
			snapshotWritten = true;
			process.stdout.write(`\nheap snapshot: ${join(process.cwd(), v8.writeHeapSnapshot())}\n`);
		}
		const at = (phaseHeap[phase] ??= { heapMB: 0, heapTotalMB: 0, externalMB: 0 });
		at.heapMB = Math.max(at.heapMB, m.heapUsed / 2 ** 20);
		at.heapTotalMB = Math.max(at.heapTotalMB, m.heapTotal / 2 ** 20);
		at.externalMB = Math.max(at.externalMB, m.external / 2 ** 20);
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
	process.stdout.write(`\nBENCH_RESULT ${JSON.stringify({ maxRssKB: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000, childrenMs: childrenCpuMs(), peakHeapMB: peak.heapUsed / 2 ** 20, peakExternalMB: peak.external / 2 ** 20, liveAfterMB, phaseHeap, serverBundle })}\n`);
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
/** Node's flags in package.json's `build` script (heap limit, preloaded modules), so the benchmark builds as `npm run build` does. */
export function buildScriptNodeFlags(script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.build ?? ''): string[] {
	// The flags between `node` and Astro's CLI in the command that runs it (not the preflight before `&&`).
	const m = script.match(/(?:^|&&)\s*node\s+((?:(?!&&)\S+\s+)*?)node_modules\/astro\/bin\/astro\.mjs\s+build\b/);
	return m ? m[1].split(/\s+/).filter(Boolean) : [];
}
/** Flags for the build process: package.json's by default; `--node-flags "--max-old-space-size=1024"` to try others. */
const nodeFlags = option('node-flags') !== undefined ? option('node-flags')!.split(' ').filter(Boolean) : buildScriptNodeFlags();
const keep = args.includes('--keep');
/** `--timeline out.json`: every memory sample with its phase and the last log line (the page rendered before it). */
const timelineOut = option('timeline');
type Sample = { s: number; phase: BuildPhase; rssMB: number; anonMB: number; lastLine: string };

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
 * slugs and titles (the title numbered and quoted: a title may hold ": " and has at most 59 characters). Each copy's diagrams get a comment line, so every diagram is
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
		files[`case-studies/${slug}-copy-${n}.mdx`] = text.replace(/^title: (.*)$/m, (_, title: string) => `title: ${JSON.stringify(`${title.replace(/^(['"])(.*)\1$/, '$2').replace(/\\"/g, '"')} (${n})`)}`).replace(/```mermaid\n/g, `\`\`\`mermaid\n%% copy ${n}\n`);
	}
	return files;
}

/** Memory while the build was in one phase. */
export interface PhaseMemory {
	/** Wall time spent in the phase, from the samples' clock. */
	ms: number;
	/** Largest resident set of the whole process tree, and of the build process's anonymous memory (heaps and native allocations). */
	treeRssMB: number;
	rootAnonMB: number;
	/** Largest JS heap in use, the heap V8 had reserved for it, and memory held outside it (buffers), sampled inside the build. */
	heapMB?: number;
	heapTotalMB?: number;
	externalMB?: number;
	/** Resident set per process name at the phase's peak (pagefind shows up here). */
	atPeak: Record<string, number>;
}

export interface BuildRun {
	cases: number;
	pages: number;
	wallMs: number;
	/** Largest resident set of the build process alone (process.resourceUsage). */
	maxRssKB: number;
	/** Largest resident set of the build's process tree (the build and pagefind), sampled from /proc; what a CI runner must hold. */
	peakTreeRssMB?: number;
	/** The server bundle pages render from (dist/.prerender) when rendering starts: bytes, files, largest file. */
	serverBundle?: { bytes: number; files: number; largest: number };
	/** Peak memory per build phase, in the order the build went through them. */
	phaseMemory?: Partial<Record<BuildPhase, PhaseMemory>>;
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
		const phaseMemory: Partial<Record<BuildPhase, PhaseMemory>> = {};
		const timeline: Sample[] | undefined = timelineOut ? [] : undefined;
		let peakTreeRssKB = 0;
		const output = await new Promise<{ code: number | null; text: string }>((resolve) => {
			const child = spawn(process.execPath, ['--expose-gc', ...nodeFlags, 'scripts/bench-build.ts', '--child'], { cwd: root, env });
			let text = '';
			let phase: BuildPhase = BUILD_PHASES[0];
			let last = performance.now();
			let lastLine = '';
			// Samples the tree from outside: the build's own timers stall while it runs synchronous work.
			const sample = () => {
				const now = performance.now();
				const tree = processTree(readProcesses(), child.pid!);
				const at = (phaseMemory[phase] ??= { ms: 0, treeRssMB: 0, rootAnonMB: 0, atPeak: {} });
				at.ms += now - last;
				last = now;
				if (!tree.length) return;
				const m = treeMemory(tree);
				if (timeline) timeline.push({ s: Math.round(now - start) / 1000, phase, rssMB: Math.round(m.rssKB / 1024), anonMB: Math.round(m.rootAnonKB / 1024), lastLine });
				peakTreeRssKB = Math.max(peakTreeRssKB, m.rssKB);
				if (m.rssKB / 1024 > at.treeRssMB) {
					at.treeRssMB = m.rssKB / 1024;
					at.atPeak = Object.fromEntries(Object.entries(m.byName).map(([name, kb]) => [name, Math.round(kb / 1024)]));
				}
				at.rootAnonMB = Math.max(at.rootAnonMB, m.rootAnonKB / 1024);
			};
			const timer = setInterval(sample, 100);
			const onLine = (line: string) => {
				if (line.trim()) lastLine = line.trim().slice(0, 120);
				const next = nextPhase(phase, line);
				if (next !== phase) {
					sample();
					phase = next;
					// MLSD_SMAPS_PHASE=pagefind: the build process's memory map as that phase starts (into the copy; with --keep).
					if (next === process.env.MLSD_SMAPS_PHASE) writeFileSync(join(root, `smaps-${next.replace(/\W+/g, '-')}.txt`), readFileSync(`/proc/${child.pid}/smaps`));
				}
			};
			const fromStdout = lineSplitter(onLine);
			const fromStderr = lineSplitter(onLine);
			child.stdout.on('data', (d) => {
				text += d;
				fromStdout(String(d));
			});
			child.stderr.on('data', (d) => {
				text += d;
				fromStderr(String(d));
			});
			child.on('close', (code) => {
				clearInterval(timer);
				resolve({ code, text });
			});
		});
		const wallMs = performance.now() - start;
		if (keep) writeFileSync(join(root, 'build.log'), output.text);
		if (timeline) writeFileSync(timelineOut!.replace(/(\.json)?$/, `-${count}.json`), JSON.stringify(timeline));
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
		for (const [name, heap] of Object.entries((usage.phaseHeap ?? {}) as Record<BuildPhase, { heapMB: number; heapTotalMB: number; externalMB: number }>)) {
			const at = phaseMemory[name as BuildPhase];
			if (at) Object.assign(at, heap);
		}
		const firstCase = Object.keys(cases)[0].replace(/^case-studies\/|\.mdx$/g, '');
		const casePage = join(root, 'dist', 'cases', firstCase, 'index.html');
		return {
			cases: count,
			pages,
			wallMs,
			maxRssKB: usage.maxRssKB,
			peakTreeRssMB: peakTreeRssKB / 1024,
			phaseMemory,
			serverBundle: usage.serverBundle,
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
/** The peak the goal is about: the whole tree when it was sampled, else the build process alone (older results). */
export const peakMB = (r: BuildRun) => r.peakTreeRssMB ?? r.maxRssKB / 1024;
const renderMs = (r: BuildRun) => Object.entries(r.phases).find(([name]) => /generating static routes/i.test(name))?.[1];

export function scalingTable(runs: BuildRun[]): string {
	const rows = [
		'| cases | pages | wall time | wall per case | CPU time | CPU per case | rendering pages | pagefind | peak memory (RSS) | peak JS heap | heap live after | dist size | one case page |',
		'| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
		...runs.map((r) =>
			r.ok
				? `| ${r.cases} | ${r.pages} | ${seconds(r.wallMs)} | ${(r.wallMs / r.cases).toFixed(0)} ms | ${seconds(r.cpuMs)} | ${(r.cpuMs / r.cases).toFixed(0)} ms | ${seconds(renderMs(r))} | ${seconds(r.pagefindMs)} | ${peakMB(r).toFixed(0)} MB | ${mb(r.peakHeapMB)} | ${mb(r.liveAfterMB)} | ${formatBytes(r.distBytes)} | ${formatBytes(r.casePageBytes, 0)} |`
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
	const memory = ok.slice(1).map((r, i) => `${ok[i].cases}→${r.cases}: ${((peakMB(r) - peakMB(ok[i])) / (r.cases - ok[i].cases)).toFixed(1)} MB`);
	return [...rows, '', marginal.length ? `Marginal cost: ${marginal.join('; ')}.` : '', memory.length ? `Peak memory per added case: ${memory.join('; ')}.` : ''].join('\n');
}

/**
 * Peak memory per build phase, one column per case count: the process tree's resident set (bold),
 * the build process's anonymous memory, its JS heap in use / reserved by V8, and the time in the
 * phase, all in MB, so growth can be charged to a phase and to native memory or the JS heap.
 */
export function phaseTable(runs: BuildRun[]): string {
	const ok = runs.filter((r) => r.ok && r.phaseMemory);
	if (!ok.length) return '';
	const heap = (p: PhaseMemory) => (p.heapMB === undefined ? '' : ` · heap ${p.heapMB.toFixed(0)}/${p.heapTotalMB?.toFixed(0) ?? '–'}`);
	const cell = (p: PhaseMemory | undefined) => (p ? `**${p.treeRssMB.toFixed(0)}** · anon ${p.rootAnonMB.toFixed(0)}${heap(p)} · ${seconds(p.ms)}` : '–');
	const first = ok[0];
	const last = ok.at(-1)!;
	const slope = (phase: BuildPhase) => {
		const a = first.phaseMemory![phase];
		const b = last.phaseMemory![phase];
		return a && b && last.cases > first.cases ? `${((b.treeRssMB - a.treeRssMB) / (last.cases - first.cases)).toFixed(1)} MB` : '–';
	};
	const phases = BUILD_PHASES.filter((phase) => ok.some((r) => r.phaseMemory![phase]));
	return [
		`| phase | ${ok.map((r) => `${r.cases} cases`).join(' | ')} | tree RSS per added case |`,
		`| --- | ${ok.map(() => '---:').join(' | ')} | ---: |`,
		...phases.map((phase) => `| ${phase} | ${ok.map((r) => cell(r.phaseMemory![phase])).join(' | ')} | ${slope(phase)} |`),
		'',
		...ok.map((r) => {
			const [phase, at] = Object.entries(r.phaseMemory!).reduce((a, b) => (b[1].treeRssMB > a[1].treeRssMB ? b : a));
			const procs = Object.entries(at.atPeak).sort((a, b) => b[1] - a[1]).map(([name, m]) => `${name} ${m} MB`).join(', ');
			return `${r.cases} cases peak in "${phase}": ${procs}.`;
		}),
	].join('\n');
}

if (import.meta.main) {
	const runs: BuildRun[] = [];
	for (const count of counts) {
		process.stdout.write(`building ${count} ${real ? 'real-size' : 'synthetic'} cases… `);
		const run = await buildOnce(count);
		runs.push(run);
		console.log(run.ok ? `${seconds(run.wallMs)} wall, ${seconds(run.cpuMs)} CPU, ${run.pages} pages, ${peakMB(run).toFixed(0)} MB peak (load average ${run.loadBefore.toFixed(1)} at start)` : 'FAILED');
		if (!run.ok) console.error(run.tail);
	}
	console.log(`\n${scalingTable(runs)}\n\n${phaseTable(runs)}`);
	if (jsonOut) writeFileSync(jsonOut, JSON.stringify(runs, null, 2));
	if (runs.some((r) => !r.ok)) process.exit(1);
}
