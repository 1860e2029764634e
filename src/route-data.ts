/**
 * Starlight route middleware (astro.config.ts `routeMiddleware`): repairs the navigation Starlight
 * derives from the sidebar on every page; the logic is in src/lib/site/sidebar.ts.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { getCollection } from 'astro:content';
import { loadDomains } from './lib/content/catalogs.ts';
import { readingOrder, repairNavigation } from './lib/site/sidebar.ts';

export const onRequest = defineRouteMiddleware(async (context) => {
	const cases = await getCollection('cases');
	// The reading order is only needed next to a collapsed domain, so it is worked out only there.
	repairNavigation(context.locals.starlightRoute, () => readingOrder(cases, loadDomains().map((d) => d.id)), import.meta.env.BASE_URL);
});
