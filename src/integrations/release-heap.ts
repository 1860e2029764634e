import type { AstroIntegration } from 'astro';

type Gc = (options?: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

/**
 * Gives the JS heap that rendering used back to the system once every page is written, before
 * Starlight's hook (listed after this one) starts pagefind. Pagefind is a second process whose
 * memory grows with the indexed text, and the build process waits for it holding every heap page
 * rendering ever needed: V8 returns them only when it reduces memory on its own, which a waiting
 * process may not get to before pagefind ends. `npm run build` runs node with --expose-gc for this;
 * without it (a bare `astro build`) nothing happens. bench/RESULTS.md, "Build scaling", has the figures.
 */
export function releaseHeap(): AstroIntegration {
	return {
		name: 'mlsd:release-heap',
		hooks: {
			'astro:build:done': () => {
				// "last-resort": full collections that also unmap the freed pages (a plain gc() keeps them resident).
				(globalThis as { gc?: Gc }).gc?.({ type: 'major', execution: 'sync', flavor: 'last-resort' });
			},
		},
	};
}
