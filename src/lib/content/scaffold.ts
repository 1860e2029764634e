import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Framework } from '../../schemas/framework.ts';
import { DIFFICULTIES } from '../../schemas/case.ts';
import { CASES_DIR } from './project.ts';
import { slugify } from './slug.ts';
import { didYouMeanPhrase } from './suggest.ts';

export const TEMPLATE_FILE = 'templates/case-study.mdx';
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface NewCase {
	title: string;
	domain: string;
	difficulty: string;
	slug?: string;
}

/** What is wrong with the answers, one message per problem (empty when all is well). */
export function validateNewCase(input: NewCase, domains: string[], root: string): string[] {
	const errors: string[] = [];
	if (input.title.trim().length < 3) errors.push('title: expected at least 3 characters, e.g. "Spotify-style playlist continuation".');
	if (/[<>{}]/.test(input.title)) errors.push('title: must be plain text; remove <, >, { and }.');
	if (!domains.includes(input.domain)) errors.push(`domain: unknown domain "${input.domain}".${didYouMeanPhrase(input.domain, domains)} Use one of ${domains.join(', ')}, or add one to case-studies/domains.yaml.`);
	if (!(DIFFICULTIES as readonly string[]).includes(input.difficulty)) errors.push(`difficulty: "${input.difficulty}" is not one of ${DIFFICULTIES.join(', ')}.`);
	const slug = input.slug ?? slugify(input.title);
	if (!SLUG.test(slug)) errors.push(`slug: "${slug}" is not URL-safe; use lowercase letters, digits and single hyphens, e.g. "playlist-continuation".`);
	else if (['index', 'new'].includes(slug)) errors.push(`slug: "${slug}" is reserved; choose another.`);
	else if (existsSync(join(root, CASES_DIR, `${slug}.mdx`)) || existsSync(join(root, CASES_DIR, `${slug}.md`))) errors.push(`slug: ${CASES_DIR}/${slug}.mdx already exists; it will not be overwritten. Choose another slug with --slug.`);
	return errors;
}

/** The new case's MDX: the template with the answers filled in and one section per framework section. */
export function scaffoldCase(input: NewCase, framework: Framework, root: string): { slug: string; text: string } {
	const slug = input.slug ?? slugify(input.title);
	const template = readFileSync(join(root, TEMPLATE_FILE), 'utf8');
	const sections = framework.sections
		.map((s) => {
			const hints = s.hints.map((h) => `  - ${h}`).join('\n');
			// The comment guides the author; the question line keeps the section non-empty until it is written.
			return `## ${s.title}\n\n{/*\n  ${s.minutes} min in a ${framework.interviewMinutes}-minute interview. What belongs here:\n${hints}\n  Open with a short lead; put detail beyond the key points in <DeepDive title="What it is about">…</DeepDive>.\n*/}\n\n**${s.question}**\n`;
		})
		.join('\n');
	const yamlString = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
	const values: Record<string, string> = {
		title: yamlString(input.title.trim()),
		summary: yamlString(`A one-line summary of the ${input.title.trim()} case for cards and search.`),
		domain: input.domain,
		difficulty: input.difficulty,
		sections,
		keyPoints: framework.sections.map((s) => `  ${s.id}: []`).join('\n'),
	};
	// One pass with a function: the title is inserted as typed (`$&` and `$'` are not replacement patterns), never re-scanned.
	const text = template.replace(/\{\{(title|summary|domain|difficulty|keyPoints|sections)\}\}/g, (_, key: string) => values[key]);
	return { slug, text };
}
