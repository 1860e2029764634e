import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Framework } from '../../schemas/framework.ts';
import { defaultSlug, difficultyProblem, domainProblem, slugProblem, titleProblem } from './new-case-answers.ts';

export const TEMPLATE_FILE = 'templates/case-study.mdx';

export interface NewCase {
	title: string;
	domain: string;
	difficulty: string;
	slug?: string;
}

/** What is wrong with the answers, one message per problem (empty when all is well). */
export function validateNewCase(input: NewCase, domains: string[], root: string): string[] {
	const slug = input.slug ?? defaultSlug(input.title);
	return [titleProblem(input.title), domainProblem(input.domain, domains), difficultyProblem(input.difficulty), slugProblem(slug, root)].filter((p): p is string => p !== undefined);
}

/** The new case's MDX: the template with the answers filled in and one section per framework section. */
export function scaffoldCase(input: NewCase, framework: Framework, root: string): { slug: string; text: string } {
	const slug = input.slug ?? defaultSlug(input.title);
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
