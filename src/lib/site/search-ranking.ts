/**
 * Pagefind's ranking weights, shared by Starlight's search modal
 * (astro.config.ts: `pagefind: { ranking: SEARCH_RANKING }`) and the search
 * page, so both order results the same way. These are Starlight's defaults:
 * they keep long case pages from being penalised for their length, and
 * `termSimilarity` keeps "calibration" above words that merely start with it.
 * The query table in tests/e2e/search.test.ts checks them.
 */
export const SEARCH_RANKING = {
	pageLength: 0.1,
	termFrequency: 0.1,
	termSaturation: 2,
	termSimilarity: 9,
};
