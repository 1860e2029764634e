/**
 * The deck the site ships, assembled at build time: the cards from the loaded
 * content, rendered for the review page (inline Markdown to safe HTML, built
 * here, never from anything a reader typed), and the deck titles the filters
 * and the Anki export name.
 */
import type { Pitfall } from '../../../schemas/catalogs.ts';
import type { Framework } from '../../../schemas/framework.ts';
import { sectionAnchor } from '../../content/framework.ts';
import { inlineText, renderInline } from '../../site/inline-markdown.ts';
import { buildCards, CONCEPT_DECK, PITFALL_DECK, type CardSourceCase, type CardSourceConcept, type Flashcard } from './cards.ts';
import type { AnkiDeckNames } from './anki.ts';

export const DECK_FORMAT = 'mlsd-workbook/flashcards';
export const DECK_VERSION = 1;

/** A card as /review/ receives it: text fields as HTML. */
export interface ShippedCard extends Omit<Flashcard, 'front' | 'hint' | 'back'> {
	front: string;
	hint: string;
	back: string[];
}

export interface ShippedDeck {
	format: typeof DECK_FORMAT;
	version: typeof DECK_VERSION;
	cards: ShippedCard[];
}

export interface SiteDeck {
	cards: Flashcard[];
	/** Deck id → title, in study order. */
	decks: { id: string; title: string; count: number }[];
}

export function siteDeck(cases: CardSourceCase[], concepts: CardSourceConcept[], framework: Framework, pitfalls: Pitfall[]): SiteDeck {
	const sections = framework.sections.map((s) => ({ id: s.id, title: s.title, question: s.question, anchor: sectionAnchor(s) }));
	const cards = buildCards({ cases, pitfalls, concepts, sections });
	const titles = new Map<string, string>([...cases.map((c) => [c.slug, c.data.title] as const), [PITFALL_DECK, 'Pitfalls'], [CONCEPT_DECK, 'Concepts']]);
	const decks = [...new Set(cards.map((c) => c.deck))].map((id) => ({ id, title: titles.get(id) ?? id, count: cards.filter((c) => c.deck === id).length }));
	return { cards, decks };
}

export function shippedDeck(cards: Flashcard[], base: string): ShippedDeck {
	const render = (text: string) => renderInline(text, { base });
	return { format: DECK_FORMAT, version: DECK_VERSION, cards: cards.map((c) => ({ ...c, front: render(c.front), hint: render(c.hint), back: c.back.map(render) })) };
}

export function ankiNames(deck: SiteDeck): AnkiDeckNames {
	return { titles: Object.fromEntries(deck.decks.map((d) => [d.id, d.title])), plain: inlineText };
}

/** Concept pages with marked definitions, from Starlight's docs collection entries. */
export function conceptSources(entries: { id: string; data: { title: string; definitions?: { id?: string; term: string; definition: string }[] } }[]): CardSourceConcept[] {
	return entries
		.filter((e) => e.id.startsWith('concepts/') && e.data.definitions?.length)
		.sort((a, b) => a.id.localeCompare(b.id))
		.map((e) => ({ id: e.id, title: e.data.title, definitions: e.data.definitions! }));
}
