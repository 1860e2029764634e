/**
 * What every case's numbers test (`tests/unit/cases/<slug>.numbers.test.ts`) needs besides the
 * number helpers of src/lib/numbers: the case read from disk, and the checks of its key points.
 * Keep the case's own assumptions and arithmetic in its test; put a helper here once a second
 * case needs it.
 *
 * @example
 * import { keyPointNumbersMissing, keyPointShapeProblems, readCase, words } from './helpers.ts';
 *
 * const { text, fm, body, flat } = readCase('tiktok-feed');
 * const { dailyActiveUsers, requestsPerUserPerDay, peakFactor } = fm.scale;
 *
 * it('states peak QPS', () => {
 *   // `flat` has every run of white space as one space, so a figure may wrap across lines.
 *   expect(flat).toContain(`${formatInt(peakQps(dailyActiveUsers, requestsPerUserPerDay, peakFactor))} QPS at peak`);
 * });
 * it('has 3–6 short key points for every framework section', () => expect(keyPointShapeProblems(fm)).toEqual([]));
 * it('states every key-point number in the body', () => expect(keyPointNumbersMissing(fm, [body])).toEqual([]));
 * it('keeps the body within 7,200 words', () => expect(words(body)).toBeLessThanOrEqual(7_200));
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadFramework } from '../../../src/lib/content/framework.ts';

/** A case as its test reads it. `fm` is the raw frontmatter (`fm.scale`, `fm.keyPoints`, `fm.pipeline`, …). */
export interface CaseText {
	/** The whole file, frontmatter included, as written. */
	text: string;
	// The frontmatter is whatever the case states; each test reads the fields it checks.
	fm: any;
	/** The MDX body after the frontmatter. */
	body: string;
	/** `text` with every run of white space as one space: prose is wrapped at about 100 columns. */
	flat: string;
}

/**
 * Reads `case-studies/<slug>.mdx`.
 * @example readCase('eta-prediction').fm.scale.dailyActiveUsers // 20000000
 */
export function readCase(slug: string): CaseText {
	const text = readFileSync(new URL(`../../../case-studies/${slug}.mdx`, import.meta.url), 'utf8');
	const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
	if (!match) throw new Error(`case-studies/${slug}.mdx has no frontmatter between --- lines`);
	return { text, fm: parse(match[1]!), body: text.slice(match[0].length), flat: collapse(text) };
}

/**
 * Every run of white space as one space, for comparing a figure that may wrap.
 * @example collapse('about\n  12 ms') // 'about 12 ms'
 */
export function collapse(text: string): string {
	return text.replace(/\s+/g, ' ');
}

/**
 * Words separated by white space.
 * @example words(' two  words\n') // 2
 */
export function words(text: string): number {
	return text.split(/\s+/).filter(Boolean).length;
}

/**
 * A share as the pages print it, with `digits` decimals.
 * @example pct(0.0423) // '4.2%'
 */
export function pct(share: number, digits = 1): string {
	return `${(share * 100).toFixed(digits)}%`;
}

/** The frontmatter pipeline's online stages, in order. */
export function onlineStages(fm: CaseText['fm']): { id: string; lane: string; items?: number; latencyMs?: number }[] {
	return (fm.pipeline as { id: string; lane: string; items?: number; latencyMs?: number }[]).filter((s) => s.lane === 'online');
}

/**
 * What is wrong with the shape of the key points, against templates/framework.yaml (its section
 * ids, `keyPoints.min`–`max` points per section, at most `maxWords` words each): empty when right.
 * @example keyPointShapeProblems({ keyPoints: { model: ['One.'] } }) // ['missing sections: requirements, …', 'model: 1 points, expected 3–6']
 */
export function keyPointShapeProblems(fm: CaseText['fm']): string[] {
	const { sections, keyPoints: limits } = loadFramework();
	const points = (fm.keyPoints ?? {}) as Record<string, string[]>;
	const ids = sections.map((s) => s.id);
	const problems: string[] = [];
	const missing = ids.filter((id) => !Object.hasOwn(points, id));
	const unknown = Object.keys(points).filter((id) => !ids.includes(id));
	if (missing.length) problems.push(`missing sections: ${missing.join(', ')}`);
	if (unknown.length) problems.push(`not framework sections: ${unknown.join(', ')}`);
	for (const [id, list] of Object.entries(points)) {
		if (list.length < limits.min || list.length > limits.max) problems.push(`${id}: ${list.length} points, expected ${limits.min}–${limits.max}`);
		for (const p of list) if (words(p) > limits.maxWords) problems.push(`${id}: ${words(p)} words, at most ${limits.maxWords}: ${p}`);
	}
	return problems;
}

/**
 * The numbers (`$1.2`, `40%`, `1,000`) in key points that appear literally in none of `sources`
 * (usually the body), as `keyPoints.<id>: "<number>" in "<point>"`: empty when every one does.
 * Stricter than tests/unit/cases/key-points.test.ts, which accepts a rounded or reworded figure.
 * @example keyPointNumbersMissing({ keyPoints: { model: ['Serve 40% at 20 ms.'] } }, ['… 40% …']) // ['keyPoints.model: "20" in "Serve 40% at 20 ms."']
 */
export function keyPointNumbersMissing(fm: CaseText['fm'], sources: string[]): string[] {
	const missing: string[] = [];
	for (const [id, list] of Object.entries((fm.keyPoints ?? {}) as Record<string, string[]>)) {
		for (const p of list) {
			for (const raw of p.match(/\$?\d[\d,.]*%?/g) ?? []) {
				const n = raw.replace(/[.,]$/, '');
				if (!sources.some((s) => s.includes(n))) missing.push(`keyPoints.${id}: "${n}" in "${p}"`);
			}
		}
	}
	return missing;
}
