/**
 * The practice timer as plain data: timestamps and accumulated milliseconds,
 * never a ticking counter, so the time survives a reload, a closed tab or a
 * crash. Every function is pure; `now` is epoch milliseconds (Date.now()).
 */

export interface TimerState {
	/** Interview length in minutes (35, 45 or 60 in the worksheet). */
	minutes: number;
	/** When the current running stretch began (epoch ms); null while paused or never started. */
	runningSince: number | null;
	/** Milliseconds spent per section id, for stretches that have ended. */
	spentMs: Record<string, number>;
	/** The section time is counted against: the one the user is working on. */
	active: string;
}

/** How one section stands against its budget. */
export interface SectionTime {
	id: string;
	spentMs: number;
	budgetMs: number;
	over: boolean;
}

export interface TimerStatus {
	running: boolean;
	/** Whether any time has been counted (Start vs Resume). */
	started: boolean;
	elapsedMs: number;
	totalMs: number;
	/** Negative once the session runs over. */
	remainingMs: number;
	sessionOver: boolean;
	sections: SectionTime[];
}

const MINUTE = 60_000;

export function newTimer(minutes: number, firstSection: string): TimerState {
	return { minutes, runningSince: null, spentMs: {}, active: firstSection };
}

export function isRunning(t: TimerState): boolean {
	return t.runningSince !== null;
}

/** The open stretch's length; a clock that moved backwards counts as zero, never negative. */
function openStretch(t: TimerState, now: number): number {
	return t.runningSince === null ? 0 : Math.max(0, now - t.runningSince);
}

/** Moves the open stretch into the active section's total. */
function fold(t: TimerState, now: number): Record<string, number> {
	const stretch = openStretch(t, now);
	if (!stretch) return t.spentMs;
	return { ...t.spentMs, [t.active]: (t.spentMs[t.active] ?? 0) + stretch };
}

/** Starts, or resumes after a pause. Starting a running timer changes nothing. */
export function startTimer(t: TimerState, now: number): TimerState {
	return isRunning(t) ? t : { ...t, runningSince: now };
}

export function pauseTimer(t: TimerState, now: number): TimerState {
	return isRunning(t) ? { ...t, spentMs: fold(t, now), runningSince: null } : t;
}

/** Counts time from now on against another section; the time so far stays with the previous one. */
export function switchSection(t: TimerState, section: string, now: number): TimerState {
	if (section === t.active) return t;
	return { ...t, spentMs: fold(t, now), runningSince: isRunning(t) ? now : null, active: section };
}

export function setLength(t: TimerState, minutes: number): TimerState {
	return { ...t, minutes };
}

export function sectionSpentMs(t: TimerState, section: string, now: number): number {
	return (t.spentMs[section] ?? 0) + (section === t.active ? openStretch(t, now) : 0);
}

export function elapsedMs(t: TimerState, now: number): number {
	return Object.values(t.spentMs).reduce((a, b) => a + b, 0) + openStretch(t, now);
}

/**
 * Where the session stands: elapsed and remaining time, and each section
 * against its budget (`budgets` maps section id → minutes, e.g. from
 * scaledBudgets for the chosen length). A section is over once it has used more
 * than its budget; the session once it has used more than `minutes`.
 */
export function timerStatus(t: TimerState, budgets: Record<string, number>, now: number): TimerStatus {
	const elapsed = elapsedMs(t, now);
	const totalMs = t.minutes * MINUTE;
	const sections = Object.entries(budgets).map(([id, minutes]) => {
		const spent = sectionSpentMs(t, id, now);
		return { id, spentMs: spent, budgetMs: minutes * MINUTE, over: spent > minutes * MINUTE };
	});
	return {
		running: isRunning(t),
		started: isRunning(t) || elapsed > 0,
		elapsedMs: elapsed,
		totalMs,
		remainingMs: totalMs - elapsed,
		sessionOver: elapsed > totalMs,
		sections,
	};
}

/** The timer as it would be stopped at `now`: for exports and snapshots. */
export function frozenTimer(t: TimerState, now: number): TimerState {
	return pauseTimer(t, now);
}

/** `m:ss`, or `h:mm:ss` from an hour up; the sign is dropped (callers say "over by"). */
export function formatDuration(ms: number): string {
	const total = Math.floor(Math.abs(ms) / 1000);
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = String(total % 60).padStart(2, '0');
	return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
