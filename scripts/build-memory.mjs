/**
 * Preloaded by `npm run build` (`node --import`), before Astro loads its bundler.
 *
 * Rolldown, the bundler, allocates through its own mimalloc, which keeps freed memory committed
 * for a while and gives it back only when the same threads allocate again. After "Building static
 * entrypoints" its threads never do, so all the memory the bundle needed (a few MB per case) stayed
 * resident through page rendering and pagefind. Purging at once returns it, for ~3% more CPU
 * (bench/RESULTS.md, "Build scaling"). mimalloc reads its options once, when rolldown's native
 * module loads, so this must run first; a value set by the caller wins.
 */
process.env.MIMALLOC_PURGE_DELAY ??= '0';
