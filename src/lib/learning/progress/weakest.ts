/**
 * The framework sections the learner is weakest at, from everything stored:
 * self-assessed rubric scores (each section is graded on one rubric
 * dimension), key-point coverage in practice attempts, and flashcard lapses.
 * Each measure is turned into a 0–1 weakness and the section's weakness is
 * their mean over the measures it has data for.
 */
import type { ProgressBundle } from './bundle.ts';

export interface ProgressConfig {
	sections: { id: string; title: string; anchor: string; rubric: string }[];
	rubric: { id: string; title: string; weight: number }[];
	cases: { slug: string; title: string; keyPoints: Record<string, number>; checklistItems: number }[];
	/** Framework section per card id, for cards that train one. */
	cardSections: Record<string, string>;
	roadmap: { weeks: number; actions: number };
	deckSize: number;
}

export interface SectionWeakness {
	id: string;
	title: string;
	anchor: string;
	/** Mean self-assessed score (1–4) of the section's rubric dimension, and over how many attempts. */
	rubric: { mean: number; attempts: number } | null;
	/** Share of key points ticked as covered, over attempts that used the self-check. */
	coverage: { share: number; attempts: number } | null;
	/** Flashcard lapses and reviews for cards of this section. */
	cards: { lapses: number; reviews: number } | null;
	/** 0 (strong) to 1 (weak). */
	weakness: number;
	/** The case where coverage of this section was lowest, to study it there. */
	studyCase: string | null;
}

export function sectionWeaknesses(bundle: ProgressBundle, config: ProgressConfig): SectionWeakness[] {
	const rows = config.sections.map((s): SectionWeakness => {
		const scores: number[] = [];
		let covered = 0;
		let total = 0;
		let attemptsChecked = 0;
		let worst: { slug: string; share: number } | null = null;
		for (const c of config.cases) {
			const doc = Object.hasOwn(bundle.practice, c.slug) ? bundle.practice[c.slug] : undefined;
			for (const a of doc?.attempts ?? []) {
				if (Object.hasOwn(a.scores, s.rubric)) scores.push(a.scores[s.rubric]);
				const points = c.keyPoints[s.id] ?? 0;
				// Only attempts that used the self-check say anything about coverage.
				if (!points || !Object.keys(a.covered).length) continue;
				const ticked = (a.covered[s.id] ?? []).filter((i) => i < points).length;
				covered += ticked;
				total += points;
				attemptsChecked++;
				const share = ticked / points;
				if (!worst || share < worst.share) worst = { slug: c.slug, share };
			}
		}
		let lapses = 0;
		let reviews = 0;
		let seen = 0;
		for (const [id, sched] of Object.entries(bundle.flashcards?.cards ?? {})) {
			if (config.cardSections[id] !== s.id) continue;
			lapses += sched.lapses;
			reviews += sched.reps;
			seen++;
		}
		const rubric = scores.length ? { mean: scores.reduce((a, b) => a + b, 0) / scores.length, attempts: scores.length } : null;
		const coverage = total ? { share: covered / total, attempts: attemptsChecked } : null;
		const cards = seen ? { lapses, reviews } : null;
		const measures = [rubric && (4 - rubric.mean) / 3, coverage && 1 - coverage.share, cards && reviews ? Math.min(1, lapses / reviews) : null].filter((m): m is number => m !== null);
		const weakness = measures.length ? measures.reduce((a, b) => a + b, 0) / measures.length : -1;
		return { id: s.id, title: s.title, anchor: s.anchor, rubric, coverage, cards, weakness, studyCase: worst?.slug ?? null };
	});
	return rows.filter((r) => r.weakness >= 0).sort((a, b) => b.weakness - a.weakness || a.title.localeCompare(b.title));
}
