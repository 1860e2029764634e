import type { MiddlewareHandler } from 'astro';
import { contentOverlayError, currentDevContentState } from '../lib/content/dev-report.ts';

/**
 * In `astro dev` only: while the content has problems, every page answers with the located
 * report in Astro's error overlay, instead of rendering unchecked content (which would fail
 * deep in src/lib with a stack trace).
 */
export const onRequest: MiddlewareHandler = async (context, next) => {
	const state = currentDevContentState();
	// A file changed while this request came in: wait for its check, then show the report, or ask
	// again, since Astro looked up this page's entry before the change reached its data store.
	const waited = Boolean(state?.pending);
	if (state?.pending) await state.pending;
	if (state?.problems.length) throw contentOverlayError(state.problems, state.root);
	if (waited) return new Response(null, { status: 307, headers: { Location: context.url.pathname + context.url.search, 'Cache-Control': 'no-store' } });
	return next();
};
