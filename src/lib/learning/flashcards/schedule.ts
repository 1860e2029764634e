/**
 * Scheduling through FSRS (ts-fsrs), kept behind four functions so the rest of
 * the code stores plain JSON (epoch milliseconds, no Date objects) and never
 * depends on the library's card shape. Fuzz is off, so a review is
 * reproducible: the same history gives the same schedule in tests and browsers.
 */
import { createEmptyCard, fsrs, type Card, type Grade } from 'ts-fsrs';

/** A card's scheduling state as stored: ts-fsrs's Card with dates as epoch ms. */
export interface Schedule {
	due: number;
	stability: number;
	difficulty: number;
	scheduledDays: number;
	learningSteps: number;
	reps: number;
	lapses: number;
	/** 0 new, 1 learning, 2 review, 3 relearning (ts-fsrs's State). */
	state: 0 | 1 | 2 | 3;
	lastReview: number | null;
}

/** 1 again, 2 hard, 3 good, 4 easy: the keys a learner presses. */
export type GradeValue = 1 | 2 | 3 | 4;

export const GRADES: { value: GradeValue; label: string }[] = [
	{ value: 1, label: 'Again' },
	{ value: 2, label: 'Hard' },
	{ value: 3, label: 'Good' },
	{ value: 4, label: 'Easy' },
];

const scheduler = fsrs({ enable_fuzz: false });

function toCard(s: Schedule): Card {
	return {
		due: new Date(s.due),
		stability: s.stability,
		difficulty: s.difficulty,
		elapsed_days: 0,
		scheduled_days: s.scheduledDays,
		learning_steps: s.learningSteps,
		reps: s.reps,
		lapses: s.lapses,
		state: s.state,
		...(s.lastReview === null ? {} : { last_review: new Date(s.lastReview) }),
	};
}

function fromCard(c: Card): Schedule {
	return {
		due: c.due.getTime(),
		stability: c.stability,
		difficulty: c.difficulty,
		scheduledDays: c.scheduled_days,
		learningSteps: c.learning_steps,
		reps: c.reps,
		lapses: c.lapses,
		state: c.state as Schedule['state'],
		lastReview: c.last_review ? c.last_review.getTime() : null,
	};
}

/** A card never reviewed, due now. */
export function newSchedule(now: number): Schedule {
	return fromCard(createEmptyCard(new Date(now)));
}

/** The schedule after grading the card at `now`; an unseen card (undefined) starts fresh. */
export function review(current: Schedule | undefined, grade: GradeValue, now: number): Schedule {
	return fromCard(scheduler.next(toCard(current ?? newSchedule(now)), new Date(now), grade as Grade).card);
}

/** When each grade would bring the card back, for the labels on the grade buttons. */
export function preview(current: Schedule | undefined, now: number): Record<GradeValue, number> {
	const card = toCard(current ?? newSchedule(now));
	const out = {} as Record<GradeValue, number>;
	for (const { value } of GRADES) out[value] = scheduler.next(card, new Date(now), value as Grade).card.due.getTime();
	return out;
}

/** "1 min", "10 min", "3 h", "4 d", "2 mo", "1.5 y": how long until `due`. */
export function formatInterval(now: number, due: number): string {
	const minutes = Math.max(1, Math.round((due - now) / 60_000));
	if (minutes < 60) return `${minutes} min`;
	const hours = Math.round(minutes / 60);
	if (hours < 24) return `${hours} h`;
	const days = Math.round(hours / 24);
	if (days < 31) return `${days} d`;
	if (days < 365) return `${Math.round(days / 30)} mo`;
	return `${(days / 365).toFixed(1).replace(/\.0$/, '')} y`;
}
