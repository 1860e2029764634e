import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { releaseHeap } from '../../../src/integrations/release-heap.ts';
import { BUILD_PHASES, lineSplitter, nextPhase, type BuildPhase } from '../../../src/lib/tooling/build-phases.ts';
import { parseStatus, processTree, readProcesses, treeMemory, type ProcessMemory } from '../../../src/lib/tooling/process-memory.ts';
import { buildScriptNodeFlags } from '../../../scripts/bench-build.ts';

/** An `astro build` log as Astro 7 prints it (trimmed), with the phase each line should leave the build in. */
const LOG: [string, BuildPhase][] = [
	['15:39:01 [vite] Re-optimizing dependencies because lockfile has changed', 'config (content check)'],
	['15:39:02 [content] Syncing content', 'content sync'],
	['15:39:02 [content] Synced content', 'types and build info'],
	['15:39:02 [types] Generated 1.23s', 'types and build info'],
	['15:39:02 [build] Collecting build info...', 'types and build info'],
	['15:39:02 [build] Building static entrypoints...', 'bundling: server'],
	['15:39:07 [vite] ✓ built in 4.68s', 'bundling: client'],
	['15:39:07 [vite] ✓ built in 398ms', 'bundling: client'],
	['15:39:07 [build] Rearranging server assets...', 'rearranging assets'],
	[' generating static routes ', 'rendering pages'],
	['15:39:09   ├─ /404.html (+279ms) ', 'rendering pages'],
	['15:39:15 ✓ Completed in 7.72s.', 'rendering pages'],
	['15:39:15 [starlight:pagefind] Building search index with Pagefind...', 'pagefind'],
	['15:39:16 [starlight:pagefind] Found 94 HTML files.', 'pagefind'],
	['15:39:16 [starlight:pagefind] Finished building search index in 1.10s.', 'sitemap and finish'],
	['15:39:16 [build] 94 page(s) built in 16.26s', 'sitemap and finish'],
];

describe('nextPhase', () => {
	it('follows an astro build log through its phases, in order', () => {
		let phase: BuildPhase = BUILD_PHASES[0];
		const seen: BuildPhase[] = [];
		for (const [line, expected] of LOG) {
			phase = nextPhase(phase, line);
			expect(phase, line).toBe(expected);
			if (seen.at(-1) !== phase) seen.push(phase);
		}
		expect(seen).toEqual(BUILD_PHASES.filter((p) => seen.includes(p)));
		expect(seen).toHaveLength(BUILD_PHASES.length);
	});

	it('takes only the first "built in" after the server bundle for the client bundle', () => {
		expect(nextPhase('rendering pages', '[vite] ✓ built in 1s')).toBe('rendering pages');
		expect(nextPhase('bundling: server', '[vite] ✓ built in 1s')).toBe('bundling: client');
	});

	it('does not take a page named like a phase for the phase', () => {
		expect(nextPhase('rendering pages', '  ├─ /guides/generating-static-routes/index.html (+3ms)')).toBe('rendering pages');
	});
});

describe('lineSplitter', () => {
	it('hands on whole lines however the chunks are cut', () => {
		const lines: string[] = [];
		const feed = lineSplitter((l) => lines.push(l));
		feed('[content] Sync');
		feed('ing content\n[content] Synced');
		feed(' content\npartial');
		expect(lines).toEqual(['[content] Syncing content', '[content] Synced content']);
	});
});

const STATUS = (pid: number, ppid: number, name: string, rss: number, anon: number, file: number) =>
	`Name:\t${name}\nUmask:\t0022\nState:\tS (sleeping)\nPid:\t${pid}\nPPid:\t${ppid}\nVmPeak:\t 9999999 kB\nVmRSS:\t  ${rss} kB\nRssAnon:\t  ${anon} kB\nRssFile:\t  ${file} kB\nRssShmem:\t       0 kB\n`;

