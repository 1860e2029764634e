/** Anki notes files: one per deck (a case, the pitfalls, the concepts) and `all.txt` with every card. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { loadDomains, loadPitfalls } from '../../../lib/content/catalogs.ts';
import { loadFramework } from '../../../lib/content/framework.ts';
import { toAnkiText } from '../../../lib/learning/flashcards/anki.ts';
import { ankiNames, conceptSources, siteDeck } from '../../../lib/learning/flashcards/site-deck.ts';
import { readingOrder } from '../../../lib/site/sidebar.ts';

export const getStaticPaths = (async () => {
	const cases = readingOrder(await getCollection('cases'), loadDomains().map((d) => d.id)).map((c) => ({ slug: c.id, data: c.data }));
	const deck = siteDeck(cases, conceptSources(await getCollection('docs')), loadFramework(), loadPitfalls());
	const names = ankiNames(deck);
	return [
		{ params: { deck: 'all' }, props: { text: toAnkiText(deck.cards, names) } },
		...deck.decks.map((d) => ({ params: { deck: d.id }, props: { text: toAnkiText(deck.cards.filter((c) => c.deck === d.id), names) } })),
	];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response((props as { text: string }).text, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
