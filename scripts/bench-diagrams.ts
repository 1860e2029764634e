/**
 * Diagram rendering benchmark:
 *   node scripts/bench-diagrams.ts [--runs 3] [--no-spawn]
 *
 * Diagrams: every ```mermaid block in case-studies/*.mdx plus tests/fixtures/diagrams/good/*.mmd.
 * Reports the median milliseconds per diagram for
 *   - cold start: a fresh Node process per diagram, caches off (includes loading mermaid + jsdom);
 *   - cold, warm process: mermaid already loaded, caches off (what each further diagram of a build costs);
 *   - cached (disk): a fresh in-memory cache reading the disk cache (what a rebuild costs);
 *   - cached (memory): the same diagram again in one process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);

if (args[0] === '--child') {
	// One diagram in a fresh process, caches off; prints the render time in ms.
	const { configureDiagramCache, renderDiagram } = await import('../src/lib/diagrams/index.ts');
	configureDiagramCache({ dir: null, memory: false });
	const source = readFileSync(args[1]!, 'utf8');
	const t = performance.now();
	await renderDiagram(source);
	process.stdout.write(String(performance.now() - t));
	process.exit(0);
}

const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
const spawn = !args.includes('--no-spawn');

interface Diagram {
	name: string;
	source: string;
	file?: string;
}

function collect(): Diagram[] {
	const out: Diagram[] = [];
	const cases = join(root, 'case-studies');
	for (const f of readdirSync(cases).filter((f) => f.endsWith('.mdx')).sort()) {
		const text = readFileSync(join(cases, f), 'utf8');
		let i = 0;
		for (const m of text.matchAll(/^([ \t]*)```mermaid[^\n]*\n([\s\S]*?)^\1```/gm)) {
			const indent = m[1]!;
			out.push({ name: `${f}#${++i}`, source: m[2]!.split('\n').map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l)).join('\n') });
		}
	}
	const good = join(root, 'tests/fixtures/diagrams/good');
	for (const f of readdirSync(good).filter((f) => f.endsWith('.mmd')).sort()) {
		out.push({ name: f, source: readFileSync(join(good, f), 'utf8'), file: join(good, f) });
	}
	return out;
}

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const fmt = (ms: number) => `${ms.toFixed(ms < 1 ? 3 : 1)} ms`;
const diagrams = collect();
console.log(`${diagrams.length} diagrams (${diagrams.filter((d) => !d.file).length} from case-studies, ${diagrams.filter((d) => d.file).length} fixtures)\n`);

const { clearMemoryCache, configureDiagramCache, renderDiagram } = await import('../src/lib/diagrams/index.ts');

if (spawn) {
	const scratch = mkdtempSync(join(tmpdir(), 'mlsd-bench-'));
	const inProcess: number[] = [];
	const wall: number[] = [];
	for (const d of diagrams) {
		let file = d.file;
		if (!file) {
			file = join(scratch, `${inProcess.length}.mmd`);
			(await import('node:fs')).writeFileSync(file, d.source);
		}
		const t = performance.now();
		const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', file], { encoding: 'utf8' });
		wall.push(performance.now() - t);
		if (r.status !== 0) throw new Error(`${d.name}: ${r.stderr}`);
		inProcess.push(Number(r.stdout));
	}
	rmSync(scratch, { recursive: true, force: true });
	console.log(`cold start (fresh process, caches off): median ${fmt(median(inProcess))} to render, ${fmt(median(wall))} process wall time`);
}

// Cold in a warm process: load mermaid once, then render every diagram with caches off.
configureDiagramCache({ dir: null, memory: false });
await renderDiagram('flowchart LR\n  warm --> up\n');
const cold: number[] = [];
const perDiagram = new Map<string, number[]>();
for (let r = 0; r < runs; r++) {
	for (const d of diagrams) {
		const t = performance.now();
		await renderDiagram(d.source);
		const ms = performance.now() - t;
		cold.push(ms);
		perDiagram.set(d.name, [...(perDiagram.get(d.name) ?? []), ms]);
	}
}
console.log(`cold, warm process (caches off, ${runs} runs): median ${fmt(median(cold))} per diagram`);

// Cached: fill a scratch disk cache, then read from it with an empty memory cache.
const cacheDir = mkdtempSync(join(tmpdir(), 'mlsd-diagram-cache-'));
configureDiagramCache({ dir: cacheDir, memory: true });
for (const d of diagrams) await renderDiagram(d.source);
const disk: number[] = [];
const mem: number[] = [];
for (let r = 0; r < runs; r++) {
	clearMemoryCache();
	for (const d of diagrams) {
		const t = performance.now();
		await renderDiagram(d.source);
		disk.push(performance.now() - t);
	}
	for (const d of diagrams) {
		const t = performance.now();
		await renderDiagram(d.source);
		mem.push(performance.now() - t);
	}
}
rmSync(cacheDir, { recursive: true, force: true });
console.log(`cached, disk (rebuild): median ${fmt(median(disk))} per diagram`);
console.log(`cached, memory (same diagram twice): median ${fmt(median(mem))} per diagram`);

console.log('\nslowest diagrams (median cold, warm process):');
[...perDiagram.entries()]
	.map(([name, xs]) => [name, median(xs)] as const)
	.sort((a, b) => b[1] - a[1])
	.slice(0, 5)
	.forEach(([name, ms]) => console.log(`  ${fmt(ms).padStart(9)}  ${name}`));
