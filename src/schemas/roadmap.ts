import { z } from 'zod';

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected kebab-case, like "sql-top-50"');
/** A site path such as `/cases/` or `/concepts/metrics/#ndcg`: starts and (before any #) ends with a slash. */
const sitePath = z.string().regex(/^\/([a-z0-9-]+\/)*(#[a-z0-9-]+)?$/, 'expected a site path like "/concepts/metrics/" (leading and trailing slash, optional #anchor)');

/** A page of this workbook that serves a week. */
export const roadmapLinkSchema = z.strictObject({
	/** Link text, saying what the reader will do there. */
	label: z.string().min(3),
	/** Site path inside the workbook, without the base path. */
	href: sitePath,
});

/** Outside material: a book, course, paper or site. */
export const roadmapResourceSchema = z.strictObject({
	/** Title as its authors give it. */
	title: z.string().min(2),
	/** What kind of thing it is, shown as a small label. */
	kind: z.enum(['book', 'course', 'video', 'paper', 'site', 'docs', 'blog', 'practice']),
	/** Author(s) and year, when it has them: "Deisenroth, Faisal & Ong, 2020". */
	by: z.string().min(2).optional(),
	/** Where to find it; omitted for books without a free edition. */
	url: z.url().optional(),
	/** Which part to use, or why it is here. */
	note: z.string().min(3).optional(),
});

/** A thing to do this week, which the learner can tick. */
export const roadmapActionSchema = z.strictObject({
	/** Stable id, unique within the week; part of the storage key, so never rename a published one. */
	id: kebab,
	/** The action, as an instruction. */
	text: z.string().min(5),
});

/** One week of the plan. */
export const roadmapWeekSchema = z.strictObject({
	/** Week number, 1–16, in order. */
	week: z.number().int().min(1),
	/** Short title: "Python, arrays and strings". */
	title: z.string().min(3),
	/** Why this week matters, in a sentence or two. */
	summary: z.string().min(10),
	/** Topics to study, each with what to be able to do. */
	focus: z.array(z.strictObject({ topic: z.string().min(2), detail: z.string().min(5) })).min(1),
	/** Things to do, each tickable. */
	actions: z.array(roadmapActionSchema).min(1),
	/** Outside material. */
	resources: z.array(roadmapResourceSchema).default([]),
	/** Pages of this workbook that serve the week. */
	links: z.array(roadmapLinkSchema).default([]),
});

/** A phase: a run of weeks with one goal. */
export const roadmapPhaseSchema = z.strictObject({
	/** Stable id, used in anchors. */
	id: kebab,
	/** Phase title: "Computer science and data fundamentals". */
	title: z.string().min(3),
	/** Nickname the plan gives the phase: "The Scientist". */
	role: z.string().min(3).optional(),
	/** What the phase is for. */
	goal: z.string().min(10),
	/** The weeks, in order. */
	weeks: z.array(roadmapWeekSchema).min(1),
});

/** The whole roadmap file, `src/data/roadmap.yaml`. */
export const roadmapSchema = z
	.strictObject({
		/** One paragraph introducing the plan. */
		intro: z.string().min(10),
		/** Hours per week the plan assumes, shown on the page. */
		hoursPerWeek: z.string().min(1),
		/** The phases, in order. */
		phases: z.array(roadmapPhaseSchema).min(1),
		/** The project that runs through all sixteen weeks. */
		project: z.strictObject({
			title: z.string().min(3),
			summary: z.string().min(10),
			/** Tickable milestones of the project, spread over the weeks. */
			actions: z.array(roadmapActionSchema).min(1),
			links: z.array(roadmapLinkSchema).default([]),
		}),
	})
	.superRefine((roadmap, ctx) => {
		let expected = 1;
		roadmap.phases.forEach((phase, p) =>
			phase.weeks.forEach((week, w) => {
				if (week.week !== expected) ctx.addIssue({ code: 'custom', path: ['phases', p, 'weeks', w, 'week'], message: `expected week ${expected}, found week ${week.week}; weeks run 1, 2, 3… across phases` });
				expected = week.week + 1;
				const ids = week.actions.map((a) => a.id);
				ids.forEach((id, i) => {
					if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['phases', p, 'weeks', w, 'actions', i, 'id'], message: `duplicate action id "${id}" in week ${week.week}` });
				});
			}),
		);
		const projectIds = roadmap.project.actions.map((a) => a.id);
		projectIds.forEach((id, i) => {
			if (projectIds.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['project', 'actions', i, 'id'], message: `duplicate project action id "${id}"` });
		});
		const phaseIds = roadmap.phases.map((p) => p.id);
		phaseIds.forEach((id, i) => {
			if (phaseIds.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['phases', i, 'id'], message: `duplicate phase id "${id}"` });
		});
	});

export type Roadmap = z.infer<typeof roadmapSchema>;
export type RoadmapPhase = z.infer<typeof roadmapPhaseSchema>;
export type RoadmapWeek = z.infer<typeof roadmapWeekSchema>;
export type RoadmapLink = z.infer<typeof roadmapLinkSchema>;
