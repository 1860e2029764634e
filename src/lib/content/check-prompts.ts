/**
 * Cross-file checks of the prompt index (case-studies/prompts.yaml) once its schema
 * passes: every case slug names a case file, every concept path a concept page and
 * heading, every domain the catalog's, and ids and prompts are unique.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promptIndexSchema, type InterviewPrompt } from '../../schemas/prompts.ts';
import { readDataFile } from './data-file.ts';
import { PROMPTS_FILE } from './prompts.ts';
import { problem, type Problem } from './problems.ts';
import { didYouMeanPhrase } from './suggest.ts';
import { parseYamlSource } from './yaml-source.ts';

export interface PromptCheckContext {
	/** Slugs of every case file in case-studies/, drafts included. */
	caseSlugs: string[];
	/** Domain ids from case-studies/domains.yaml. */
	domainIds: string[];
	/** Site path → heading ids of the docs pages (docsRoutes). */
	docs: Map<string, string[]>;
}

/** The validated prompts (none when the file is absent or invalid) and every problem found. */
export function checkPrompts(root: string, ctx: PromptCheckContext): { prompts: InterviewPrompt[]; problems: Problem[]; checked: boolean } {
	if (!existsSync(join(root, PROMPTS_FILE))) return { prompts: [], problems: [], checked: false };
	const read = readDataFile(root, PROMPTS_FILE, promptIndexSchema);
	// The generic schema messages point at the case template; a prompt's example is the file itself.
	if (!read.data) return { prompts: [], problems: read.problems.map((p) => ({ ...p, fix: p.fix?.replace('see templates/case-study.mdx for an example', 'see the other entries and src/schemas/prompts.ts') })), checked: true };
	const prompts = read.data.prompts;
	const source = parseYamlSource(readFileSync(join(root, PROMPTS_FILE), 'utf8'), PROMPTS_FILE);
	const problems: Problem[] = [];
	const report = (path: (string | number)[], message: string, fix: string) =>
		problems.push(problem(PROMPTS_FILE, message, { line: source.lineOf(path), field: fieldName(path), fix }));
	const slugs = [...ctx.caseSlugs].sort();
	const conceptPages = [...ctx.docs.keys()].filter((r) => r.startsWith('/concepts/')).sort();

	prompts.forEach((p, i) => {
		const first = prompts.findIndex((q) => q.id === p.id);
		if (first !== i) report(['prompts', i, 'id'], `prompt id "${p.id}" is used twice (first on line ${source.lineOf(['prompts', first, 'id'])})`, 'Give each prompt a unique id; it is the prompt’s anchor on /prompts/.');
		else if (ctx.domainIds.includes(p.id)) report(['prompts', i, 'id'], `prompt id "${p.id}" is also a domain id, and both would be the anchor #${p.id} on /prompts/`, `Rename the prompt, e.g. "${p.id}-prompt".`);
		const same = prompts.findIndex((q) => q.prompt.toLowerCase() === p.prompt.toLowerCase());
		if (same !== i) report(['prompts', i, 'prompt'], `prompt "${p.prompt}" is listed twice (first as "${prompts[same].id}")`, 'Merge the two entries into one.');
		if (!ctx.domainIds.includes(p.domain)) report(['prompts', i, 'domain'], `unknown domain "${p.domain}".${didYouMeanPhrase(p.domain, ctx.domainIds)}`, `Use one of ${ctx.domainIds.join(', ')} (case-studies/domains.yaml).`);
		p.cases.forEach((slug, j) => {
			if (!slugs.includes(slug)) report(['prompts', i, 'cases', j], `unknown case "${slug}".${didYouMeanPhrase(slug, slugs)}`, `Use the file name of a case in case-studies/ without .mdx: ${slugs.join(', ')}. A case being written can be named once its draft file exists.`);
			else if (p.cases.indexOf(slug) !== j) report(['prompts', i, 'cases', j], `case "${slug}" is listed twice for this prompt`, 'Remove the second entry.');
		});
		p.concepts.forEach((concept, j) => {
			const [path, hash] = concept.split('#');
			const ids = ctx.docs.get(path);
			if (!ids || !path.startsWith('/concepts/')) report(['prompts', i, 'concepts', j], `unknown concept page "${path}".${didYouMeanPhrase(path, conceptPages)}`, `Use one of ${conceptPages.join(', ')} (pages in src/content/docs/concepts/).`);
			else if (hash && !ids.includes(hash)) report(['prompts', i, 'concepts', j], `${path} has no heading "#${hash}".${didYouMeanPhrase(hash, ids)}`, `Use one of its headings: ${ids.join(', ')}; or link the page without an anchor.`);
		});
	});
	return { prompts: problems.length ? [] : prompts, problems, checked: true };
}

/** `prompts[3].cases[0]`, the field path the report shows. */
function fieldName(path: (string | number)[]): string {
	return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
}
