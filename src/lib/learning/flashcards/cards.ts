/**
 * Flashcards generated from the content at build time: a case's key points per
 * framework section, the pitfall catalog, a case's follow-up questions, and the
 * definitions concept pages mark. Each card's id comes from where it comes from
 * (never from its wording or position), so rewording keeps a learner's history
 * and deleting the source retires the card. Pure: the build passes the loaded
 * content in, tests pass fixtures.
 */
import { slugify } from '../../content/slug.ts';

export type CardKind = 'key-points' | 'pitfall' | 'follow-up' | 'definition';

export interface Flashcard {
	/** Stable id from the source (`key-points/tiktok-feed/model`, `pitfall/temporal-leakage`). */
	id: string;
	kind: CardKind;
	/** The deck the card sits in: a case slug, `pitfalls` or `concepts`; one Anki deck each. */
	deck: string;
	/** The question side, inline Markdown. */
	front: string;
	/** A line under the question naming where it comes from or what to answer, inline Markdown. */
	hint: string;
	/** The answer side, one inline-Markdown item per line. */
	back: string[];
	/** Cases the card belongs to (filter by case). */
	cases: string[];
	/** Domains of those cases (filter by domain). */
	domains: string[];
	/** The framework section the card trains, when it has one (filter by stage). */
	section?: string;
	/** Where to study it: a site path relative to the base (`cases/tiktok-feed/#model`). */
	href: string;
}

export interface CardSourceCase {
	slug: string;
	data: {
		title: string;
		domain: string;
		draft?: boolean;
		keyPoints?: Record<string, string[]>;
		pitfalls: { id: string; note: string }[];
		followUps: { id?: string; section?: string; question: string; answer: string }[];
	};
}

export interface CardSourcePitfall {
	id: string;
	name: string;
	stage: string;
	what: string;
	symptom: string;
	detect: string;
	fix: string;
}

export interface CardSourceConcept {
	/** Page path under the docs root (`concepts/metrics`). */
	id: string;
	title: string;
	definitions: { id?: string; term: string; definition: string }[];
}

export interface CardSourceSection {
	id: string;
	title: string;
	question: string;
	/** The heading anchor of the section on a case page. */
	anchor: string;
}

export interface CardSources {
	cases: CardSourceCase[];
	pitfalls: CardSourcePitfall[];
	concepts: CardSourceConcept[];
	sections: CardSourceSection[];
}

export const PITFALL_DECK = 'pitfalls';
export const CONCEPT_DECK = 'concepts';

/** Longest id part derived from wording; a long question gives a long slug, and ids travel in storage keys. */
const MAX_SLUG = 60;

/** A follow-up's id within its case: its `id`, else a slug of the question. */
export function followUpId(f: { id?: string; question: string }): string {
	return f.id ?? shortSlug(f.question);
}

/** A definition's id within its page: its `id`, else a slug of the term. */
export function definitionId(d: { id?: string; term: string }): string {
	return d.id ?? shortSlug(d.term);
}

function shortSlug(text: string): string {
	return slugify(text).slice(0, MAX_SLUG).replace(/-+$/, '');
}

/**
 * Every card, in study order: per case (in the order given) its key points by
 * section, then its follow-ups; then the pitfalls in catalog order; then the
 * definitions. Draft cases give no cards.
 */
export function buildCards(sources: CardSources): Flashcard[] {
	const cases = sources.cases.filter((c) => !c.data.draft);
	const cards: Flashcard[] = [];
	for (const c of cases) {
		for (const s of sources.sections) {
			const points = c.data.keyPoints?.[s.id] ?? [];
			if (!points.length) continue;
			cards.push({
				id: `key-points/${c.slug}/${s.id}`,
				kind: 'key-points',
				deck: c.slug,
				front: `${c.data.title}: ${s.title}`,
				hint: `What does a strong candidate say? ${s.question}`,
				back: points,
				cases: [c.slug],
				domains: [c.data.domain],
				section: s.id,
				href: `cases/${c.slug}/#${s.anchor}`,
			});
		}
		for (const f of c.data.followUps) {
			cards.push({
				id: `follow-up/${c.slug}/${followUpId(f)}`,
				kind: 'follow-up',
				deck: c.slug,
				front: f.question,
				hint: `Follow-up question, ${c.data.title}`,
				back: [f.answer],
				cases: [c.slug],
				domains: [c.data.domain],
				...(f.section ? { section: f.section } : {}),
				href: `cases/${c.slug}/#follow-up-questions`,
			});
		}
	}
	for (const p of sources.pitfalls) {
		const using = cases.filter((c) => c.data.pitfalls.some((x) => x.id === p.id));
		cards.push({
			id: `pitfall/${p.id}`,
			kind: 'pitfall',
			deck: PITFALL_DECK,
			front: `${p.name}: ${p.what}`,
			hint: `Symptom: ${p.symptom} How do you check for it, and how do you fix it?`,
			back: [`Check: ${p.detect}`, `Fix: ${p.fix}`],
			cases: using.map((c) => c.slug),
			domains: [...new Set(using.map((c) => c.data.domain))],
			section: p.stage,
			href: `pitfalls/#${p.id}`,
		});
	}
	for (const page of sources.concepts) {
		for (const d of page.definitions) {
			cards.push({
				id: `definition/${page.id.replace(/^concepts\//, '')}/${definitionId(d)}`,
				kind: 'definition',
				deck: CONCEPT_DECK,
				front: d.term,
				hint: `Define it. (${page.title})`,
				back: [d.definition],
				cases: [],
				domains: [],
				href: `${page.id}/`,
			});
		}
	}
	return cards;
}

/** Ids used by more than one card (two follow-ups with the same question slug): each must be given its own `id`. */
export function duplicateIds(cards: Flashcard[]): string[] {
	const seen = new Set<string>();
	const dups = new Set<string>();
	for (const c of cards) (seen.has(c.id) ? dups : seen).add(c.id);
	return [...dups];
}
