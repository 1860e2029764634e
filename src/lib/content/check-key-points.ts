/**
 * Key points: for every framework section, between `keyPoints.min` and `.max`
 * single claims of at most `.maxWords` words (templates/framework.yaml). Listed
 * cases must have them; a draft gets warnings, so it builds while being written.
 */
import type { CaseFrontmatter } from '../../schemas/case.ts';
import type { Framework } from '../../schemas/framework.ts';
import { didYouMeanPhrase } from './suggest.ts';
import { problem, type Problem } from './problems.ts';

type LineOf = (path: readonly PropertyKey[]) => number | undefined;

/** Words as a reader counts them: runs of text with a letter or digit (a dash or arrow alone is not a word). */
export function countWords(text: string): number {
	return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function checkKeyPoints(data: CaseFrontmatter, file: string, lineOf: LineOf, framework: Framework): Problem[] {
	const { min, max, maxWords } = framework.keyPoints;
	const sections = framework.sections;
	const ids = sections.map((s) => s.id);
	const problems: Problem[] = [];
	// Unfinished work in a draft is a warning; a typo in a section id is always an error.
	const pending = data.draft ? { severity: 'warning' as const } : {};
	const shape = `${min}–${max} claims of at most ${maxWords} words each`;
	const points = data.keyPoints;
	if (!points) {
		problems.push(
			problem(file, `no key points: every framework section needs ${shape}`, {
				...pending,
				field: 'keyPoints',
				line: lineOf([]) ?? 1,
				fix: `Add \`keyPoints:\` to the frontmatter with an entry for each section id (${ids.join(', ')}), each a list of what a strong candidate says in that section's time budget.`,
			}),
		);
		return problems;
	}
	for (const key of Object.keys(points)) {
		if (!ids.includes(key)) {
			problems.push(problem(file, `unknown framework section "${key}" in keyPoints.${didYouMeanPhrase(key, ids)}`, { field: `keyPoints.${key}`, line: lineOf(['keyPoints', key]), fix: `Use a section id from templates/framework.yaml: ${ids.join(', ')}.` }));
		}
	}
	for (const section of sections) {
		const list = Object.hasOwn(points, section.id) ? points[section.id] : undefined;
		const field = `keyPoints.${section.id}`;
		if (!list) {
			problems.push(problem(file, `no key points for "${section.title}"; every section needs ${shape}`, { ...pending, field, line: lineOf(['keyPoints']), fix: `Add \`${section.id}:\` under \`keyPoints:\` with ${min}–${max} points answering: ${section.question}` }));
			continue;
		}
		if (list.length < min || list.length > max) {
			const fix = list.length < min ? `Add ${min - list.length} more: what else must a candidate say in the ${section.minutes} minutes of "${section.title}"?` : `Keep the ${max} that matter most; move the rest into a deep dive in the body.`;
			problems.push(problem(file, `"${section.title}" has ${list.length} key point${list.length === 1 ? '' : 's'}; expected ${min}–${max}`, { ...pending, field, line: lineOf(['keyPoints', section.id]), fix }));
		}
		list.forEach((text, i) => {
			const words = countWords(text);
			const at = { field: `${field}[${i}]`, line: lineOf(['keyPoints', section.id, i]) };
			if (words > maxWords) {
				problems.push(problem(file, `key point has ${words} words; at most ${maxWords}, one claim each`, { ...pending, ...at, fix: 'Say the claim in fewer words, or split it into two points; keep the detail in the body.' }));
			}
			if (/\]\(|https?:\/\//.test(text)) {
				problems.push(problem(file, 'key point contains a link; key points are plain claims, printed on the crib sheet', { ...pending, ...at, fix: 'Remove the link; link from the section body instead.' }));
			}
			if (list.findIndex((t) => t.trim() === text.trim()) !== i) {
				problems.push(problem(file, `key point repeats an earlier one in "${section.title}"`, { ...pending, ...at, fix: 'Remove the duplicate.' }));
			}
		});
	}
	return problems;
}
