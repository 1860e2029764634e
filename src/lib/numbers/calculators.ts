/**
 * The calculators' arithmetic, from the strings a reader typed to the numbers
 * shown: validation, unit conversion and results in one pure module, so the
 * widget scripts only read fields and paint results, and tests cover the rest.
 */
import { averageQps, DAYS_PER_YEAR, latencyBudget, peakQps, storageBytes, type LatencyStage } from './estimates.ts';
import { parseNumberInput, type NumberRule } from './number-input.ts';
import { experimentDaysUnique, normalQuantile, sampleSizePerArm, type VarianceFormula } from './stats.ts';

/** Field name → message, for every field that is invalid. */
export type FieldErrors = Record<string, string>;

export type Outcome<T> = { ok: true; result: T } | { ok: false; errors: FieldErrors };

/** Reads each field by its rule; collects every message at once rather than stopping at the first. */
function readFields<K extends string>(raw: Record<K, string>, rules: Record<K, NumberRule>): { values: Record<K, number>; errors: FieldErrors } {
	const values = {} as Record<K, number>;
	const errors: FieldErrors = {};
	for (const key of Object.keys(rules) as K[]) {
		const parsed = parseNumberInput(raw[key] ?? '', rules[key]);
		if (parsed.ok) values[key] = parsed.value;
		else errors[key] = parsed.message;
	}
	return { values, errors };
}

// ── A/B test sample size ─────────────────────────────────────────────────────

export type EffectKind = 'absolute' | 'relative';

export interface SampleSizeFields {
	/** Control conversion rate, in percent. */
	baseline: string;
	/** Minimum detectable effect: percentage points (absolute) or percent of the baseline (relative). */
	mde: string;
	/** Significance level α, as a probability. */
	alpha: string;
	/** Power 1 − β, as a probability. */
	power: string;
	/** Everyone who could enter the experiment while it runs (e.g. monthly active users), all arms together. */
	population: string;
	/** How many of them visit on an average day. */
	dailyUsers: string;
	/** Percent of those users the experiment gets. */
	share: string;
}

export interface SampleSizeChoices {
	effectKind: EffectKind;
	twoSided: boolean;
	formula: VarianceFormula;
}

export interface SampleSizeResult {
	/** Control and treatment rates as probabilities. */
	p1: number;
	p2: number;
	/** Absolute difference p2 − p1. */
	delta: number;
	zAlpha: number;
	zBeta: number;
	perArm: number;
	total: number;
	/** Days until both arms hold `perArm` distinct users; Infinity when the eligible users in the test are too few. */
	days: number;
	/** Days rounded up to whole weeks, at least one (Infinity with `days`). */
	weeks: number;
	/** Distinct users the test can ever hold: eligible users × share. */
	reachable: number;
}

export const SAMPLE_SIZE_RULES: Record<keyof SampleSizeFields, NumberRule> = {
	baseline: { name: 'the baseline conversion rate (%)', min: 0, max: 100, minExclusive: true, maxExclusive: true, example: '10' },
	mde: { name: 'the minimum detectable effect', min: 0, minExclusive: true, example: '2' },
	alpha: { name: 'the significance level α', min: 0, max: 1, minExclusive: true, maxExclusive: true, example: '0.05' },
	power: { name: 'the power', min: 0, max: 1, minExclusive: true, maxExclusive: true, example: '0.8' },
	population: { name: 'the eligible users in total', min: 0, minExclusive: true, example: '1,000,000' },
	dailyUsers: { name: 'the eligible users per day', min: 0, minExclusive: true, example: '50,000' },
	share: { name: 'the traffic share (%)', min: 0, max: 100, minExclusive: true, example: '100' },
};

export const SAMPLE_SIZE_DEFAULTS: SampleSizeFields & SampleSizeChoices = {
	baseline: '10',
	mde: '2',
	alpha: '0.05',
	power: '0.8',
	population: '100000',
	dailyUsers: '10000',
	share: '100',
	effectKind: 'absolute',
	twoSided: true,
	formula: 'pooled',
};

/**
 * Users per arm, in total, and days and weeks, from the sample-size form. Days count distinct
 * users: each eligible user visits on a given day with probability daily ÷ eligible
 * (`experimentDaysUnique`), so returning users do not count twice.
 */
