import { z } from 'zod';

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected kebab-case, like "youtube-recommendations"');
const conceptPath = z.string().regex(/^\/concepts\/[a-z0-9-]+\/(#[a-z0-9-]+)?$/, 'expected a concept page path, like "/concepts/metrics/" or "/concepts/metrics/#calibration"');

/** An interview prompt mapped to the cases that answer it, in `case-studies/prompts.yaml`. */
export const interviewPromptSchema = z.strictObject({
	/** Stable identifier, and the prompt's anchor on the index (`/prompts/#youtube-recommendations`). */
	id: kebab,
	/** The prompt as interviewers say it, e.g. "Design YouTube recommendations". */
	prompt: z.string().min(10).max(120),
	/** The group it is listed under: a domain id from case-studies/domains.yaml. */
	domain: kebab,
	/** One or two case slugs (file names in case-studies/, drafts included) that answer it, closest first; one per line. */
	cases: z.array(kebab).min(1, 'should name at least one case').max(2, 'should name at most two cases, closest first'),
	/** What the prompt adds or removes relative to those cases, in 1–3 specific sentences of inline Markdown. */
	changes: z.string().min(60).max(600),
	/** What no case covers yet, in a sentence of inline Markdown; drop it once a case does. */
	gap: z.string().min(30).max(300).optional(),
	/** Concept pages (site paths, optionally with a heading anchor) that cover the rest, most useful first. */
	concepts: z.array(conceptPath).max(3).default([]),
});

/** The whole prompt index. */
export const promptIndexSchema = z.strictObject({
	/** Every prompt, in the order the page lists them within each domain. */
	prompts: z.array(interviewPromptSchema).min(1),
});

export type InterviewPrompt = z.infer<typeof interviewPromptSchema>;
export type PromptIndex = z.infer<typeof promptIndexSchema>;