describe('process memory', () => {
	it('reads a process from /proc/<pid>/status, and nothing from a kernel thread', () => {
		expect(parseStatus(10, STATUS(10, 1, 'node', 1500, 1200, 300))).toEqual({ pid: 10, ppid: 1, name: 'node', rssKB: 1500, anonKB: 1200, fileKB: 300 });
		expect(parseStatus(2, 'Name:\tkthreadd\nPid:\t2\nPPid:\t0\n')).toBeUndefined();
	});

	it('sums a process and all its descendants, not its parent or siblings', () => {
		const p = (pid: number, ppid: number, name: string, rssKB: number): ProcessMemory => ({ pid, ppid, name, rssKB, anonKB: rssKB - 100, fileKB: 100 });
		const all = [p(1, 0, 'init', 10), p(50, 1, 'npm', 80), p(100, 50, 'node', 1000), p(101, 100, 'pagefind', 300), p(102, 101, 'worker', 20), p(200, 50, 'other', 500)];
		const tree = processTree(all, 100);
		expect(tree.map((x) => x.pid)).toEqual([100, 101, 102]);
		expect(treeMemory(tree)).toEqual({ rssKB: 1320, rootAnonKB: 900, byName: { node: 1000, pagefind: 300, worker: 20 } });
		expect(processTree(all, 999)).toEqual([]);
	});

	it('reads a /proc directory, skipping what is not a process and processes that went away', () => {
		const proc = mkdtempSync(join(tmpdir(), 'mlsd-proc-'));
		for (const [pid, text] of [['7', STATUS(7, 1, 'node', 900, 800, 100)], ['8', STATUS(8, 7, 'pagefind', 60, 50, 10)]]) {
			mkdirSync(join(proc, pid));
			writeFileSync(join(proc, pid, 'status'), text);
		}
		mkdirSync(join(proc, '9')); // ended: no status file any more
		mkdirSync(join(proc, 'self'));
		expect(readProcesses(proc).map((x) => [x.pid, x.name]).sort()).toEqual([
			[7, 'node'],
			[8, 'pagefind'],
		]);
	});
});

describe('buildScriptNodeFlags', () => {
	it('takes the flags of the node that runs Astro, not of the preflight', () => {
		expect(buildScriptNodeFlags('node scripts/require-node.mjs && node --import ./scripts/build-memory.mjs --max-old-space-size=1536 node_modules/astro/bin/astro.mjs build')).toEqual(['--import', './scripts/build-memory.mjs', '--max-old-space-size=1536']);
		expect(buildScriptNodeFlags('node node_modules/astro/bin/astro.mjs build')).toEqual([]);
		expect(buildScriptNodeFlags('astro build')).toEqual([]);
	});
});

describe('what npm run build runs with to stay small', () => {
	const flags = buildScriptNodeFlags(JSON.parse(readFileSync('package.json', 'utf8')).scripts.build);

	it('preloads scripts/build-memory.mjs and exposes gc (for the release-heap integration)', () => {
		expect(flags.join(' ')).toContain('--import ./scripts/build-memory.mjs');
		expect(flags).toContain('--expose-gc');
	});

	it('scripts/build-memory.mjs makes the bundler purge freed memory at once, unless the caller chose otherwise', () => {
		const env = (extra: Record<string, string>) => {
			const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'MIMALLOC_PURGE_DELAY'));
			const r = spawnSync(process.execPath, ['--import', './scripts/build-memory.mjs', '-e', 'console.log(process.env.MIMALLOC_PURGE_DELAY)'], { encoding: 'utf8', env: { ...base, ...extra } });
			return r.stdout.trim();
		};
		expect(env({})).toBe('0');
		expect(env({ MIMALLOC_PURGE_DELAY: '250' })).toBe('250');
	});
});

describe('releaseHeap', () => {
	const g = globalThis as { gc?: unknown };
	const saved = g.gc;
	afterEach(() => {
		g.gc = saved;
	});
	const done = () => (releaseHeap().hooks['astro:build:done'] as () => void)();

	it('runs the collection that unmaps freed heap pages when the build was started with --expose-gc', () => {
		const gc = vi.fn();
		g.gc = gc;
		done();
		expect(gc).toHaveBeenCalledWith({ type: 'major', execution: 'sync', flavor: 'last-resort' });
	});

	it('does nothing without it (a bare astro build)', () => {
		g.gc = undefined;
		expect(done).not.toThrow();
	});
});
