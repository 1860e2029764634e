/**
 * Mock-interview mode: which of a case's follow-up questions and the
 * framework's requirement changes the interviewer raises, and when. Chosen and
 * timed from a seed alone (a small PRNG, no Math.random), so one seed always
 * gives the same interview; each interjection comes at a moment inside its
 * section's time budget, counted on the attempt's timer.
 */
import type { Interjection, MockState } from './attempt.ts';

/** Something the interviewer may raise, as the worksheet receives it (built from the case and the framework). */
export interface MockSource {
	id: string;
	kind: Interjection['kind'];
	section: string;
	prompt: string;
	sketch: string;
}

/** mulberry32: a 32-bit seeded generator, plenty for shuffling a dozen items reproducibly. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

/** A fresh seed for a new mock interview. */
export function newSeed(random: () => number = Math.random): number {
	return Math.floor(random() * 0x1_0000_0000) >>> 0;
}

function shuffled<T>(items: T[], random: () => number): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/**
 * The interview for a seed: `count` interjections, at least one requirement
 * change and the rest follow-ups when the case has enough, each timed between a
 * quarter and three quarters of the way through its section's budget (minutes
 * per section id for this interview length, in section order), earliest first.
 */
export function planMock(sources: MockSource[], sectionOrder: string[], budgets: Record<string, number>, seed: number, count: number): MockState {
	const random = seededRandom(seed);
	const followUps = shuffled(sources.filter((s) => s.kind === 'follow-up' && sectionOrder.includes(s.section)), random);
	const changes = shuffled(sources.filter((s) => s.kind === 'change' && sectionOrder.includes(s.section)), random);
	const picked: MockSource[] = [];
	if (changes.length) picked.push(changes.shift()!);
	const rest = [...followUps, ...changes];
	while (picked.length < count && rest.length) picked.push(rest.shift()!);
	const starts = new Map<string, number>();
	let t = 0;
	for (const id of sectionOrder) {
		starts.set(id, t);
		t += (budgets[id] ?? 0) * 60_000;
	}
	const interjections: Interjection[] = picked.map((s) => ({
		id: `${s.kind}:${s.id}`,
		kind: s.kind,
		section: s.section,
		atMs: Math.round(starts.get(s.section)! + (0.25 + 0.5 * random()) * (budgets[s.section] ?? 0) * 60_000),
		prompt: s.prompt,
		sketch: s.sketch,
		shownAt: null,
		answer: '',
	}));
	interjections.sort((a, b) => a.atMs - b.atMs);
	return { seed, interjections, endedAt: null };
}

/** Marks every interjection whose moment the interview time has reached as shown (at `now`); the same state when none is new. */
export function fireDue(mock: MockState, elapsedMs: number, now: number): MockState {
	if (mock.endedAt !== null || !mock.interjections.some((i) => i.shownAt === null && i.atMs <= elapsedMs)) return mock;
	return { ...mock, interjections: mock.interjections.map((i) => (i.shownAt === null && i.atMs <= elapsedMs ? { ...i, shownAt: now } : i)) };
}
