import { z } from 'zod';

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected kebab-case, like "recall-at-k"');

/**
 * A term a concept page defines, marked in its frontmatter `definitions:` list.
 * Each becomes a flashcard (term → definition) on /review/ and in the Anki export.
 */
export const definitionSchema = z.strictObject({
	/** Stable identifier within the page; defaults to a slug of the term. Keep it when rewording the term so learners keep their history. */
	id: kebab.optional(),
	/** The term, as the page names it ("Normalized entropy"). */
	term: z.string().min(2).max(80),
	/** What it means, in one or two sentences; inline Markdown and $`TeX`$ allowed. */
	definition: z.string().min(20).max(600),
});

/** Frontmatter a concept page may add to Starlight's own. */
export const conceptFrontmatterSchema = z.object({
	/** Terms the page defines, turned into flashcards. */
	definitions: z.array(definitionSchema).optional(),
});

export type Definition = z.infer<typeof definitionSchema>;
