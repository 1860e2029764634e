/** Is the built site in dist/ current with the sources? If not, build it (the PDFs are printed from it). */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PdfError } from './errors.ts';

/** What the site is built from; a change to any of these makes dist/ stale. */
export const SITE_SOURCES = ['src', 'case-studies', 'templates', 'astro.config.ts', 'package.json'];

/** A file every current build writes and nothing edits afterwards (unlike pages that get PDF links). */
export const BUILD_STAMP = 'print/workbook/index.html';

/** Newest modification time (ms) under the given paths. */
export function newestMtime(root: string, paths: string[] = SITE_SOURCES): number {
	let newest = 0;
	const visit = (path: string) => {
		if (!existsSync(path)) return;
		const stat = statSync(path);
		if (stat.isDirectory()) {
			for (const name of readdirSync(path)) if (!name.startsWith('.') && name !== 'node_modules') visit(join(path, name));
		} else newest = Math.max(newest, stat.mtimeMs);
	};
	for (const p of paths) visit(join(root, p));
	return newest;
}

/** Why dist/ must be rebuilt, or undefined when it is current. */
export function staleReason(dist: string, root: string): string | undefined {
	const stamp = join(dist, BUILD_STAMP);
	if (!existsSync(stamp)) return existsSync(dist) ? 'built before the print layouts existed' : 'nothing built there yet';
	if (newestMtime(root) > statSync(stamp).mtimeMs) return 'sources changed since the last build';
	return undefined;
}

/** `astro build` into `dist`, output shown; throws a PdfError when it fails. */
export function buildSite(dist: string, root: string): void {
	const result = spawnSync('npx', ['astro', 'build', '--outDir', dist], { cwd: root, stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
	if (result.status !== 0) throw new PdfError(`The site did not build (astro build exited with ${result.status ?? result.signal}); fix the errors above and run \`npm run pdf\` again.`);
}
