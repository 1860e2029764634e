/**
 * Preloaded by `npm run build` (`node --import`), before Astro loads its bundler.
 *
 * Rolldown, the bundler, allocates through its own mimalloc, which keeps freed memory resident
 * until a delay has passed and the same threads allocate again. After "Building static
 * entrypoints" they never do, so the bundle's whole working set (about 2.7 MB per case) stayed
 * resident through page rendering and pagefind. Purging at once gives it back, for a few percent
 * more CPU (bench/RESULTS.md, "Build scaling"). mimalloc reads its options once, when rolldown's
 * native module loads, so this must run first; a value set by the caller wins.
 */
process.env.MIMALLOC_PURGE_DELAY ??= '0';
