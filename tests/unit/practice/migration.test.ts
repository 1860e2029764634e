/** Format 1 → 2 (the key-point self-check): nothing a learner stored or exported before is lost. */
import { describe, expect, it } from 'vitest';
import { newAttempt } from '../../../src/lib/learning/practice/attempt.ts';
import { attemptToJson, parseAttemptFile } from '../../../src/lib/learning/practice/export.ts';
import { corruptKey, loadPractice, savePractice, storeKey, v1Key } from '../../../src/lib/learning/practice/storage.ts';
import { siteStorage } from '../../../src/lib/learning/site-storage.ts';
import { info, MemoryStorage, MIN, T0 } from './helpers.ts';

const slug = 'sample-feed';
const opts = { now: T0 + 60 * MIN, firstSection: 'requirements' };

/** An attempt exactly as format 1 stored it: no `covered`, no `target`. */
function v1Attempt(id: string, text: string) {
	const { covered: _covered, ...rest } = newAttempt({ now: T0, minutes: 35, firstSection: 'requirements', id });
	return { ...rest, answers: { requirements: text, model: `model ${text}` }, scores: { modeling: 3 }, revealed: ['model'], timer: { ...rest.timer, spentMs: { requirements: 5 * MIN } } };
}

describe('practice storage format 1 → 3', () => {
	it('moves every attempt to the current key with an empty self-check, and removes the old key only after', () => {
		const storage = new MemoryStorage();
		const v1 = { version: 1, currentId: 'b', attempts: [v1Attempt('a', 'first'), v1Attempt('b', 'second')] };
		storage.setItem(v1Key(slug), JSON.stringify(v1));
		const { doc, notices } = loadPractice(storage, slug, opts);
		expect(notices).toEqual([]);
		expect(doc).toEqual({ version: 3, currentId: 'b', attempts: v1.attempts.map((a) => ({ ...a, covered: {} })) });
		expect(storage.keys()).toEqual([storeKey(slug)]);
		expect(JSON.parse(storage.getItem(storeKey(slug))!)).toEqual(doc);
	});

	it('keeps the format-1 entry when the migrated copy cannot be written', () => {
		const storage = new MemoryStorage();
		const raw = JSON.stringify({ version: 1, currentId: 'a', attempts: [v1Attempt('a', 'only copy')] });
		storage.setItem(v1Key(slug), raw);
		storage.quotaBytes = v1Key(slug).length + raw.length;
		const { doc } = loadPractice(storage, slug, opts);
		expect(doc.attempts[0].answers.requirements).toBe('only copy');
		expect(storage.getItem(v1Key(slug))).toBe(raw);
	});

	it('salvages the readable attempts of a damaged format-1 entry and keeps the original aside', () => {
		const storage = new MemoryStorage();
		const raw = JSON.stringify({ version: 1, currentId: 'a', attempts: [v1Attempt('a', 'good'), { id: 'bad' }] });
		storage.setItem(v1Key(slug), raw);
		const { doc, notices } = loadPractice(storage, slug, opts);
		expect(doc.attempts.map((a) => a.answers.requirements)).toEqual(['good']);
		expect(storage.getItem(corruptKey(slug, opts.now))).toBe(raw);
		expect(notices[0]).toMatch(/had 1 unreadable attempt/);
	});

	it('prefers the current format when both exist', () => {
		const storage = new MemoryStorage();
		storage.setItem(v1Key(slug), JSON.stringify({ version: 1, currentId: 'old', attempts: [v1Attempt('old', 'old')] }));
		const current = { ...newAttempt({ now: T0, minutes: 45, firstSection: 'requirements', id: 'new' }), answers: { requirements: 'new' }, covered: { model: [1] } };
		savePractice(storage, slug, { version: 3, currentId: 'new', attempts: [current] });
		expect(loadPractice(storage, slug, opts).doc.attempts).toEqual([current]);
	});

	it('migrates what was stored before keys were namespaced by the base path', () => {
		const raw = new MemoryStorage();
		raw.setItem('mlsd:practice:v1:sample-feed', JSON.stringify({ version: 1, currentId: 'a', attempts: [v1Attempt('a', 'before namespacing')] }));
		const site = siteStorage(raw, '/mlsd-workbook/');
		const { doc } = loadPractice(site, slug, opts);
		expect(doc.attempts[0].answers.requirements).toBe('before namespacing');
		expect(raw.getItem('/mlsd-workbook/mlsd:practice:v3:sample-feed')).toContain('before namespacing');
		// The un-namespaced original may belong to another copy of the site on this origin: it stays.
		expect(raw.getItem('mlsd:practice:v1:sample-feed')).toContain('before namespacing');
	});
});

describe('import of format-1 exports', () => {
	it('imports a file exported before the self-check, with every answer, score and time', () => {
		const a = { ...v1Attempt('x', 'exported long ago'), updatedAt: T0 + MIN };
		const file = JSON.stringify({ format: 'mlsd-workbook/practice-attempt', version: 1, case: slug, exportedAt: '2025-03-01T10:30:00.000Z', attempt: a });
		const result = parseAttemptFile(file, info, { now: T0 + 2 * MIN, newId: 'imported' });
		expect(result).toEqual({ ok: true, attempt: { ...a, id: 'imported', updatedAt: T0 + 2 * MIN, covered: {} } });
	});

	it('round-trips the self-check and the target level through a format-2 export', () => {
		const a = { ...newAttempt({ now: T0, minutes: 45, firstSection: 'requirements', id: 'y' }), covered: { requirements: [2, 0], model: [1] }, target: 'staff' };
		const result = parseAttemptFile(attemptToJson(a, info, T0 + MIN), info, { now: T0 + 2 * MIN, newId: 'z' });
		expect(result.ok && result.attempt.covered).toEqual({ requirements: [0, 2], model: [1] });
		expect(result.ok && result.attempt.target).toBe('staff');
	});

	it('drops ticks for key points the case does not have and an unknown target, and refuses unknown sections', () => {
		const a = { ...newAttempt({ now: T0, minutes: 45, firstSection: 'requirements', id: 'y' }), covered: { model: [0, 7] }, target: 'principal' };
		const result = parseAttemptFile(attemptToJson(a, info, T0), info, { now: T0, newId: 'z' });
		expect(result.ok && result.attempt.covered).toEqual({ model: [0] });
		expect(result.ok && 'target' in result.attempt).toBe(false);
		const bad = { ...a, covered: { pricing: [0] } };
		const refused = parseAttemptFile(attemptToJson(bad, info, T0), info, { now: T0 });
		expect(refused).toEqual({ ok: false, message: 'This export has sections this worksheet does not ("pricing"), so nothing was imported.' });
	});
});
