import { describe, expect, it } from 'vitest';
import { newAttempt } from '../../../src/lib/learning/practice/attempt.ts';
import { attemptToJson, attemptToMarkdown, parseAttemptFile } from '../../../src/lib/learning/practice/export.ts';
import { fireDue, planMock, seededRandom } from '../../../src/lib/learning/practice/mock.ts';
import { loadPractice, savePractice, storeKey, v2Key } from '../../../src/lib/learning/practice/storage.ts';
import { info, MemoryStorage, MIN, T0 } from './helpers.ts';

const order = info.sections.map((s) => s.id);
const plan = (seed: number, minutes = 45) => planMock(info.mock.sources, order, info.budgets[String(minutes)], seed, info.mock.count);

describe('mock interview plan', () => {
	it('is the same for the same seed, and differs across seeds', () => {
		expect(plan(42)).toEqual(plan(42));
		const seeds = Array.from({ length: 20 }, (_, i) => JSON.stringify(plan(i).interjections.map((x) => [x.id, x.atMs])));
		expect(new Set(seeds).size).toBeGreaterThan(5);
	});

	it('raises the configured number of interjections, one a requirement change, each once', () => {
		for (let seed = 0; seed < 50; seed++) {
			const { interjections } = plan(seed);
			expect(interjections).toHaveLength(3);
			expect(interjections.filter((i) => i.kind === 'change').length).toBeGreaterThanOrEqual(1);
			expect(new Set(interjections.map((i) => i.id)).size).toBe(3);
		}
	});

	it('times each within the middle half of its section budget, earliest first', () => {
		for (let seed = 0; seed < 50; seed++) {
			const { interjections } = plan(seed);
			for (const i of interjections) {
				const [start, length] = i.section === 'requirements' ? [0, 20 * MIN] : [20 * MIN, 25 * MIN];
				expect(i.atMs).toBeGreaterThanOrEqual(start + length / 4 - 1);
				expect(i.atMs).toBeLessThanOrEqual(start + (3 * length) / 4 + 1);
			}
			expect(interjections.map((i) => i.atMs)).toEqual([...interjections.map((i) => i.atMs)].sort((a, b) => a - b));
		}
	});

	it('brings interjections when the interview time reaches them, never early, and stamps when', () => {
		const mock = plan(7);
		const first = mock.interjections[0].atMs;
		expect(fireDue(mock, first - 1, T0)).toBe(mock);
		const fired = fireDue(mock, first, T0 + 5);
		expect(fired.interjections[0].shownAt).toBe(T0 + 5);
		expect(fired.interjections.slice(1).every((i) => i.shownAt === null)).toBe(true);
		expect(fireDue({ ...mock, endedAt: T0 }, Infinity, T0)).toEqual({ ...mock, endedAt: T0 });
	});

	it('uses a reproducible generator', () => {
		const a = seededRandom(1);
		const b = seededRandom(1);
		const xs = Array.from({ length: 5 }, a);
		expect(Array.from({ length: 5 }, b)).toEqual(xs);
		expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
	});
});

function mockAttempt() {
	const mock = fireDue(plan(99), Infinity, T0 + 10 * MIN);
	mock.interjections[0].answer = 'Cut candidates to 200.';
	return { ...newAttempt({ now: T0, minutes: 45, firstSection: 'requirements', id: 'm1' }), answers: { requirements: 'Scope.' }, mock: { ...mock, endedAt: T0 + 40 * MIN } };
}

describe('mock interview storage and export', () => {
	it('moves format 2 to format 3 losing nothing, and removes the old key only after', () => {
		const storage = new MemoryStorage();
		const a = { ...newAttempt({ now: T0, minutes: 45, firstSection: 'requirements', id: 'old' }), answers: { model: 'two-tower' }, covered: { model: [0] }, target: 'staff' };
		storage.setItem(v2Key(info.slug), JSON.stringify({ version: 2, currentId: 'old', attempts: [a] }));
		const { doc, notices } = loadPractice(storage, info.slug, { now: T0, firstSection: 'requirements' });
		expect(notices).toEqual([]);
		expect(doc).toEqual({ version: 3, currentId: 'old', attempts: [a] });
		expect(storage.keys()).toEqual([storeKey(info.slug)]);
	});

	it('keeps the format-2 entry when the new copy cannot be written', () => {
		const storage = new MemoryStorage();
		const raw = JSON.stringify({ version: 2, currentId: null, attempts: [newAttempt({ now: T0, minutes: 45, firstSection: 'requirements', id: 'x' })] });
		storage.setItem(v2Key(info.slug), raw);
		storage.quotaBytes = v2Key(info.slug).length + raw.length;
		expect(loadPractice(storage, info.slug, { now: T0, firstSection: 'requirements' }).doc.attempts[0].id).toBe('x');
		expect(storage.getItem(v2Key(info.slug))).toBe(raw);
	});

	it('stores and reads back an attempt with its interjections and answers', () => {
		const storage = new MemoryStorage();
		const a = mockAttempt();
		savePractice(storage, info.slug, { version: 3, currentId: a.id, attempts: [a] });
		expect(loadPractice(storage, info.slug, { now: T0, firstSection: 'requirements' }).doc.attempts[0]).toEqual(a);
	});

	it('exports the interjections in Markdown with answers and sketches, and round-trips them through JSON', () => {
		const a = mockAttempt();
		const md = attemptToMarkdown(a, info, T0 + 41 * MIN);
		expect(md).toContain('## Mock interview');
		expect(md).toContain('Seed 99');
		for (const i of a.mock.interjections) {
			expect(md).toContain(`> ${i.prompt}`);
			expect(md).toContain(`Answer sketch: ${i.sketch}`);
		}
		expect(md).toContain('Cut candidates to 200.');
		const back = parseAttemptFile(attemptToJson(a, info, T0 + 41 * MIN), info, { now: T0 + 50 * MIN, newId: 'imported' });
		expect(back.ok && back.attempt.mock).toEqual(a.mock);
	});

	it('still imports a format-2 export, and refuses interjections in sections the worksheet lacks', () => {
		const a = newAttempt({ now: T0, minutes: 45, firstSection: 'requirements', id: 'v2' });
		const v2 = JSON.stringify({ format: 'mlsd-workbook/practice-attempt', version: 2, case: info.slug, attempt: { ...a, answers: { model: 'kept' } } });
		const r = parseAttemptFile(v2, info, { now: T0, newId: 'n' });
		expect(r.ok && r.attempt.answers).toEqual({ model: 'kept' });
		const bad = mockAttempt();
		bad.mock.interjections[0].section = 'nowhere';
		const r2 = parseAttemptFile(attemptToJson(bad, info, T0), info, { now: T0 });
		expect(r2.ok ? '' : r2.message).toContain('"nowhere"');
	});
});
