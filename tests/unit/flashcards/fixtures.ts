/** A small content set for the flashcard tests: two cases, two pitfalls, one concept page. */
import type { CardSources } from '../../../src/lib/learning/flashcards/cards.ts';

export function sources(): CardSources {
	return {
		sections: [
			{ id: 'requirements', title: 'Requirements and scope', question: 'What are we building?', anchor: 'requirements-and-scope' },
			{ id: 'model', title: 'Model', question: 'Which model?', anchor: 'model' },
		],
		cases: [
			{
				slug: 'video-feed',
				data: {
					title: 'Video feed',
					domain: 'recommendation',
					keyPoints: { requirements: ['Interest-driven, not social-graph.', 'Under 200 ms p99.'], model: ['Two-tower retrieval, multi-task ranker.'] },
					pitfalls: [{ id: 'temporal-leakage', note: 'Random splits leak trends.' }],
					followUps: [
						{ question: 'How does a new user get a good first feed?', answer: 'A starter pool across interest clusters.' },
						{ id: 'creator-fairness', question: 'How do small creators get views?', answer: 'A boosted exploration slot.' },
					],
				},
			},
			{
				slug: 'local-search',
				data: {
					title: 'Local search',
					domain: 'search',
					keyPoints: { requirements: ['Query plus location.'] },
					pitfalls: [{ id: 'temporal-leakage', note: 'Time splits.' }, { id: 'position-bias', note: 'Clicks on top results.' }],
					followUps: [],
				},
			},
			{ slug: 'draft-case', data: { title: 'Draft', domain: 'ads', draft: true, keyPoints: { model: ['A point.'] }, pitfalls: [], followUps: [] } },
		],
		pitfalls: [
			{ id: 'temporal-leakage', name: 'Temporal leakage', stage: 'requirements', what: 'Random split of time-ordered data.', symptom: 'Offline beats online.', detect: 'Compare a time split.', fix: 'Split by time.' },
			{ id: 'position-bias', name: 'Position bias', stage: 'model', what: 'Top results get clicks.', symptom: 'Rich get richer.', detect: 'Randomise a slot.', fix: 'Model position.' },
		],
		concepts: [{ id: 'concepts/metrics', title: 'Metrics', definitions: [{ term: 'Normalized entropy', definition: 'Log loss over the background log loss.' }] }],
	};
}
