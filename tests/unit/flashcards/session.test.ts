import { describe, expect, it } from 'vitest';
import { buildCards } from '../../../src/lib/learning/flashcards/cards.ts';
import { buildQueue, dayKey, gradeCard, mergeHistories, reconcile, todayCounts } from '../../../src/lib/learning/flashcards/session.ts';
import { emptyFlashcardDoc, type FlashcardDoc } from '../../../src/lib/learning/flashcards/storage.ts';
import { readToday } from '../../../src/lib/learning/flashcards/today.ts';
import { sources } from './fixtures.ts';

const T0 = new Date(2025, 2, 1, 10, 0, 0).getTime();
const DAY = 86_400_000;
const cards = buildCards(sources());
const withLimit = (n: number, doc = emptyFlashcardDoc()): FlashcardDoc => ({ ...doc, settings: { ...doc.settings, newPerDay: n } });

describe('the review queue', () => {
	it('offers new cards in study order up to the daily limit', () => {
		const q = buildQueue(cards, withLimit(3), T0);
		expect(q.due).toEqual([]);
		expect(q.newAllowed).toBe(3);
		expect(q.next?.id).toBe('key-points/video-feed/requirements');
		let doc = withLimit(3);
		for (let i = 0; i < 3; i++) doc = gradeCard(doc, buildQueue(cards, doc, T0).next!.id, 4, T0);
		const after = buildQueue(cards, doc, T0);
		expect(after.newAllowed).toBe(0);
		expect(after.next).toBeUndefined();
		expect(doc.days[dayKey(T0)]).toEqual({ new: 3, reviews: 3 });
		// Tomorrow the limit starts again.
		expect(buildQueue(cards, doc, T0 + DAY).newAllowed).toBe(3);
	});

	it('shows due cards before new ones, earliest first, and keeps learning steps for later today', () => {
		let doc = withLimit(20);
		doc = gradeCard(doc, 'pitfall/position-bias', 1, T0);
		doc = gradeCard(doc, 'pitfall/temporal-leakage', 4, T0 - 60 * DAY);
		const now = T0 + 1000;
		const q = buildQueue(cards, doc, now);
		expect(q.due.map((c) => c.id)).toEqual(['pitfall/temporal-leakage']);
		expect(q.laterToday.map((c) => c.id)).toEqual(['pitfall/position-bias']);
		expect(q.next?.id).toBe('pitfall/temporal-leakage');
		expect(q.nextDueAt).toBe(doc.cards['pitfall/position-bias'].due);
	});

	it('filters by case, domain and framework stage', () => {
		const only = (settings: Partial<FlashcardDoc['settings']>) => buildQueue(cards, { ...withLimit(100), settings: { ...withLimit(100).settings, ...settings } }, T0).unseen.map((c) => c.id);
		expect(only({ case: 'local-search' })).toEqual(['key-points/local-search/requirements', 'pitfall/temporal-leakage', 'pitfall/position-bias']);
		expect(only({ domain: 'recommendation' })).toEqual(['key-points/video-feed/requirements', 'key-points/video-feed/model', 'follow-up/video-feed/how-does-a-new-user-get-a-good-first-feed', 'follow-up/video-feed/creator-fairness', 'pitfall/temporal-leakage']);
		expect(only({ section: 'model' })).toEqual(['key-points/video-feed/model', 'pitfall/position-bias']);
		expect(only({ case: 'video-feed', section: 'model' })).toEqual(['key-points/video-feed/model']);
	});
});

describe('retired cards and the home page count', () => {
	it('marks stored cards whose source is gone as retired, keeps their history, and un-retires them when they return', () => {
		let doc = gradeCard(withLimit(20), 'follow-up/video-feed/removed-question', 3, T0);
		doc = gradeCard(doc, 'pitfall/temporal-leakage', 3, T0);
		const r = reconcile(doc, cards);
		expect(r.retired).toEqual(['follow-up/video-feed/removed-question']);
		expect(r.cards['follow-up/video-feed/removed-question']).toBeDefined();
		expect(r.deckSize).toBe(cards.length);
		expect(reconcile(r, [...cards, { ...cards[0], id: 'follow-up/video-feed/removed-question' }]).retired).toEqual([]);
		expect(reconcile(r, cards)).toBe(r);
	});

	it('counts cards due by the end of today, retired ones aside, and the new cards left', () => {
		let doc = withLimit(5);
		doc = gradeCard(doc, 'pitfall/temporal-leakage', 1, T0);
		doc = gradeCard(doc, 'follow-up/video-feed/gone', 1, T0);
		doc = gradeCard(doc, 'pitfall/position-bias', 4, T0);
		doc = reconcile(doc, cards);
		expect(todayCounts(doc, T0)).toEqual({ due: 1, new: 2 });
		expect(readToday(JSON.stringify(doc), T0)).toEqual({ due: 1, new: 2 });
		expect(readToday(null, T0)).toBeNull();
		expect(readToday(JSON.stringify(emptyFlashcardDoc()), T0)).toBeNull();
		expect(readToday('{nope', T0)).toBeNull();
	});
});

describe('merging two histories', () => {
	it('keeps each card from the copy reviewed last and the larger day counts', () => {
		const a = gradeCard(gradeCard(withLimit(20), 'pitfall/temporal-leakage', 3, T0), 'pitfall/position-bias', 3, T0);
		const b = gradeCard(gradeCard(withLimit(7), 'pitfall/temporal-leakage', 1, T0 + 5000), 'definition/metrics/normalized-entropy', 3, T0 + 6000);
		const m = mergeHistories(a, b);
		expect(m.cards['pitfall/temporal-leakage']).toEqual(b.cards['pitfall/temporal-leakage']);
		expect(m.cards['pitfall/position-bias']).toEqual(a.cards['pitfall/position-bias']);
		expect(m.cards['definition/metrics/normalized-entropy']).toBeDefined();
		expect(m.days[dayKey(T0)]).toEqual({ new: 2, reviews: 2 });
		expect(m.settings.newPerDay).toBe(20);
	});
});
