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
import { join } from 'node:path';

const args = process.argv.slice(2);

if (args[0] === '--child') {
	// Inside the project copy: build with Astro's API and report this process's peak memory.
	const { build } = await import('astro');
	await build({ root: process.cwd(), logLevel: 'info' });
	const usage = process.resourceUsage();
	process.stdout.write(`\nBENCH_RESULT ${JSON.stringify({ maxRssKB: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000 })}\n`);
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
	cpuMs: number;
	pagefindMs: number | undefined;
	distBytes: number;
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
		const usage = result ? JSON.parse(result[1]) : { maxRssKB: 0, userMs: 0, systemMs: 0 };
		const pages = Number(output.text.match(/(\d+) page\(s\) built/)?.[1] ?? 0);
		const pagefind = output.text.match(/Finished building search index in ([\d.]+)(m?s)/);
		const ok = output.code === 0 && !!result;
		return {
			cases: count,
			pages,
			wallMs,
			maxRssKB: usage.maxRssKB,
			cpuMs: usage.userMs + usage.systemMs,
			pagefindMs: pagefind ? Number(pagefind[1]) * (pagefind[2] === 's' ? 1000 : 1) : undefined,
			distBytes: ok ? dirBytes(join(root, 'dist')) : 0,
			ok,
			tail: ok ? undefined : output.text.split('\n').slice(-30).join('\n'),
		};
	} finally {
		if (keep) console.log(`  kept ${root}`);
		else rmSync(root, { recursive: true, force: true });
	}
}

export function scalingTable(runs: BuildRun[]): string {
	const rows = [
		'| cases | pages | build time | per case | peak memory (RSS) | dist size | pagefind |',
		'| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
		...runs.map((r) =>
			r.ok
				? `| ${r.cases} | ${r.pages} | ${(r.wallMs / 1000).toFixed(1)} s | ${(r.wallMs / r.cases).toFixed(0)} ms | ${(r.maxRssKB / 1024).toFixed(0)} MB | ${(r.distBytes / 1024 / 1024).toFixed(1)} MB | ${r.pagefindMs === undefined ? '–' : `${(r.pagefindMs / 1000).toFixed(1)} s`} |`
				: `| ${r.cases} | build failed | | | | | |`,
		),
	];
	// The marginal cost between consecutive counts removes the fixed start-up cost from the comparison.
	const marginal = runs
		.filter((r) => r.ok)
		.map((r, i, ok) => (i === 0 ? undefined : `${ok[i - 1].cases}→${r.cases}: ${((r.wallMs - ok[i - 1].wallMs) / (r.cases - ok[i - 1].cases)).toFixed(0)} ms per added case`))
		.filter(Boolean);
	return [...rows, '', marginal.length ? `Marginal cost: ${marginal.join('; ')}.` : ''].join('\n');
}

if (import.meta.main) {
	const runs: BuildRun[] = [];
	for (const count of counts) {
		process.stdout.write(`building ${count} synthetic cases… `);
		const run = await buildOnce(count);
		runs.push(run);
		console.log(run.ok ? `${(run.wallMs / 1000).toFixed(1)} s, ${run.pages} pages, ${(run.maxRssKB / 1024).toFixed(0)} MB peak` : 'FAILED');
		if (!run.ok) console.error(run.tail);
	}
	console.log(`\n${scalingTable(runs)}`);
	if (jsonOut) writeFileSync(jsonOut, JSON.stringify(runs, null, 2));
	if (runs.some((r) => !r.ok)) process.exit(1);
}
