import { describe, expect, it } from 'vitest';
import { elapsedMs, formatDuration, newTimer, pauseTimer, sectionSpentMs, setLength, startTimer, switchSection, timerStatus } from '../../../src/lib/learning/practice/timer.ts';
import { MIN, T0 } from './helpers.ts';

const budgets = { requirements: 5, estimates: 3, model: 7 };

describe('practice timer', () => {
	it('counts nothing until started', () => {
		const t = newTimer(45, 'requirements');
		const s = timerStatus(t, budgets, T0 + 10 * MIN);
		expect(s).toMatchObject({ running: false, started: false, elapsedMs: 0, remainingMs: 45 * MIN, sessionOver: false });
	});

	it('counts elapsed time from the start timestamp, so a reload (new page, same stored state) sees the same time', () => {
		const stored = JSON.parse(JSON.stringify(startTimer(newTimer(45, 'requirements'), T0)));
		expect(elapsedMs(stored, T0 + 90_000)).toBe(90_000);
		expect(timerStatus(stored, budgets, T0 + 90_000)).toMatchObject({ running: true, started: true, remainingMs: 45 * MIN - 90_000 });
	});

	it('stops counting while paused and resumes where it left off', () => {
		let t = startTimer(newTimer(45, 'requirements'), T0);
		t = pauseTimer(t, T0 + 2 * MIN);
		expect(elapsedMs(t, T0 + 30 * MIN)).toBe(2 * MIN);
		expect(timerStatus(t, budgets, T0 + 30 * MIN)).toMatchObject({ running: false, started: true });
		t = startTimer(t, T0 + 30 * MIN);
		expect(elapsedMs(t, T0 + 31 * MIN)).toBe(3 * MIN);
		// Pausing twice, or starting a running timer, changes nothing.
		expect(pauseTimer(pauseTimer(t, T0 + 32 * MIN), T0 + 40 * MIN)).toEqual(pauseTimer(t, T0 + 32 * MIN));
		expect(startTimer(t, T0 + 35 * MIN)).toBe(t);
	});

	it('charges time to the section being worked on, and flags a section over its budget', () => {
		let t = startTimer(newTimer(45, 'requirements'), T0);
		t = switchSection(t, 'estimates', T0 + 6 * MIN); // 6 min on a 5-min budget
		t = switchSection(t, 'model', T0 + 8 * MIN); // 2 min on a 3-min budget
		const s = timerStatus(t, budgets, T0 + 10 * MIN);
		expect(s.sections).toEqual([
			{ id: 'requirements', spentMs: 6 * MIN, budgetMs: 5 * MIN, over: true },
			{ id: 'estimates', spentMs: 2 * MIN, budgetMs: 3 * MIN, over: false },
			{ id: 'model', spentMs: 2 * MIN, budgetMs: 7 * MIN, over: false },
		]);
		expect(s.elapsedMs).toBe(10 * MIN);
		// Exactly on budget is not over.
		expect(timerStatus(t, budgets, T0 + 15 * MIN).sections[2].over).toBe(false);
		expect(timerStatus(t, budgets, T0 + 15 * MIN + 1).sections[2].over).toBe(true);
	});

	it('switching sections while paused moves no time', () => {
		let t = pauseTimer(startTimer(newTimer(45, 'requirements'), T0), T0 + MIN);
		t = switchSection(t, 'model', T0 + 20 * MIN);
		expect(sectionSpentMs(t, 'requirements', T0 + 30 * MIN)).toBe(MIN);
		expect(sectionSpentMs(t, 'model', T0 + 30 * MIN)).toBe(0);
		t = startTimer(t, T0 + 30 * MIN);
		expect(sectionSpentMs(t, 'model', T0 + 31 * MIN)).toBe(MIN);
	});

	it('flags the whole session once it runs past its length, and a shorter length moves the line', () => {
		const t = startTimer(newTimer(45, 'model'), T0);
		expect(timerStatus(t, budgets, T0 + 45 * MIN).sessionOver).toBe(false);
		expect(timerStatus(t, budgets, T0 + 46 * MIN)).toMatchObject({ sessionOver: true, remainingMs: -MIN });
		expect(timerStatus(setLength(t, 35), budgets, T0 + 36 * MIN).sessionOver).toBe(true);
		expect(timerStatus(setLength(t, 60), budgets, T0 + 46 * MIN).sessionOver).toBe(false);
	});

	it('never counts negative time when the clock moves backwards', () => {
		const t = startTimer(newTimer(45, 'requirements'), T0);
		expect(elapsedMs(t, T0 - 5 * MIN)).toBe(0);
		expect(pauseTimer(t, T0 - 5 * MIN).spentMs).toEqual({});
	});

	it('formats durations as m:ss and h:mm:ss', () => {
		expect(formatDuration(0)).toBe('0:00');
		expect(formatDuration(61_999)).toBe('1:01');
		expect(formatDuration(45 * MIN)).toBe('45:00');
		expect(formatDuration(-(2 * MIN + 3000))).toBe('2:03');
		expect(formatDuration(61 * MIN + 5000)).toBe('1:01:05');
	});
});
