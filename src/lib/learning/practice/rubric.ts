/**
 * Self-assessment scoring. Each rubric dimension is scored 1–4; the total maps
 * "all 1s" to 0 and "all 4s" to 100, each dimension counting by its weight
 * (the weights in templates/framework.yaml sum to 100).
 */

/** The formula, as shown on the worksheet and in exports. */
export const RUBRIC_FORMULA = 'total = Σ weight × (score − 1) ÷ 3';

export interface RubricWeight {
	id: string;
	weight: number;
}

export interface RubricTotal {
	/** Weighted total out of 100, rounded to a whole number; unscored dimensions count 0. */
	total: number;
	/** Dimensions with a valid score. */
	scored: number;
	/** Dimensions in the rubric. */
	of: number;
}

export function isScore(value: unknown): value is 1 | 2 | 3 | 4 {
	return value === 1 || value === 2 || value === 3 || value === 4;
}

export function rubricTotal(dimensions: readonly RubricWeight[], scores: Readonly<Record<string, number>>): RubricTotal {
	let sum = 0;
	let scored = 0;
	for (const d of dimensions) {
		const score = Object.hasOwn(scores, d.id) ? scores[d.id] : undefined;
		if (!isScore(score)) continue;
		scored++;
		sum += (d.weight * (score - 1)) / 3;
	}
	return { total: Math.round(sum), scored, of: dimensions.length };
}

export interface TargetLevelInfo {
	id: string;
	title: string;
	/** The score each dimension must reach to meet the level. */
	score: number;
	summary: string;
}

export type Verdict = 'meets' | 'below' | 'unscored';

/** Per dimension, whether the attempt's score reaches the target level's. */
export function targetVerdicts(dimensions: readonly { id: string }[], scores: Readonly<Record<string, number>>, target: TargetLevelInfo): { id: string; verdict: Verdict; score?: number }[] {
	return dimensions.map((d) => {
		const score = Object.hasOwn(scores, d.id) ? scores[d.id] : undefined;
		if (!isScore(score)) return { id: d.id, verdict: 'unscored' };
		return { id: d.id, verdict: score >= target.score ? 'meets' : 'below', score };
	});
}

/** The target level an attempt is measured against: its own if still defined, else the first. */
export function targetOf(levels: readonly TargetLevelInfo[], id: string | undefined): TargetLevelInfo {
	return levels.find((l) => l.id === id) ?? levels[0];
}

/** "Meets Senior on 5 of 7 dimensions (1 not scored)" */
export function describeTarget(verdicts: readonly { verdict: Verdict }[], target: TargetLevelInfo): string {
	const meets = verdicts.filter((v) => v.verdict === 'meets').length;
	const unscored = verdicts.filter((v) => v.verdict === 'unscored').length;
	return `Meets ${target.title} on ${meets} of ${verdicts.length} dimensions${unscored ? ` (${unscored} not scored)` : ''}`;
}
