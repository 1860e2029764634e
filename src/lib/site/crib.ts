/**
 * A case's crib sheet: what to have in mind walking into the interview, on one
 * page. The prompt, the at-a-glance numbers, every section's key points in
 * framework order, and the top pitfalls; all read from the validated case.
 */
import type { CaseFrontmatter } from '../../schemas/case.ts';
import type { Pitfall } from '../../schemas/catalogs.ts';
import type { Framework } from '../../schemas/framework.ts';
import { formatInt } from '../numbers/estimates.ts';
import { atAGlance, funnel } from './case-view.ts';
import { pitfallsOf } from './case-links.ts';

/** How many of the case's pitfalls (in the case's own order) the crib sheet lists. */
export const CRIB_PITFALLS = 4;

export interface Crib {
	title: string;
	prompt: string;
	glance: { label: string; value: string }[];
	/** "Candidate generation 1,000 (40 ms) → Ranking 10 (80 ms)" */
	funnel: string;
	sections: { id: string; title: string; minutes: number; points: string[] }[];
	pitfalls: { id: string; name: string; note: string }[];
}

export function cribSheet(data: CaseFrontmatter, framework: Framework, catalog: Pitfall[]): Crib {
	return {
		title: data.title,
		prompt: data.prompt,
		glance: atAGlance(data).map(({ label, value }) => ({ label, value })),
		funnel: funnel(data.pipeline)
			.map((s) => `${s.name} ${formatInt(s.items)}${s.latencyMs ? ` (${formatInt(s.latencyMs)} ms)` : ''}`)
			.join(' → '),
		sections: framework.sections.map((s) => ({ id: s.id, title: s.title, minutes: s.minutes, points: data.keyPoints?.[s.id] ?? [] })),
		pitfalls: pitfallsOf(data, catalog)
			.slice(0, CRIB_PITFALLS)
			.map(({ pitfall, note }) => ({ id: pitfall.id, name: pitfall.name, note: plainText(note) })),
	};
}

/** Markdown links read as their text on paper: `[the model](/cases/x/#model)` → `the model`. */
export function plainText(markdown: string): string {
	return markdown.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
}
