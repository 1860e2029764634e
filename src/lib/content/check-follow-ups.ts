/**
 * Follow-up questions: each becomes a flashcard and a mock-interview
 * interjection, identified by its `id` (or a slug of its question), so ids must
 * be unique within the case, and a `section` must name a framework section.
 */
import type { CaseFrontmatter } from '../../schemas/case.ts';
import type { Framework } from '../../schemas/framework.ts';
import { followUpId } from '../learning/flashcards/cards.ts';
import { didYouMeanPhrase } from './suggest.ts';
import { problem, type Problem } from './problems.ts';

type LineOf = (path: readonly PropertyKey[]) => number | undefined;

export function checkFollowUps(data: CaseFrontmatter, file: string, lineOf: LineOf, framework: Framework): Problem[] {
	const ids = framework.sections.map((s) => s.id);
	const problems: Problem[] = [];
	const seen = new Map<string, number>();
	data.followUps.forEach((f, i) => {
		const id = followUpId(f);
		const first = seen.get(id);
		if (first !== undefined) {
			problems.push(problem(file, `followUps[${i}] has the same id "${id}" as followUps[${first}]`, { field: `followUps[${i}]`, line: lineOf(['followUps', i]), fix: `Give one of them its own \`id:\` (kebab-case); learners' flashcard history is kept by it.` }));
		} else seen.set(id, i);
		if (f.section !== undefined && !ids.includes(f.section)) {
			problems.push(problem(file, `unknown framework section "${f.section}" in followUps[${i}].section.${didYouMeanPhrase(f.section, ids)}`, { field: `followUps[${i}].section`, line: lineOf(['followUps', i, 'section']), fix: `Use a section id from templates/framework.yaml: ${ids.join(', ')}, or leave \`section\` out.` }));
		}
	});
	return problems;
}
