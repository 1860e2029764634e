import { describe, expect, it } from 'vitest';
import { gradeCard } from '../../../src/lib/learning/flashcards/session.ts';
import { emptyFlashcardDoc, FLASHCARD_KEY, saveFlashcards } from '../../../src/lib/learning/flashcards/storage.ts';
import { newAttempt } from '../../../src/lib/learning/practice/attempt.ts';
import { savePractice, storeKey } from '../../../src/lib/learning/practice/storage.ts';
import { applyImport, CHECKLIST_PREFIX, collectProgress, parseProgressFile, planImport, progressToJson } from '../../../src/lib/learning/progress/bundle.ts';
import { sectionWeaknesses, type ProgressConfig } from '../../../src/lib/learning/progress/weakest.ts';
import { ROADMAP_STORAGE_KEY, serializeProgress } from '../../../src/lib/learning/roadmap-progress.ts';
import { MemoryStorage, T0 } from '../practice/helpers.ts';

const slugs = ['video-feed', 'local-search'];
const titles = { 'video-feed': 'Video feed', 'local-search': 'Local search' };
const collect = (s: MemoryStorage) => collectProgress(s, slugs, T0, 'requirements');

function filled(): MemoryStorage {
	const s = new MemoryStorage();
	s.setItem(ROADMAP_STORAGE_KEY, serializeProgress(['week-1', 'week-1/bfs-dfs']));
	s.setItem(`${CHECKLIST_PREFIX}video-feed`, JSON.stringify(['model/baseline']));
	const a = { ...newAttempt({ now: T0, minutes: 45, firstSection: 'requirements', id: 'a1' }), answers: { model: 'two-tower' }, scores: { modeling: 2 }, covered: { model: [0] } };
	savePractice(s, 'video-feed', { version: 3, currentId: 'a1', attempts: [a] });
	saveFlashcards(s, gradeCard(gradeCard(emptyFlashcardDoc(), 'key-points/video-feed/model', 1, T0), 'pitfall/x', 3, T0));
	return s;
}

