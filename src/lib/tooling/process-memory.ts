/**
 * Resident memory of a process and everything it started (Linux /proc), for
 * scripts/bench-build.ts: a build's peak is the sum over its process tree
 * (node, plus pagefind and any other helper it runs), not one process's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ProcessMemory {
	pid: number;
	ppid: number;
	name: string;
	/** Resident set, and its parts: anonymous memory (heaps, native allocations) and mapped files (code, shared libraries). */
	rssKB: number;
	anonKB: number;
	fileKB: number;
}

/** One process's memory from the text of /proc/<pid>/status; undefined for a kernel thread or a process without a resident set. */
export function parseStatus(pid: number, status: string): ProcessMemory | undefined {
	const field = (name: string) => status.match(new RegExp(`^${name}:\\s*(.*)$`, 'm'))?.[1].trim();
	const kb = (name: string) => Number(field(name)?.replace(/\s*kB$/, '') ?? NaN);
	const rssKB = kb('VmRSS');
	if (!Number.isFinite(rssKB)) return undefined;
	return { pid, ppid: Number(field('PPid')), name: field('Name') ?? '?', rssKB, anonKB: kb('RssAnon') || 0, fileKB: kb('RssFile') || 0 };
}

/** Every process the reader may see, from `proc` (/proc); processes that end while it reads are skipped. */
export function readProcesses(proc = '/proc'): ProcessMemory[] {
	const all: ProcessMemory[] = [];
	for (const entry of readdirSync(proc)) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const p = parseStatus(Number(entry), readFileSync(join(proc, entry, 'status'), 'utf8'));
			if (p) all.push(p);
		} catch {
			// Gone between the listing and the read.
		}
	}
	return all;
}

/** `root` and its descendants in `processes`, root first; empty if root is not among them. */
export function processTree(processes: ProcessMemory[], root: number): ProcessMemory[] {
	const children = new Map<number, ProcessMemory[]>();
	for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
	const top = processes.find((p) => p.pid === root);
	if (!top) return [];
	const tree = [top];
	for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i].pid) ?? []));
	return tree;
}

export interface TreeMemory {
	/** Sum of the tree's resident sets (shared library pages count once per process, as `ps` and CI runners count them). */
	rssKB: number;
	/** The root process's anonymous memory: heaps, buffers and native allocations, without mapped code. */
	rootAnonKB: number;
	/** Resident set per process name, for what else runs (pagefind, esbuild). */
	byName: Record<string, number>;
}

export function treeMemory(tree: ProcessMemory[]): TreeMemory {
	const byName: Record<string, number> = {};
	for (const p of tree) byName[p.name] = (byName[p.name] ?? 0) + p.rssKB;
	return { rssKB: tree.reduce((sum, p) => sum + p.rssKB, 0), rootAnonKB: tree[0]?.anonKB ?? 0, byName };
}