export function computeSampleSize(fields: SampleSizeFields, choices: SampleSizeChoices): Outcome<SampleSizeResult> {
	const { values, errors } = readFields(fields, SAMPLE_SIZE_RULES);
	if (errors.population === undefined && errors.dailyUsers === undefined && values.dailyUsers > values.population) {
		errors.dailyUsers = `More users a day than eligible users in total; enter at most ${values.population.toLocaleString('en-US')}.`;
	}
	if (errors.baseline === undefined && errors.mde === undefined) {
		const p1 = values.baseline / 100;
		const delta = choices.effectKind === 'absolute' ? values.mde / 100 : p1 * (values.mde / 100);
		if (p1 + delta >= 1) {
			const points = trimNumber(100 - values.baseline);
			const limit = choices.effectKind === 'absolute' ? `${points} point${points === '1' ? '' : 's'}` : `${trimNumber((100 * (1 - p1)) / p1)} %`;
			errors.mde = `The baseline plus this effect reaches 100 %; enter an effect below ${limit}.`;
		}
	}
	if (Object.keys(errors).length) return { ok: false, errors };
	const p1 = values.baseline / 100;
	const delta = choices.effectKind === 'absolute' ? values.mde / 100 : p1 * (values.mde / 100);
	const perArm = sampleSizePerArm({ baseline: p1, absoluteEffect: delta, alpha: values.alpha, power: values.power, twoSided: choices.twoSided, formula: choices.formula });
	const share = values.share / 100;
	const days = experimentDaysUnique(perArm, values.population, values.dailyUsers, 2, share);
	return {
		ok: true,
		result: {
			p1,
			p2: p1 + delta,
			delta,
			zAlpha: normalQuantile(choices.twoSided ? 1 - values.alpha / 2 : 1 - values.alpha),
			zBeta: normalQuantile(values.power),
			perArm,
			total: perArm * 2,
			days,
			weeks: Math.max(1, Math.ceil(days / 7)),
			reachable: values.population * share,
		},
	};
}

/** The three variance choices, each with the formula a page shows for it (TeX). */
export const SAMPLE_SIZE_FORMULAS: Record<VarianceFormula, { label: string; tex: string; note: string }> = {
	pooled: {
		label: 'Pooled (default)',
		tex: String.raw`n = \frac{\left(z_{\alpha}\sqrt{2\,\bar p\,(1-\bar p)} + z_{\beta}\sqrt{p_1(1-p_1) + p_2(1-p_2)}\right)^2}{(p_2 - p_1)^2}, \quad \bar p = \frac{p_1 + p_2}{2}`,
		note: 'Under the null hypothesis both arms share one rate, estimated by the average of the two; the textbook formula (Fleiss, Levin & Paik, 2003), without the continuity correction they also give, which asks for about 2.6 % more users at the default inputs.',
	},
	unpooled: {
		label: 'Unpooled',
		tex: String.raw`n = \frac{(z_{\alpha} + z_{\beta})^2\,\left(p_1(1-p_1) + p_2(1-p_2)\right)}{(p_2 - p_1)^2}`,
		note: 'Each arm keeps its own variance under both hypotheses (the Wald test); slightly smaller n.',
	},
	'baseline-null': {
		label: 'Baseline null',
		tex: String.raw`n = \frac{\left(z_{\alpha}\sqrt{2\,p_1(1-p_1)} + z_{\beta}\sqrt{p_1(1-p_1) + p_2(1-p_2)}\right)^2}{(p_2 - p_1)^2}`,
		note: 'The null variance uses the control rate only, as some online calculators do.',
	},
};

/**
 * How the z-values and the duration are defined, shown under every formula. N eligible users, D of
 * them a day, share s: after d days s·N·(1 − (1 − D/N)^d) distinct users have entered the test.
 */
export const Z_VALUES_TEX = String.raw`\begin{gathered} z_{\alpha} = \Phi^{-1}\!\left(1 - \tfrac{\alpha}{2}\right) \text{ two-sided, or } \Phi^{-1}(1-\alpha) \text{ one-sided} \\ z_{\beta} = \Phi^{-1}(1 - \beta) \\ \text{days} = \left\lceil \frac{\ln\left(1 - \frac{2n}{s\,N}\right)}{\ln\left(1 - \frac{D}{N}\right)} \right\rceil, \qquad \text{weeks} = \max\left(1, \left\lceil \tfrac{\text{days}}{7} \right\rceil\right) \end{gathered}`;

/** The one sentence that says what the duration assumes, shown with the result. */
export const DURATION_ASSUMPTION =
	'Days count distinct users: each eligible user is assumed to visit on any given day with probability (users per day ÷ eligible users), so returning users are counted once and the test takes longer than 2n ÷ users per day whenever most users come back.';

/** The result line under the numbers: the rates compared, the z values, and why no duration exists when none does. */
export function sampleSizeStatus(r: SampleSizeResult): string {
	const rates = `Detecting ${(r.p1 * 100).toFixed(2)} % → ${(r.p2 * 100).toFixed(2)} %; z for α = ${r.zAlpha.toFixed(4)}, z for power = ${r.zBeta.toFixed(4)}.`;
	if (Number.isFinite(r.days)) return rates;
	return `${rates} The test can never reach ${r.total.toLocaleString('en-US')} distinct users: only ${Math.floor(r.reachable).toLocaleString('en-US')} eligible users fall in its share of traffic. Raise the share, test a larger effect, or widen eligibility.`;
}

/** Days or weeks as shown: a whole number, or "never" when the test cannot reach its sample. */
export function formatDuration(n: number): string {
	return Number.isFinite(n) ? n.toLocaleString('en-US') : 'never';
}

// ── Back-of-envelope: traffic ───────────────────────────────────────────────

export interface QpsFields {
	dailyActiveUsers: string;
	actionsPerUser: string;
	peakFactor: string;
}

