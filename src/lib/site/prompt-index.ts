/** How the prompt index (/prompts/) and the case pages' "Prompts this case answers" read case-studies/prompts.yaml. */
import type { Domain } from '../../schemas/catalogs.ts';
import type { InterviewPrompt } from '../../schemas/prompts.ts';

/** A prompt as the index lists it: only the cases a reader can open (listed, not drafts). */
export interface ListedPrompt extends InterviewPrompt {
	cases: string[];
}

/**
 * Prompts grouped by domain, domains in catalog order and prompts in file order. A prompt's
 * draft cases are left out (drafts are not listed anywhere), and a prompt with no listed case
 * waits off the page until its case is listed.
 */
export function promptGroups(prompts: InterviewPrompt[], domains: Domain[], listedCases: ReadonlySet<string>): { domain: Domain; prompts: ListedPrompt[] }[] {
	const listed = prompts.map((p) => ({ ...p, cases: p.cases.filter((c) => listedCases.has(c)) })).filter((p) => p.cases.length > 0);
	return domains.map((domain) => ({ domain, prompts: listed.filter((p) => p.domain === domain.id) })).filter((g) => g.prompts.length > 0);
}

/** The prompts that map to one case, in file order: closest match (the case listed first) before the rest. */
export function promptsForCase(prompts: InterviewPrompt[], slug: string): InterviewPrompt[] {
	const mapped = prompts.filter((p) => p.cases.includes(slug));
	return [...mapped.filter((p) => p.cases[0] === slug), ...mapped.filter((p) => p.cases[0] !== slug)];
}

/** The page and heading a concept path names (`/concepts/metrics/#calibration` → page `/concepts/metrics/`, anchor `calibration`). */
export function conceptTarget(path: string): { page: string; anchor?: string } {
	const [page, anchor] = path.split('#');
	return anchor ? { page, anchor } : { page };
}
