import { z } from 'zod';

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected kebab-case, like "temporal-leakage"');

/** A pitfall that sinks real ML systems, in `case-studies/pitfalls.yaml`. */
export const pitfallSchema = z.strictObject({
	/** Stable identifier; cases reference pitfalls by it. */
	id: kebab,
	/** Short name shown as the heading. */
	name: z.string().min(3),
	/** The family it belongs to, such as leakage, bias or experimentation. */
	category: z.enum(['leakage', 'skew', 'bias', 'feedback', 'labels', 'experimentation', 'cold-start', 'evaluation']),
	/** The framework section where it usually bites (a section id from templates/framework.yaml). */
	stage: kebab,
	/** What it is, in a sentence or two. */
	what: z.string().min(20),
	/** What you would see in metrics or behaviour when it happens. */
	symptom: z.string().min(20),
	/** A concrete check that detects it. */
	detect: z.string().min(20),
	/** How to fix or prevent it. */
	fix: z.string().min(20),
	/** A short, concrete example. */
	example: z.string().min(20),
});

/** The whole pitfall catalog. */
export const pitfallCatalogSchema = z.array(pitfallSchema).min(1);

/** One item of the design checklist, in `case-studies/checklists.yaml`. */
export const checklistItemSchema = z.strictObject({
	/** Stable identifier, unique within its section; the browser stores ticks by it. */
	id: kebab,
	/** The question a reviewer of a real design would ask. */
	text: z.string().min(10),
});

/** Checklist items keyed by framework section id. */
export const checklistCatalogSchema = z.record(z.string(), z.array(checklistItemSchema).min(1));

/** A domain cases are grouped by, in `case-studies/domains.yaml`. */
export const domainSchema = z.strictObject({
	/** Identifier cases use in their `domain` field. */
	id: kebab,
	/** Name shown in badges and the sidebar. */
	title: z.string().min(2),
	/** One line on what problems the domain holds. */
	description: z.string().min(10),
});

export const domainCatalogSchema = z.array(domainSchema).min(1);

export type Pitfall = z.infer<typeof pitfallSchema>;
export type ChecklistItem = z.infer<typeof checklistItemSchema>;
export type ChecklistCatalog = z.infer<typeof checklistCatalogSchema>;
export type Domain = z.infer<typeof domainSchema>;