describe('progress export and import', () => {
	it('collects everything stored into one file that parses back to the same data', () => {
		const bundle = collect(filled());
		expect(bundle.roadmap).toEqual(['week-1', 'week-1/bfs-dfs']);
		expect(bundle.checklists).toEqual({ 'video-feed': ['model/baseline'] });
		expect(Object.keys(bundle.practice)).toEqual(['video-feed']);
		expect(Object.keys(bundle.flashcards!.cards)).toHaveLength(2);
		const parsed = parseProgressFile(progressToJson(bundle));
		expect(parsed).toEqual({ ok: true, bundle });
	});

	it('into an empty browser, plans only additions and then holds the same state', () => {
		const from = collect(filled());
		const fresh = new MemoryStorage();
		const plan = planImport(collect(fresh), from, titles);
		expect(plan.replaces).toBe(0);
		expect(plan.lines.map((l) => [l.what, l.add, l.replace])).toEqual([
			['Roadmap', 2, 0],
			['Checklist: Video feed', 1, 0],
			['Practice: Video feed', 1, 0],
			['Flashcards', 2, 0],
		]);
		expect(applyImport(fresh, collect(fresh), from, titles)).toEqual({ failures: [] });
		const after = collect(fresh);
		expect({ ...after, exportedAt: '' }).toEqual({ ...from, exportedAt: '' });
		expect(planImport(after, from, titles).lines).toEqual([]);
	});

	it('says what it replaces, keeps what only this browser has, and deletes nothing', () => {
		const here = filled();
		const other = filled();
		const changed = { ...newAttempt({ now: T0, minutes: 45, firstSection: 'requirements', id: 'a1' }), answers: { model: 'rewritten elsewhere' } };
		const extra = newAttempt({ now: T0 + 1, minutes: 45, firstSection: 'requirements', id: 'a2' });
		savePractice(other, 'video-feed', { version: 3, currentId: 'a2', attempts: [changed, { ...extra, answers: { requirements: 'x' } }] });
		other.setItem(ROADMAP_STORAGE_KEY, serializeProgress(['week-2']));
		const plan = planImport(collect(here), collect(other), titles);
		expect(plan.lines.find((l) => l.what === 'Practice: Video feed')).toMatchObject({ add: 1, replace: 1 });
		expect(plan.lines.find((l) => l.what === 'Roadmap')).toMatchObject({ add: 1, replace: 0 });
		applyImport(here, collect(here), collect(other), titles);
		const after = collect(here);
		expect(after.roadmap.sort()).toEqual(['week-1', 'week-1/bfs-dfs', 'week-2']);
		expect(after.practice['video-feed'].attempts.map((a) => [a.id, a.answers])).toEqual([
			['a1', { model: 'rewritten elsewhere' }],
			['a2', { requirements: 'x' }],
		]);
	});

	it('leaves out cases this site does not have, and refuses bad files with a reason', () => {
		const from = collect(filled());
		const plan = planImport(collect(new MemoryStorage()), from, { 'local-search': 'Local search' });
		expect(plan.unknownCases).toEqual(['video-feed']);
		expect(plan.lines.map((l) => l.what)).toEqual(['Roadmap', 'Flashcards']);
		expect(parseProgressFile('nope')).toMatchObject({ ok: false, message: expect.stringContaining('not JSON') });
		expect(parseProgressFile('{"format":"mlsd-workbook/practice-attempt"}')).toMatchObject({ ok: false, message: expect.stringContaining('not a progress export') });
		const bad = JSON.parse(progressToJson(from));
		bad.practice['video-feed'].attempts[0].answers = { model: 7 };
		expect(parseProgressFile(JSON.stringify(bad))).toMatchObject({ ok: false, message: expect.stringMatching(/damaged.*practice\.video-feed\.attempts\[0\]\.answers\.model: expected string/) });
		// Sizes read in the project's one unit convention (decimal: 1 MB = 1,000,000 bytes).
		expect(parseProgressFile(' '.repeat(20_460_000))).toEqual({ ok: false, message: 'This file is 20.5 MB; a progress export is at most 20 MB.' });
	});

	it('reports a write that fails and writes the rest', () => {
		const from = collect(filled());
		const fresh = new MemoryStorage();
		const full = Object.assign(fresh, { setItem(key: string, value: string) {
			if (key === FLASHCARD_KEY) throw new DOMException('full', 'QuotaExceededError');
			MemoryStorage.prototype.setItem.call(fresh, key, value);
		} });
		const result = applyImport(full, collect(fresh), from, titles);
		expect(result.failures).toEqual([expect.stringMatching(/^Flashcards: Not saved: .*full/)]);
		expect(fresh.getItem(storeKey('video-feed'))).toContain('two-tower');
	});
});

describe('weakest sections', () => {
	const config: ProgressConfig = {
		sections: [
			{ id: 'requirements', title: 'Requirements', anchor: 'requirements', rubric: 'problem-understanding' },
			{ id: 'model', title: 'Model', anchor: 'model', rubric: 'modeling' },
			{ id: 'serving', title: 'Serving', anchor: 'serving', rubric: 'serving-monitoring' },
		],
		rubric: [
			{ id: 'problem-understanding', title: 'Problem understanding', weight: 50 },
			{ id: 'modeling', title: 'Modeling', weight: 50 },
		],
		cases: [{ slug: 'video-feed', title: 'Video feed', keyPoints: { requirements: 2, model: 4 }, checklistItems: 3 }],
		cardSections: { 'key-points/video-feed/model': 'model', 'pitfall/x': 'requirements' },
		roadmap: { weeks: 16, actions: 40 },
		deckSize: 10,
	};

	it('ranks sections by rubric score, key-point coverage and lapses, and names the case to study', () => {
		const s = filled();
		const a = { ...newAttempt({ now: T0, minutes: 45, firstSection: 'requirements', id: 'a1' }), scores: { modeling: 1, 'problem-understanding': 4 }, covered: { requirements: [0, 1], model: [0] } };
		savePractice(s, 'video-feed', { version: 3, currentId: 'a1', attempts: [a] });
		const rows = sectionWeaknesses(collect(s), config);
		expect(rows.map((r) => r.id)).toEqual(['model', 'requirements']);
		expect(rows[0]).toMatchObject({ rubric: { mean: 1, attempts: 1 }, coverage: { share: 0.25, attempts: 1 }, cards: { lapses: 0, reviews: 1 }, studyCase: 'video-feed' });
		expect(rows[1].weakness).toBe(0);
	});
});
