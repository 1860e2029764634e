/**
 * Two caches: an in-process map (identical diagrams render once per process) and a disk cache
 * under node_modules/.cache/mlsd-diagrams/, keyed by a hash of (renderer version + source), so
 * rebuilds of unchanged diagrams skip mermaid entirely.
 *
 * The renderer version is a constant plus mermaid's and dagre's versions plus a hash of this
 * folder's sources, so editing the renderer invalidates the cache by itself.
 * Set MLSD_DIAGRAM_CACHE=off to disable the disk cache, or to a directory to move it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump when output changes in a way the source hash would not notice. */
export const RENDERER_VERSION = '2';

export interface CachedResult {
	svg: string;
	text: string;
	kind: 'flowchart' | 'sequence';
	width: number;
	warning?: { message: string; fix: string };
}

let version: string | undefined;

export function rendererVersion(): string {
	if (version) return version;
	const parts = [RENDERER_VERSION];
	try {
		const require = createRequire(import.meta.url);
		for (const pkg of ['mermaid/package.json', '@dagrejs/dagre/package.json']) {
			parts.push(String((require(pkg) as { version: string }).version));
		}
	} catch {
		// Bundled without node_modules access: the constant alone.
	}
	try {
		const dir = dirname(fileURLToPath(import.meta.url));
		const h = createHash('sha256');
		for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) h.update(f).update(readFileSync(join(dir, f)));
		parts.push(h.digest('hex').slice(0, 12));
	} catch {
		// Sources not readable (bundled): the constant alone.
	}
	version = parts.join('+');
	return version;
}

export function hashText(s: string, length = 16): string {
	return createHash('sha256').update(s).digest('hex').slice(0, length);
}

interface CacheConfig {
	/** Disk cache directory; null disables it; undefined means default / MLSD_DIAGRAM_CACHE. */
	dir?: string | null;
	/** In-process memoisation. Default true. */
	memory?: boolean;
}

let config: CacheConfig = {};
const memory = new Map<string, Promise<CachedResult>>();

/** For benchmarks and tests: choose the disk directory (null = off) and turn memoisation on/off. */
export function configureDiagramCache(c: CacheConfig): void {
	config = { ...config, ...c };
}

/** Empties the in-process map (the disk cache is left alone). */
export function clearMemoryCache(): void {
	memory.clear();
}

function diskDir(): string | null {
	if (config.dir !== undefined) return config.dir;
	const env = process.env.MLSD_DIAGRAM_CACHE;
	if (env && /^(0|off|false|no)$/i.test(env)) return null;
	if (env) return resolve(env);
	return resolve(process.cwd(), 'node_modules/.cache/mlsd-diagrams');
}

function readDisk(key: string): CachedResult | undefined {
	const dir = diskDir();
	if (!dir) return undefined;
	try {
		const data = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as CachedResult;
		if (typeof data.svg === 'string' && typeof data.text === 'string' && typeof data.width === 'number' && (data.kind === 'flowchart' || data.kind === 'sequence')) return data;
	} catch {
		// Missing or unreadable: render.
	}
	return undefined;
}

function writeDisk(key: string, value: CachedResult): void {
	const dir = diskDir();
	if (!dir) return;
	try {
		mkdirSync(dir, { recursive: true });
		const tmp = join(dir, `${key}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
		writeFileSync(tmp, JSON.stringify(value));
		renameSync(tmp, join(dir, `${key}.json`));
	} catch {
		// A read-only tree still builds, just without the disk cache.
	}
}

/** Runs `render` unless the result is cached in memory or on disk. Errors are not cached on disk. */
export function cached(source: string, render: () => Promise<CachedResult>): Promise<CachedResult> {
	const key = hashText(`${rendererVersion()}\0${source}`, 32);
	const useMemory = config.memory !== false;
	if (useMemory) {
		const hit = memory.get(key);
		if (hit) return hit;
	}
	const promise = (async () => {
		const disk = readDisk(key);
		if (disk) return disk;
		const value = await render();
		writeDisk(key, value);
		return value;
	})();
	if (useMemory) memory.set(key, promise);
	return promise;
}
