/**
 * The phase an `astro build` is in, read from its log as the lines arrive, so
 * scripts/bench-build.ts can tag each memory sample with the work that caused it.
 */

/** Phases in the order a build goes through them. */
export const BUILD_PHASES = [
	'config (content check)',
	'content sync',
	'types and build info',
	'bundling: server',
	'bundling: client',
	'rearranging assets',
	'rendering pages',
	'pagefind',
	'sitemap and finish',
] as const;

export type BuildPhase = (typeof BUILD_PHASES)[number];

/** The log line that starts each phase after the first (astro.config.ts runs the content check before Astro logs anything). */
const STARTS: [RegExp, BuildPhase][] = [
	[/\[content\] Syncing content/, 'content sync'],
	[/\[content\] Synced content/, 'types and build info'],
	[/\[build\] Building static entrypoints/, 'bundling: server'],
	[/\[build\] Rearranging server assets/, 'rearranging assets'],
	[/^\s*generating static routes\s*$/, 'rendering pages'],
	[/\[starlight:pagefind\] Building search index/, 'pagefind'],
	[/\[starlight:pagefind\] Finished building search index/, 'sitemap and finish'],
];

/** The phase after `line`, given the phase before it. */
export function nextPhase(current: BuildPhase, line: string): BuildPhase {
	// Vite logs "✓ built in" once per environment: the server bundle (prerendered pages) first, then the client scripts.
	if (current === 'bundling: server' && /\[vite\] ✓ built in/.test(line)) return 'bundling: client';
	for (const [pattern, phase] of STARTS) if (pattern.test(line)) return phase;
	return current;
}

/** Splits a stream of log text into lines as they complete, calling `onLine` for each; returns the function to feed chunks to. */
export function lineSplitter(onLine: (line: string) => void): (chunk: string) => void {
	let rest = '';
	return (chunk) => {
		const lines = (rest + chunk).split('\n');
		rest = lines.pop() ?? '';
		for (const line of lines) onLine(line);
	};
}
