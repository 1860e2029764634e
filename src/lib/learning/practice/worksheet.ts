/**
 * What a practice page needs about its case, assembled at build time from the
 * case frontmatter and the framework. Build-time only (the framework loader
 * reads files); the browser gets the result as embedded JSON.
 */
import type { CaseFrontmatter } from '../../../schemas/case.ts';
import type { Framework } from '../../../schemas/framework.ts';
import { scaledBudgets } from '../../content/framework.ts';
import type { WorksheetInfo } from './export.ts';
import type { MockSource } from './mock.ts';
import { followUpId } from '../flashcards/cards.ts';
import { inlineText } from '../../site/inline-markdown.ts';

/** Interview lengths the timer offers, in minutes (the framework's own length is always among them, and the default). */
export const PRACTICE_LENGTHS = [35, 45, 60];

export function worksheetInfo(slug: string, data: CaseFrontmatter, fw: Framework): WorksheetInfo {
	const lengths = [...new Set([...PRACTICE_LENGTHS, fw.interviewMinutes])].sort((a, b) => a - b);
	const budgets: WorksheetInfo['budgets'] = {};
	for (const minutes of lengths) {
		const scaled = scaledBudgets(fw, minutes);
		budgets[String(minutes)] = Object.fromEntries(fw.sections.map((s, i) => [s.id, scaled[i]]));
	}
	return {
		slug,
		title: data.title,
		prompt: data.prompt,
		context: data.context,
		sections: fw.sections.map((s) => ({ id: s.id, title: s.title, question: s.question })),
		rubric: fw.rubric.map((d) => ({ id: d.id, title: d.title, weight: d.weight, levels: d.levels })),
		keyPoints: Object.fromEntries(fw.sections.map((s) => [s.id, data.keyPoints?.[s.id] ?? []])),
		targetLevels: fw.targetLevels.map((t) => ({ id: t.id, title: t.title, score: t.score, summary: t.summary })),
		lengths,
		defaultMinutes: fw.interviewMinutes,
		budgets,
		mock: { count: fw.mock?.interjections ?? 3, sources: mockSources(data, fw) },
	};
}

/** What the mock interviewer may raise on this case: its follow-ups (in their section) and the framework's requirement changes, as plain text. */
export function mockSources(data: Pick<CaseFrontmatter, 'followUps'>, fw: Framework): MockSource[] {
	const fallback = fw.mock?.followUpSection ?? fw.sections.at(-1)!.id;
	return [
		...(data.followUps ?? []).map((f): MockSource => ({ id: followUpId(f), kind: 'follow-up', section: f.section ?? fallback, prompt: inlineText(f.question), sketch: inlineText(f.answer) })),
		...(fw.mock?.requirementChanges ?? []).map((c): MockSource => ({ id: c.id, kind: 'change', section: c.section, prompt: inlineText(c.change), sketch: inlineText(c.sketch) })),
	];
}

/** JSON safe to place inside a `<script type="application/json">`: no `<` can close the element. */
export function embeddedJson(value: unknown): string {
	return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
