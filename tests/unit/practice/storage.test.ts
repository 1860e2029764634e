import { describe, expect, it } from 'vitest';
import { newAttempt, type Attempt } from '../../../src/lib/learning/practice/attempt.ts';
import { corruptKey, emptyDoc, legacyKey, loadPractice, probeStorage, savePractice, storeKey, STORE_VERSION, type PracticeDoc } from '../../../src/lib/learning/practice/storage.ts';
import { MemoryStorage, MIN, T0 } from './helpers.ts';

const slug = 'sample-feed';
const opts = { now: T0 + 60 * MIN, firstSection: 'requirements' };

function attempt(id: string, answers: Record<string, string> = { requirements: `text of ${id}` }): Attempt {
	return { ...newAttempt({ now: T0, minutes: 45, firstSection: 'requirements', id }), answers };
}

function docWith(...attempts: Attempt[]): PracticeDoc {
	return { version: STORE_VERSION, currentId: attempts.at(-1)?.id ?? null, attempts };
}

describe('practice storage', () => {
	it('uses one versioned key per case', () => {
		expect(storeKey(slug)).toBe('mlsd:practice:v3:sample-feed');
		expect(corruptKey(slug, 123)).toBe('mlsd:practice:v3:sample-feed:corrupt:123');
		expect(legacyKey(slug)).toBe('mlsd:practice:sample-feed');
	});

	it('round-trips attempts through storage', () => {
		const storage = new MemoryStorage();
		const doc = docWith(attempt('a1'), attempt('a2', { model: 'two-tower\nthen GBDT' }));
		expect(savePractice(storage, slug, doc)).toEqual({ ok: true });
		const loaded = loadPractice(storage, slug, opts);
		expect(loaded).toEqual({ doc, available: true, notices: [] });
	});

	it('starts empty when nothing is stored, and keeps cases apart', () => {
		const storage = new MemoryStorage();
		savePractice(storage, 'other-case', docWith(attempt('x')));
		expect(loadPractice(storage, slug, opts)).toEqual({ doc: emptyDoc(), available: true, notices: [] });
	});

	it('keeps "a new, empty attempt is open" (currentId null) and repairs a current id that names no attempt', () => {
		const storage = new MemoryStorage();
		savePractice(storage, slug, { version: STORE_VERSION, currentId: null, attempts: [attempt('a1')] });
		expect(loadPractice(storage, slug, opts).doc.currentId).toBeNull();
		savePractice(storage, slug, { version: STORE_VERSION, currentId: 'gone', attempts: [attempt('a1'), attempt('a2')] });
		expect(loadPractice(storage, slug, opts).doc.currentId).toBe('a2');
	});

	it('keeps a current id that names an attempt, and falls back to none when no attempt is left', () => {
		const storage = new MemoryStorage();
		savePractice(storage, slug, { version: STORE_VERSION, currentId: 'a1', attempts: [attempt('a1'), attempt('a2')] });
		expect(loadPractice(storage, slug, opts).doc.currentId).toBe('a1');
		savePractice(storage, slug, { version: STORE_VERSION, currentId: 'gone', attempts: [] });
		expect(loadPractice(storage, slug, opts).doc.currentId).toBeNull();
	});

	it('says how many attempts could not be read, and keeps the page saving', () => {
		const storage = new MemoryStorage();
		const bad = { ...attempt('bad'), answers: { requirements: 42 } };
		storage.setItem(storeKey(slug), JSON.stringify({ version: 1, currentId: null, attempts: [attempt('good'), bad, { ...bad, id: 'bad2' }] }));
		const result = loadPractice(storage, slug, opts);
		expect(result.available).toBe(true);
		expect(result.notices).toEqual([`Your saved practice data for this case had 2 unreadable attempts. A copy was kept in this browser's storage under "${corruptKey(slug, opts.now)}"; the worksheet starts from what could be read.`]);
	});

	it.each([
		['not JSON', '{'],
		['a newer format', '{"version":99}'],
		['the wrong shape', '{"version":1}'],
	])('reports storage as available after setting aside %s', (_, raw) => {
		const storage = new MemoryStorage();
		storage.setItem(storeKey(slug), raw);
		expect(loadPractice(storage, slug, opts).available).toBe(true);
	});

	describe('migration from format 0', () => {
		// Format 0 (made up for this test, the shape before versioned keys): one attempt per case, no timer history, no scores.
		const v0 = { answers: { requirements: 'old requirements', model: 'old model' }, startedAt: T0, minutes: 60 };

		it('turns the old single attempt into the first attempt of format 1 and removes the old key', () => {
			const storage = new MemoryStorage();
			storage.setItem(legacyKey(slug), JSON.stringify(v0));
			const { doc, notices } = loadPractice(storage, slug, opts);
			expect(notices).toEqual([]);
			expect(doc.attempts).toHaveLength(1);
			expect(doc.currentId).toBe(doc.attempts[0].id);
			expect(doc.attempts[0].id).toBe(`v0-${T0.toString(36)}`);
			expect(doc.attempts[0]).toMatchObject({ createdAt: T0, answers: v0.answers, scores: {}, timer: { minutes: 60, runningSince: null, spentMs: {}, active: 'requirements' } });
			expect(storage.keys()).toEqual([storeKey(slug)]);
			// The next load reads format 1 directly and finds the same attempt.
			expect(loadPractice(storage, slug, opts).doc).toEqual(doc);
		});

		it('defaults the length to 45 minutes when format 0 had none', () => {
			const storage = new MemoryStorage();
			storage.setItem(legacyKey(slug), JSON.stringify({ answers: {}, startedAt: T0 }));
			expect(loadPractice(storage, slug, opts).doc.attempts[0].timer.minutes).toBe(45);
		});

		it('keeps the old key when the migrated data cannot be written', () => {
			const storage = new MemoryStorage();
			const raw = JSON.stringify(v0);
			storage.setItem(legacyKey(slug), raw);
			storage.quotaBytes = legacyKey(slug).length + raw.length;
			const { doc } = loadPractice(storage, slug, opts);
			expect(doc.attempts[0].answers).toEqual(v0.answers);
			expect(storage.getItem(legacyKey(slug))).toBe(raw);
		});

		it('sets an unreadable format-0 entry aside', () => {
			const storage = new MemoryStorage();
			storage.setItem(legacyKey(slug), '{"answers": 42}');
			const { doc, notices } = loadPractice(storage, slug, opts);
			expect(doc).toEqual(emptyDoc());
			expect(storage.getItem(corruptKey(slug, opts.now))).toBe('{"answers": 42}');
			expect(storage.getItem(legacyKey(slug))).toBeNull();
			expect(notices[0]).toContain(corruptKey(slug, opts.now));
		});
	});

	describe('corrupted data', () => {
		it('sets text that is not JSON aside and starts empty, without throwing', () => {
			const storage = new MemoryStorage();
			storage.setItem(storeKey(slug), '{"version":3,"attempts":[{"id"');
			const { doc, notices } = loadPractice(storage, slug, opts);
			expect(doc).toEqual(emptyDoc());
			expect(storage.getItem(corruptKey(slug, opts.now))).toBe('{"version":3,"attempts":[{"id"');
			expect(notices).toHaveLength(1);
			expect(notices[0]).toMatch(/not valid JSON.*copy was kept.*mlsd:practice:v3:sample-feed:corrupt:/);
			// The broken entry is replaced, so the next load is clean and makes no second copy.
			expect(loadPractice(storage, slug, { ...opts, now: opts.now + 1 }).notices).toEqual([]);
		});

		it('keeps the attempts that still read when one is damaged', () => {
			const storage = new MemoryStorage();
			const good = attempt('good');
			const raw = JSON.stringify({ version: STORE_VERSION, currentId: 'bad', attempts: [good, { ...attempt('bad'), answers: { requirements: 42 } }] });
			storage.setItem(storeKey(slug), raw);
			const { doc, notices } = loadPractice(storage, slug, opts);
			expect(doc.attempts).toEqual([good]);
			expect(doc.currentId).toBe('good');
			expect(notices[0]).toContain('had 1 unreadable attempt');
			expect(storage.getItem(corruptKey(slug, opts.now))).toBe(raw);
		});

		it.each([
			['null', 'null'],
			['an array', '[1,2,3]'],
			['a string', '"hello"'],
			['attempts that are not a list', '{"version":3,"currentId":null,"attempts":{"a":1}}'],
		])('survives %s', (_, raw) => {
			const storage = new MemoryStorage();
			storage.setItem(storeKey(slug), raw);
			const { doc, notices } = loadPractice(storage, slug, opts);
			expect(doc.attempts).toEqual([]);
			expect(notices).toHaveLength(1);
			expect(storage.getItem(corruptKey(slug, opts.now))).toBe(raw);
		});

		it('sets aside data from a newer format instead of overwriting it silently', () => {
			const storage = new MemoryStorage();
			const raw = JSON.stringify({ version: 4, attempts: [], somethingNew: true });
			storage.setItem(storeKey(slug), raw);
			const { notices } = loadPractice(storage, slug, opts);
			expect(notices[0]).toContain('newer version of the workbook (format 4)');
			expect(storage.getItem(corruptKey(slug, opts.now))).toBe(raw);
		});

		it('leaves the original untouched when there is no room for the copy', () => {
			const storage = new MemoryStorage();
			storage.setItem(storeKey(slug), 'garbage');
			storage.quotaBytes = storeKey(slug).length + 'garbage'.length;
			const { doc, notices } = loadPractice(storage, slug, opts);
			expect(doc).toEqual(emptyDoc());
			expect(notices[0]).toContain('no room to keep a copy');
			expect(storage.getItem(storeKey(slug))).toBe('garbage');
		});
	});

	describe('when no copy can be kept', () => {
		/** A store with room for the case's own entry but none for a new key (the copy set aside). */
		function noRoomForCopies(): MemoryStorage {
			const storage = new MemoryStorage();
			const set = storage.setItem.bind(storage);
			storage.setItem = (key: string, value: string) => {
				if (!storage.data.has(key)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				set(key, value);
			};
			return storage;
		}

		it('never writes over unreadable data it could not copy, even though the write would fit', () => {
			const storage = noRoomForCopies();
			storage.data.set(storeKey(slug), 'my answers, damaged');
			const { doc, notices } = loadPractice(storage, slug, opts);
			expect(doc).toEqual(emptyDoc());
			expect(notices).toEqual([expect.stringContaining('there was no room to keep a copy; it was left as it was')]);
			expect(storage.getItem(storeKey(slug))).toBe('my answers, damaged');
			expect(storage.keys()).toEqual([storeKey(slug)]);
		});

		it('keeps an unreadable format-0 entry it could not copy', () => {
			const storage = noRoomForCopies();
			storage.data.set(legacyKey(slug), '{"answers": 42}');
			expect(loadPractice(storage, slug, opts).doc).toEqual(emptyDoc());
			expect(storage.getItem(legacyKey(slug))).toBe('{"answers": 42}');
		});

		it('salvages data with an older or unknown format number instead of treating it as newer', () => {
			const storage = new MemoryStorage();
			const raw = JSON.stringify({ version: -1, currentId: 'a1', attempts: [attempt('a1')] });
			storage.setItem(storeKey(slug), raw);
			const { doc, notices } = loadPractice(storage, slug, opts);
			expect(doc.attempts.map((a) => a.id)).toEqual(['a1']);
			expect(notices).toEqual([expect.stringContaining('was not in the expected format')]);
			expect(storage.getItem(corruptKey(slug, opts.now))).toBe(raw);
		});
	});

	describe('storage errors', () => {
		it('reports a full store as a quota error with advice, and keeps what was saved before', () => {
			const storage = new MemoryStorage();
			const small = docWith(attempt('a1'));
			expect(savePractice(storage, slug, small).ok).toBe(true);
			storage.quotaBytes = storage.getItem(storeKey(slug))!.length + storeKey(slug).length + 10;
			const result = savePractice(storage, slug, docWith(attempt('a1'), attempt('a2', { requirements: 'x'.repeat(5000) })));
			expect(result).toEqual({ ok: false, reason: 'quota', message: expect.stringMatching(/full.*Export/) });
			expect(loadPractice(storage, slug, opts).doc).toEqual(small);
		});

		it.each([
			['Chrome and Safari', { name: 'QuotaExceededError', code: 22 }],
			['Firefox', { name: 'NS_ERROR_DOM_QUOTA_REACHED', code: 1014 }],
			['Firefox by name only', { name: 'NS_ERROR_DOM_QUOTA_REACHED' }],
			['Firefox by code only', { code: 1014 }],
			['old WebKit by code only', { code: 22 }],
			['the standard name only', { name: 'QuotaExceededError' }],
		])('recognises a full store in %s', (_, props) => {
			const full = { getItem: () => null, removeItem() {}, setItem() { throw Object.assign(new Error('full'), props); } };
			expect(savePractice(full, slug, emptyDoc())).toMatchObject({ ok: false, reason: 'quota' });
		});

		it.each([
			['a security error', Object.assign(new Error('denied'), { name: 'SecurityError', code: 18 })],
			['a plain error', new Error('disk on fire')],
			['a thrown string', 'QuotaExceededError'],
			['null', null],
		])('does not mistake %s for a full store', (_, thrown) => {
			const broken = { getItem: () => null, removeItem() {}, setItem() { throw thrown; } };
			expect(savePractice(broken, slug, emptyDoc())).toMatchObject({ ok: false, reason: 'unavailable' });
		});

		it('reports blocked or missing storage, and loads an empty worksheet', () => {
			const blocked = { getItem(): string | null { throw new DOMException('denied', 'SecurityError'); }, setItem() { throw new DOMException('denied', 'SecurityError'); }, removeItem() {} };
			expect(probeStorage(() => blocked)).toBeNull();
			expect(probeStorage(() => { throw new DOMException('denied', 'SecurityError'); })).toBeNull();
			expect(loadPractice(null, slug, opts)).toEqual({ doc: emptyDoc(), available: false, notices: [] });
			expect(loadPractice(blocked, slug, opts)).toMatchObject({ available: false });
			expect(savePractice(null, slug, emptyDoc())).toEqual({ ok: false, reason: 'unavailable', message: 'Not saved: this browser does not allow this site to store data. Export your attempt to keep it.' });
			expect(savePractice(blocked, slug, emptyDoc())).toEqual({ ok: false, reason: 'unavailable', message: 'Not saved: this browser refused to store the attempt. Export your attempt to keep it.' });
		});

		it('probes a working storage without leaving anything behind', () => {
			const storage = new MemoryStorage();
			expect(probeStorage(() => storage)).toBe(storage);
			expect(storage.keys()).toEqual([]);
		});
	});
});
