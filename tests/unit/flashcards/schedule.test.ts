import { describe, expect, it } from 'vitest';
import { formatInterval, newSchedule, preview, review } from '../../../src/lib/learning/flashcards/schedule.ts';

const T0 = Date.UTC(2025, 2, 1, 10, 0, 0);
const MIN = 60_000;
const DAY = 86_400_000;

describe('the FSRS wrapper', () => {
	it('starts an unseen card as new and due now', () => {
		expect(newSchedule(T0)).toMatchObject({ due: T0, state: 0, reps: 0, lapses: 0, lastReview: null });
	});

	it('schedules a first "Again" minutes away and a first "Easy" days away, in plain JSON', () => {
		const again = review(undefined, 1, T0);
		const easy = review(undefined, 4, T0);
		expect(again.due - T0).toBeLessThan(15 * MIN);
		expect(again.state).toBe(1);
		expect(easy.due - T0).toBeGreaterThanOrEqual(DAY);
		expect(easy.state).toBe(2);
		expect(easy.lastReview).toBe(T0);
		expect(JSON.parse(JSON.stringify(easy))).toEqual(easy);
	});

	it('grows the interval with each on-time "Good", and counts a lapse when a learned card is forgotten', () => {
		let s = review(undefined, 3, T0);
		let now = s.due;
		s = review(s, 3, now);
		const gaps: number[] = [];
		for (let i = 0; i < 3; i++) {
			gaps.push(s.due - now);
			now = s.due;
			s = review(s, 3, now);
		}
		expect(gaps[1]).toBeGreaterThan(gaps[0]);
		expect(gaps[2]).toBeGreaterThan(gaps[1]);
		expect(s.lapses).toBe(0);
		const forgotten = review(s, 1, s.due);
		expect(forgotten.lapses).toBe(1);
		expect(forgotten.state).toBe(3);
		expect(forgotten.due - s.due).toBeLessThan(DAY);
	});

	it('is deterministic: the same history gives the same schedule', () => {
		const run = () => [3, 3, 2, 4, 1, 3].reduce((s, g, i) => review(s, g as 1 | 2 | 3 | 4, T0 + i * 3 * DAY), review(undefined, 3, T0));
		expect(run()).toEqual(run());
	});

	it('previews each grade in order: Again soonest, Easy latest', () => {
		const p = preview(review(review(undefined, 3, T0), 3, T0 + 10 * MIN), T0 + 2 * DAY);
		expect(p[1]).toBeLessThan(p[2]);
		expect(p[2]).toBeLessThanOrEqual(p[3]);
		expect(p[3]).toBeLessThan(p[4]);
	});

	it('says intervals the way a learner reads them', () => {
		expect(formatInterval(T0, T0 + 30_000)).toBe('1 min');
		expect(formatInterval(T0, T0 + 10 * MIN)).toBe('10 min');
		expect(formatInterval(T0, T0 + 3 * 60 * MIN)).toBe('3 h');
		expect(formatInterval(T0, T0 + 4 * DAY)).toBe('4 d');
		expect(formatInterval(T0, T0 + 60 * DAY)).toBe('2 mo');
		expect(formatInterval(T0, T0 + 548 * DAY)).toBe('1.5 y');
	});
});
