/**
 * Back-of-envelope arithmetic, written in a case as a fenced block with language `estimate`:
 * one step per line, plain text with × ÷ ≈ =. Rendered as a numbered list of steps with each
 * step's result set apart, the same in every case and in print.
 */
import { escapeHtml } from './escape-html.ts';

export interface EstimateStep {
	/** The working, up to the last `=` or `≈` (empty when the line is a note). */
	working: string;
	/** The relation before the result: `=` or `≈`. */
	relation?: string;
	/** What the step comes to. */
	result: string;
}

/** The steps of an estimate block; blank lines are skipped. */
export function parseEstimate(source: string): EstimateStep[] {
	return source
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean)
		.map((line) => {
			const at = Math.max(line.lastIndexOf(' = '), line.lastIndexOf(' ≈ '));
			if (at < 0) return { working: '', result: line };
			return { working: line.slice(0, at).trim(), relation: line.slice(at + 1, at + 2), result: line.slice(at + 3).trim() };
		});
}

/** The estimate as HTML: a labelled list, results in <strong>; nothing from the source is markup. */
export function renderEstimate(source: string): string {
	const steps = parseEstimate(source).map((s) =>
		s.relation
			? `<li><span class="estimate-working">${escapeHtml(s.working)}</span> <span class="estimate-relation">${s.relation}</span> <strong class="estimate-result">${escapeHtml(s.result)}</strong></li>`
			: `<li class="estimate-note">${escapeHtml(s.result)}</li>`,
	);
	return `<figure class="estimate not-content"><figcaption>Back-of-envelope estimate</figcaption><ol>${steps.join('')}</ol></figure>`;
}
