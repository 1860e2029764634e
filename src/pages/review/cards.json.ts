/** The flashcards /review/ fetches: one static file, so no other page carries them. */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { loadPitfalls } from '../../lib/content/catalogs.ts';
import { loadFramework } from '../../lib/content/framework.ts';
import { conceptSources, shippedDeck, siteDeck } from '../../lib/learning/flashcards/site-deck.ts';
import { readingOrder } from '../../lib/site/sidebar.ts';
import { loadDomains } from '../../lib/content/catalogs.ts';

export const GET: APIRoute = async () => {
	const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
	const cases = readingOrder(await getCollection('cases'), loadDomains().map((d) => d.id)).map((c) => ({ slug: c.id, data: c.data }));
	const deck = siteDeck(cases, conceptSources(await getCollection('docs')), loadFramework(), loadPitfalls());
	return new Response(JSON.stringify(shippedDeck(deck.cards, base)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
