import { describe, expect, it } from 'vitest';
import { buildCards, duplicateIds } from '../../../src/lib/learning/flashcards/cards.ts';
import { sources } from './fixtures.ts';

const ids = (s = sources()) => buildCards(s).map((c) => c.id);

describe('card generation', () => {
	it('makes one card per case section with key points, per follow-up, per pitfall and per definition, drafts left out', () => {
		expect(ids()).toEqual([
			'key-points/video-feed/requirements',
			'key-points/video-feed/model',
			'follow-up/video-feed/how-does-a-new-user-get-a-good-first-feed',
			'follow-up/video-feed/creator-fairness',
			'key-points/local-search/requirements',
			'pitfall/temporal-leakage',
			'pitfall/position-bias',
			'definition/metrics/normalized-entropy',
		]);
	});

	it('puts the source on each side: case and section → key points, what and symptom → check and fix, question → sketch', () => {
		const cards = buildCards(sources());
		const kp = cards.find((c) => c.id === 'key-points/video-feed/requirements')!;
		expect(kp).toMatchObject({ front: 'Video feed: Requirements and scope', back: ['Interest-driven, not social-graph.', 'Under 200 ms p99.'], section: 'requirements', cases: ['video-feed'], domains: ['recommendation'], deck: 'video-feed', href: 'cases/video-feed/#requirements-and-scope' });
		const pit = cards.find((c) => c.id === 'pitfall/temporal-leakage')!;
		expect(pit.front).toContain('Random split of time-ordered data.');
		expect(pit.hint).toContain('Offline beats online.');
		expect(pit.back).toEqual(['Check: Compare a time split.', 'Fix: Split by time.']);
		expect(pit.cases).toEqual(['video-feed', 'local-search']);
		expect(pit.domains).toEqual(['recommendation', 'search']);
		const fu = cards.find((c) => c.id === 'follow-up/video-feed/creator-fairness')!;
		expect(fu).toMatchObject({ front: 'How do small creators get views?', back: ['A boosted exploration slot.'] });
		expect(cards.find((c) => c.kind === 'definition')).toMatchObject({ front: 'Normalized entropy', deck: 'concepts', href: 'concepts/metrics/' });
	});

	it('keeps every id when the wording changes (key points, answers, pitfall text, a follow-up with an id, a definition)', () => {
		const before = ids();
		const s = sources();
		s.cases[0].data.keyPoints!.requirements = ['Completely reworded point.', 'Another one.', 'A third.'];
		s.cases[0].data.followUps[0].answer = 'A new sketch.';
		s.cases[0].data.followUps[1].question = 'Reworded: how do new creators reach an audience?';
		s.pitfalls[0].what = 'Reworded what.';
		s.pitfalls[0].name = 'Leakage through time';
		s.concepts[0].definitions[0].definition = 'Reworded definition.';
		s.sections[0].title = 'Scope';
		expect(ids(s)).toEqual(before);
	});

	it('keeps ids when cards are inserted before others (ids do not depend on position)', () => {
		const before = new Set(ids());
		const s = sources();
		s.cases[0].data.followUps.unshift({ question: 'What if the latency budget halves?', answer: 'Cut the ranker candidates.' });
		s.pitfalls.unshift({ id: 'feedback-loop', name: 'Feedback loop', stage: 'model', what: 'The model trains on its own output.', symptom: 'Diversity falls.', detect: 'Hold out a random slice.', fix: 'Explore.' });
		const after = new Set(ids(s));
		for (const id of before) expect(after.has(id)).toBe(true);
	});

	it('retires a card when its source is deleted', () => {
		const s = sources();
		s.cases[0].data.followUps.splice(1, 1);
		delete s.cases[0].data.keyPoints!.model;
		s.pitfalls.splice(1, 1);
		const after = ids(s);
		expect(after).not.toContain('follow-up/video-feed/creator-fairness');
		expect(after).not.toContain('key-points/video-feed/model');
		expect(after).not.toContain('pitfall/position-bias');
	});

	it('reports two follow-ups whose questions slug to the same id', () => {
		const s = sources();
		s.cases[0].data.followUps.push({ question: 'How does a new user get a good first feed?!', answer: 'Same question, reworded punctuation.' });
		expect(duplicateIds(buildCards(s))).toEqual(['follow-up/video-feed/how-does-a-new-user-get-a-good-first-feed']);
	});
});
