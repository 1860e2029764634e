import { describe, expect, it } from 'vitest';
import { emptyFlashcardDoc, FLASHCARD_KEY, loadFlashcards, saveFlashcards } from '../../../src/lib/learning/flashcards/storage.ts';
import { gradeCard } from '../../../src/lib/learning/flashcards/session.ts';
import { MemoryStorage } from '../practice/helpers.ts';

const T0 = Date.UTC(2025, 2, 1, 10, 0, 0);

function reviewed() {
	return gradeCard(gradeCard(emptyFlashcardDoc(), 'pitfall/temporal-leakage', 3, T0), 'key-points/video-feed/model', 1, T0 + 1000);
}

describe('flashcard storage', () => {
	it('gives an empty history when nothing is stored, and none when storage is blocked', () => {
		expect(loadFlashcards(new MemoryStorage(), T0)).toEqual({ doc: emptyFlashcardDoc(), available: true, notices: [] });
		expect(loadFlashcards(null, T0).available).toBe(false);
	});

	it('reads back what it wrote', () => {
		const storage = new MemoryStorage();
		const doc = reviewed();
		expect(saveFlashcards(storage, doc)).toEqual({ ok: true });
		expect(loadFlashcards(storage, T0).doc).toEqual(doc);
	});

	it('copies unreadable data aside and keeps every card that still reads', () => {
		const storage = new MemoryStorage();
		const doc = reviewed();
		const damaged = { ...doc, cards: { ...doc.cards, 'bad/card': { due: 'tomorrow' } }, extra: true };
		storage.setItem(FLASHCARD_KEY, JSON.stringify(damaged));
		const loaded = loadFlashcards(storage, T0);
		expect(Object.keys(loaded.doc.cards).sort()).toEqual(['key-points/video-feed/model', 'pitfall/temporal-leakage']);
		expect(loaded.doc.days).toEqual(doc.days);
		expect(loaded.notices[0]).toContain(`${FLASHCARD_KEY}:corrupt:${T0}`);
		expect(JSON.parse(storage.getItem(`${FLASHCARD_KEY}:corrupt:${T0}`)!)).toEqual(damaged);
		expect(loadFlashcards(storage, T0 + 1).notices).toEqual([]);
	});

	it('sets aside data that is not JSON, or from a newer format, without reading it', () => {
		const storage = new MemoryStorage();
		storage.setItem(FLASHCARD_KEY, '{oops');
		expect(loadFlashcards(storage, T0).notices[0]).toContain('is not valid JSON');
		expect(storage.getItem(`${FLASHCARD_KEY}:corrupt:${T0}`)).toBe('{oops');
		storage.setItem(FLASHCARD_KEY, JSON.stringify({ ...reviewed(), version: 9 }));
		const newer = loadFlashcards(storage, T0 + 5);
		expect(newer.notices[0]).toContain('newer version of the workbook (format 9)');
		expect(newer.doc.cards).toEqual({});
	});

	it('on a full store says so and leaves what was stored untouched', () => {
		const storage = new MemoryStorage();
		const first = reviewed();
		saveFlashcards(storage, first);
		const before = storage.getItem(FLASHCARD_KEY);
		storage.quotaBytes = before!.length + FLASHCARD_KEY.length + 10;
		const more = gradeCard(first, 'follow-up/video-feed/creator-fairness', 3, T0 + 2000);
		const result = saveFlashcards(storage, more);
		expect(result).toMatchObject({ ok: false, reason: 'quota' });
		expect(result.ok || result.message).toContain('Your earlier reviews are kept');
		expect(storage.getItem(FLASHCARD_KEY)).toBe(before);
	});

	it('with no room for the copy of unreadable data, leaves it where it was', () => {
		const storage = new MemoryStorage();
		storage.setItem(FLASHCARD_KEY, '{oops');
		storage.quotaBytes = 20;
		const loaded = loadFlashcards(storage, T0);
		expect(loaded.notices[0]).toContain('no room to keep a copy');
		expect(storage.getItem(FLASHCARD_KEY)).toBe('{oops');
	});
});
