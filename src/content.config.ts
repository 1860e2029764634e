import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { caseFrontmatterSchema } from './schemas/case.ts';
import { conceptFrontmatterSchema } from './schemas/definition.ts';

export const collections = {
	/** Starlight's own pages (concepts, guides) under src/content/docs; concept pages may mark `definitions:` (flashcards). */
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema({ extend: conceptFrontmatterSchema }) }),
	/** Starlight's interface strings where this site says them differently (src/content/i18n/en.json). */
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
	/** Case studies live beside the code in case-studies/, one MDX file per case; the file name is the slug. */
	cases: defineCollection({
		// retainBody: false: pages render a case from its compiled MDX module, never from the raw text, and the data
		// store would otherwise hold each case's text (~100 KB) in several copies for the whole build (bench/RESULTS.md).
		loader: glob({ pattern: '**/*.{md,mdx}', base: './case-studies', generateId: ({ entry }) => entry.replace(/^.*\//, '').replace(/\.mdx?$/, ''), retainBody: false }),
		schema: caseFrontmatterSchema,
	}),
};
