import { z } from 'zod';

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected kebab-case, like "data-features"');

/** One section of an answer, in the order an interview walks through it. */
export const frameworkSectionSchema = z.strictObject({
	/** Stable identifier, used in anchors, storage keys and checklist entries. */
	id: kebab,
	/** The exact `##` heading a case study uses for this section. */
	title: z.string().min(3),
	/** The question this section answers, as an interviewer would ask it. */
	question: z.string().min(10),
	/** What a strong answer covers; shown on request in practice mode. */
	hints: z.array(z.string().min(5)).min(1),
	/** Minutes this section may take in the reference interview length. */
	minutes: z.number().positive(),
	/** The rubric dimension this section is mostly graded on. */
	rubric: kebab,
});

/** One dimension of the self-assessment rubric. */
export const rubricDimensionSchema = z.strictObject({
	/** Stable identifier, referenced by sections and stored scores. */
	id: kebab,
	/** Name shown to the learner. */
	title: z.string().min(3),
	/** Share of the weighted total; all weights sum to 100. */
	weight: z.number().positive(),
	/** What scores 1, 2, 3 and 4 look like, in that order. */
	levels: z.array(z.string().min(5)).length(4),
});

/** How many key points each section of a case gives, and how long each may be. */
export const keyPointLimitsSchema = z
	.strictObject({
		/** Fewest key points a section may have. */
		min: z.number().int().min(1),
		/** Most key points a section may have. */
		max: z.number().int().min(1),
		/** Most words in one key point. */
		maxWords: z.number().int().min(5),
	})
	.refine((k) => k.max >= k.min, { message: 'keyPoints.max must be at least keyPoints.min' });

/** A level a learner can aim for in practice mode (senior, staff). */
export const targetLevelSchema = z.strictObject({
	/** Stable identifier, stored with practice attempts. */
	id: kebab,
	/** Name shown to the learner. */
	title: z.string().min(3),
	/** The rubric score (1–4) every dimension must reach for an attempt to meet this level. */
	score: z.number().int().min(1).max(4),
	/** One line on what an answer at this level looks like. */
	summary: z.string().min(10),
});

/** A change of requirements the mock interviewer announces mid-interview ("now the latency budget halves"). */
export const requirementChangeSchema = z.strictObject({
	/** Stable identifier; stored with the attempts that met it. */
	id: kebab,
	/** The section during whose time budget the interviewer announces it. */
	section: kebab,
	/** What the interviewer says. */
	change: z.string().min(20),
	/** A sketch of a strong answer, revealed when the interview ends. */
	sketch: z.string().min(20),
});

/** Mock-interview mode on the practice worksheet. */
export const mockSchema = z.strictObject({
	/** How many times the interviewer interjects in one attempt. */
	interjections: z.number().int().min(1).max(8),
	/** The section a case's follow-up question belongs to when it names none. */
	followUpSection: kebab,
	/** Requirement changes any case can meet, mixed with the case's own follow-up questions. */
	requirementChanges: z.array(requirementChangeSchema).min(1),
});

/** The whole framework file, `templates/framework.yaml`. */
export const frameworkSchema = z
	.strictObject({
		/** The interview length the section budgets add up to. */
		interviewMinutes: z.number().int().positive(),
		/** The sections, in answer order. */
		sections: z.array(frameworkSectionSchema).min(3),
		/** Limits on every case's key points per section. */
		keyPoints: keyPointLimitsSchema,
		/** Target levels, lowest first. */
		targetLevels: z.array(targetLevelSchema).min(1),
		/** The rubric dimensions. */
		rubric: z.array(rubricDimensionSchema).min(1),
		/** Mock-interview mode: interjections per attempt and the generic requirement changes. */
		mock: mockSchema.optional(),
	})
	.superRefine((fw, ctx) => {
		const total = fw.sections.reduce((sum, s) => sum + s.minutes, 0);
		if (total !== fw.interviewMinutes) {
			ctx.addIssue({ code: 'custom', path: ['sections'], message: `section budgets sum to ${total} minutes, expected interviewMinutes (${fw.interviewMinutes})` });
		}
		const weights = fw.rubric.reduce((sum, r) => sum + r.weight, 0);
		if (weights !== 100) ctx.addIssue({ code: 'custom', path: ['rubric'], message: `rubric weights sum to ${weights}, expected 100` });
		const dims = new Set(fw.rubric.map((r) => r.id));
		fw.sections.forEach((s, i) => {
			if (!dims.has(s.rubric)) ctx.addIssue({ code: 'custom', path: ['sections', i, 'rubric'], message: `unknown rubric dimension "${s.rubric}"` });
		});
		fw.targetLevels.forEach((t, i) => {
			if (fw.targetLevels.findIndex((u) => u.id === t.id) !== i) ctx.addIssue({ code: 'custom', path: ['targetLevels', i, 'id'], message: `duplicate target level "${t.id}"` });
		});
		const ids = fw.sections.map((s) => s.id);
		if (fw.mock && !ids.includes(fw.mock.followUpSection)) ctx.addIssue({ code: 'custom', path: ['mock', 'followUpSection'], message: `unknown section "${fw.mock.followUpSection}"` });
		fw.mock?.requirementChanges.forEach((c, i) => {
			if (!ids.includes(c.section)) ctx.addIssue({ code: 'custom', path: ['mock', 'requirementChanges', i, 'section'], message: `unknown section "${c.section}"` });
		});
		ids.forEach((id, i) => {
			if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['sections', i, 'id'], message: `duplicate section id "${id}"` });
		});
	});

export type Framework = z.infer<typeof frameworkSchema>;
export type FrameworkSection = z.infer<typeof frameworkSectionSchema>;
export type RubricDimension = z.infer<typeof rubricDimensionSchema>;
export type KeyPointLimits = z.infer<typeof keyPointLimitsSchema>;
export type TargetLevel = z.infer<typeof targetLevelSchema>;
export type RequirementChange = z.infer<typeof requirementChangeSchema>;
