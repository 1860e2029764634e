import { z } from 'zod';
import { smartQuotes } from '../lib/site/typography.ts';

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected kebab-case, like "two-tower"');
const positive = z.number().positive();

/** Difficulty levels, easiest first. */
export const DIFFICULTIES = ['foundation', 'intermediate', 'advanced'] as const;

/** The scale assumptions the estimates and the "at a glance" box are computed from. */
export const scaleSchema = z.strictObject({
	/** Daily active users the design is sized for. */
	dailyActiveUsers: positive,
	/** Requests the system serves per active user per day (feed refreshes, searches, ad slots). */
	requestsPerUserPerDay: positive,
	/** Peak-to-average traffic ratio used to size for the busiest hour. */
	peakFactor: z.number().min(1).max(20),
	/** How many items the system chooses from (videos, businesses, ads). */
	corpusSize: positive,
	/** What one item of the corpus is called, plural ("videos"). */
	corpusUnit: z.string().min(2),
	/** End-to-end latency budget for one request, in milliseconds (p99 unless notes say otherwise). */
	latencyBudgetMs: positive,
	/** Items returned to the client per request. */
	itemsPerRequest: positive,
});

/** One stage of the pipeline; drives the generated pipeline diagram and the funnel. */
export const pipelineStageSchema = z.strictObject({
	/** Identifier, unique within the case. */
	id: kebab,
	/** Name shown in the diagram. */
	name: z.string().min(2),
	/** Offline stages run in batch or streaming jobs; online stages run per request. */
	lane: z.enum(['offline', 'online']),
	/** Items that leave this stage per request (online funnel stages). */
	items: positive.optional(),
	/** Milliseconds this stage may spend per request (online stages). */
	latencyMs: positive.optional(),
	/** One line on what the stage does. */
	detail: z.string().optional(),
	/** Stage ids this stage feeds; defaults to the next stage in the same lane. */
	feeds: z.array(kebab).optional(),
});

/** A pitfall from the catalog, with how it shows up in this case. */
export const casePitfallSchema = z.strictObject({
	/** Pitfall id from case-studies/pitfalls.yaml. */
	id: kebab,
	/** How the pitfall shows up in this case, specifically. */
	note: z.string().min(20),
});

/** A case-specific checklist item, added to the catalog's items for its section. */
export const caseChecklistItemSchema = z.strictObject({
	/** The framework section id the item belongs to. */
	section: kebab,
	/** The question a reviewer would ask of this design. */
	item: z.string().min(10),
});

/** A follow-up question an interviewer may ask, with a short answer sketch. */
export const followUpSchema = z.strictObject({
	/** Stable identifier, unique within the case; defaults to a slug of the question. Set it to the old slug when rewording a question so learners keep their flashcard history. */
	id: kebab.optional(),
	/** The framework section id the question probes; mock interviews ask it during that section. Defaults to the framework's last section (see followUpSection). */
	section: kebab.optional(),
	/** The question. */
	question: z.string().min(10),
	/** A short sketch of a strong answer. */
	answer: z.string().min(20),
});

/** A primary source the case relies on. */
export const referenceSchema = z.strictObject({
	/** Title of the paper or post. */
	title: z.string().min(3),
	/** Where to read it; must be https. */
	url: z.url({ protocol: /^https$/, error: 'expected an https:// URL' }),
	/** Year of publication. */
	year: z.number().int().min(1950).max(2100),
	/** Authors or organisation. */
	authors: z.string().optional(),
	/** Where it appeared (conference, blog). */
	venue: z.string().optional(),
});

/**
 * Longest case title. Every page title built from it must fit html-validate's long-title rule
 * (70 characters plus Starlight's " | MLSD Workbook", see .htmlvalidate.mjs); the longest is
 * "Worksheet: <title>" (src/lib/site/page-titles.ts, which tests hold to this limit).
 */
export const CASE_TITLE_MAX = 59;

/** The frontmatter of a case study in `case-studies/*.mdx`. */
export const caseFrontmatterSchema = z.strictObject({
	/** Title shown on the page, in the sidebar and in PDFs; straight quotes become typographic ones when loaded. */
	title: z.string().min(3).max(CASE_TITLE_MAX, { error: 'it names the page, practice, worksheet and print pages ("Worksheet: <title> | MLSD Workbook"), which must stay within the 86 characters a page title may have' }).transform((t) => smartQuotes(t)),
	/** One-line summary for cards, search excerpts and meta descriptions. */
	summary: z.string().min(20).max(220),
	/** The interview prompt, as the interviewer says it. Shown alone in practice mode. */
	prompt: z.string().min(20),
	/** Product and company context a candidate would be given or would ask for. */
	context: z.string().min(20),
	/** Domain id from case-studies/domains.yaml. */
	domain: kebab,
	/** How hard the case is. */
	difficulty: z.enum(DIFFICULTIES),
	/** Interview length the case is written for, in minutes. */
	minutes: z.number().int().min(20).max(90).default(45),
	/** Topics readers search and filter by. */
	tags: z.array(z.string().min(2)).default([]),
	/** Scale assumptions used by the estimates. */
	scale: scaleSchema,
	/** Pipeline stages, offline and online, in order. */
	pipeline: z.array(pipelineStageSchema).min(2),
	/** Pitfalls from the catalog, each with a case-specific note. */
	pitfalls: z.array(casePitfallSchema).default([]),
	/** Case-specific checklist items. */
	checklist: z.array(caseChecklistItemSchema).default([]),
	/**
	 * What a strong candidate says in each framework section's time budget: section id →
	 * single claims, specific to the case. How many per section and how long each may be
	 * is set once in templates/framework.yaml (`keyPoints`) and checked by the content check.
	 */
	keyPoints: z.record(kebab, z.array(z.string().min(10).max(400))).optional(),
	/** Follow-up questions with answer sketches. */
	followUps: z.array(followUpSchema).default([]),
	/** Primary sources, with year. */
	references: z.array(referenceSchema).default([]),
	/** Hide from listings while a draft. */
	draft: z.boolean().default(false),
});

/**
 * The countable minimums of the case standard, checked for every listed case (warnings
 * while `draft: true`). Key points are checked with their own field.
 */
export const CASE_MINIMUMS = {
	/** Catalog pitfalls, each with a note on how it bites in this case. */
	pitfalls: 6,
	/** Case-specific checklist items, across sections (the catalog's come on top). */
	checklist: 15,
	/** Follow-up questions with answer sketches. */
	followUps: 8,
	/** Primary references. */
	references: 6,
} as const;

export type CaseFrontmatter = z.infer<typeof caseFrontmatterSchema>;
export type PipelineStage = z.infer<typeof pipelineStageSchema>;
export type Scale = z.infer<typeof scaleSchema>;