export const QPS_RULES: Record<keyof QpsFields, NumberRule> = {
	dailyActiveUsers: { name: 'the daily active users', min: 0, example: '100,000,000' },
	actionsPerUser: { name: 'the requests per user per day', min: 0, example: '20' },
	peakFactor: { name: 'the peak factor', min: 1, example: '3' },
};

export const QPS_DEFAULTS: QpsFields = { dailyActiveUsers: '100000000', actionsPerUser: '20', peakFactor: '3' };

export function computeQps(fields: QpsFields): Outcome<{ requestsPerDay: number; averageQps: number; peakQps: number }> {
	const { values, errors } = readFields(fields, QPS_RULES);
	if (Object.keys(errors).length) return { ok: false, errors };
	return {
		ok: true,
		result: {
			requestsPerDay: values.dailyActiveUsers * values.actionsPerUser,
			averageQps: averageQps(values.dailyActiveUsers, values.actionsPerUser),
			peakQps: peakQps(values.dailyActiveUsers, values.actionsPerUser, values.peakFactor),
		},
	};
}

export const QPS_TEX = String.raw`\begin{gathered} \text{QPS}_{\text{avg}} = \frac{\text{DAU} \times \text{requests per user per day}}{86\,400} \\ \text{QPS}_{\text{peak}} = \text{QPS}_{\text{avg}} \times \text{peak factor} \end{gathered}`;

// ── Back-of-envelope: storage ───────────────────────────────────────────────

export interface StorageFields {
	itemsPerDay: string;
	bytesPerItem: string;
	replicas: string;
}

export const STORAGE_RULES: Record<keyof StorageFields, NumberRule> = {
	itemsPerDay: { name: 'the items written per day', min: 0, example: '2,000,000,000' },
	bytesPerItem: { name: 'the bytes per item', min: 0, example: '500' },
	replicas: { name: 'the number of copies', min: 1, integer: true, example: '3' },
};

export const STORAGE_DEFAULTS: StorageFields = { itemsPerDay: '2000000000', bytesPerItem: '500', replicas: '1' };

export function computeStorage(fields: StorageFields): Outcome<{ bytesPerDay: number; bytesPerYear: number }> {
	const { values, errors } = readFields(fields, STORAGE_RULES);
	if (Object.keys(errors).length) return { ok: false, errors };
	const bytesPerDay = storageBytes(values.itemsPerDay, values.bytesPerItem) * values.replicas;
	return { ok: true, result: { bytesPerDay, bytesPerYear: bytesPerDay * DAYS_PER_YEAR } };
}

export const STORAGE_TEX = String.raw`\begin{gathered} \text{per day} = \text{items per day} \times \text{bytes per item} \times \text{copies} \\ \text{per year} = 365 \times \text{per day} \end{gathered}`;

// ── Back-of-envelope: latency budget ────────────────────────────────────────

export const LATENCY_TOTAL_RULE: NumberRule = { name: 'the end-to-end budget (ms)', min: 0, minExclusive: true, example: '200' };
export const LATENCY_STAGE_RULE: NumberRule = { name: 'the stage latency (ms)', min: 0, example: '30' };

export const LATENCY_DEFAULTS: { total: string; stages: { name: string; ms: string }[] } = {
	total: '200',
	stages: [
		{ name: 'Network and request parsing', ms: '20' },
		{ name: 'Feature fetch', ms: '25' },
		{ name: 'Candidate generation (ANN)', ms: '30' },
		{ name: 'Ranking model', ms: '80' },
		{ name: 'Re-ranking and business rules', ms: '15' },
	],
};

export interface LatencyResult {
	totalMs: number;
	usedMs: number;
	remainingMs: number;
	over: boolean;
	stages: LatencyStage[];
}

/**
 * Sums the stages against the total, as for stages that run one after another (see `latencyBudget`
 * for parallel stages and tail latencies); stage errors are keyed `stage-0`, `stage-1`, …
 */
export function computeLatency(total: string, stages: { name: string; ms: string }[]): Outcome<LatencyResult> {
	const errors: FieldErrors = {};
	const totalParsed = parseNumberInput(total, LATENCY_TOTAL_RULE);
	if (!totalParsed.ok) errors.total = totalParsed.message;
	const parsedStages: LatencyStage[] = [];
	stages.forEach((stage, i) => {
		const name = stage.name.trim() || `Stage ${i + 1}`;
		const ms = parseNumberInput(stage.ms, { ...LATENCY_STAGE_RULE, name: `the latency of "${name}" (ms)` });
		if (ms.ok) parsedStages.push({ name, ms: ms.value });
		else errors[`stage-${i}`] = ms.message;
	});
	if (!totalParsed.ok || Object.keys(errors).length) return { ok: false, errors };
	const budget = latencyBudget(totalParsed.value, parsedStages);
	return { ok: true, result: { totalMs: totalParsed.value, ...budget, stages: parsedStages } };
}

export const LATENCY_TEX = String.raw`\text{used} = \sum_{i} t_i, \quad \text{remaining} = \text{budget} - \text{used}`;

function trimNumber(n: number): string {
	return String(Number(n.toFixed(2)));
}
