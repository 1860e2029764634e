/**
 * Experiment statistics: sample sizes for a two-proportion test under the
 * normal approximation, and how many days a test needs to reach them. Pure
 * functions, shared by the calculator widget, case pages and tests.
 */

/**
 * Inverse of the standard normal CDF. Acklam's rational approximation (relative error below
 * 1.15e-9) gives a first estimate; one Halley step against `normalCdf` then brings it to within
 * about 1e-15 (relative, or absolute where |x| < 1) for p from 1e-300 to 1 − 1e-15, as checked
 * against 50-digit values. Above the median the step works with 1 − p, which is exact there,
 * so p close to 1 keeps its precision where Φ(x) − p would cancel.
 */
export function normalQuantile(p: number): number {
	if (!(p > 0 && p < 1)) throw new RangeError('p must be in (0, 1)');
	const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
	const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
	const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
	const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
	const plow = 0.02425;
	let x: number;
	if (p < plow) {
		const q = Math.sqrt(-2 * Math.log(p));
		x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	} else if (p <= 1 - plow) {
		const q = p - 0.5;
		const r = q * q;
		x = ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
	} else {
		const q = Math.sqrt(-2 * Math.log(1 - p));
		x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	}
	// One Halley step: e = Φ(x) − p, written as (1 − p) − Φ(−x) above the median.
	const e = p <= 0.5 ? normalCdf(x) - p : 1 - p - normalCdf(-x);
	const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
	// Where exp(x²/2) overflows (p below about 1e-311, a subnormal) no step is possible; Acklam's estimate stands.
	if (!Number.isFinite(u)) return x;
	return x - u / (1 + (x * u) / 2);
}

/** Standard normal CDF via the complementary error function: Φ(x) = erfc(−x/√2) / 2. */
export function normalCdf(x: number): number {
	return 0.5 * erfc(-x / Math.SQRT2);
}

/**
 * Complementary error function, to a relative error below 1e-15 for x up to 26 (where
 * erfc(x) ≈ 6e-296; beyond about 26.5 the result is subnormal, and 0 past 28):
 * - 0 ≤ x < 0.75: 1 − erf(x), with erf from its Maclaurin series (erf(x) < 0.72 here, so the
 *   subtraction loses nothing);
 * - x ≥ 0.75: a continued fraction, summed backwards from a fixed depth of 10 + 110/x² terms
 *   (206 at x = 0.75, 15 at x = 5), which is more than it needs to converge;
 * - x < 0: erfc(x) = 2 − erfc(−x).
 */
export function erfc(x: number): number {
	if (Number.isNaN(x)) return Number.NaN;
	if (x < 0) return 2 - erfc(-x);
	if (x < 0.75) {
		let term = x;
		let sum = x;
		for (let n = 1; n < 100 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
			term *= (-x * x) / n;
			sum += term / (2 * n + 1);
		}
		return 1 - (2 / Math.sqrt(Math.PI)) * sum;
	}
	if (x > 28) return 0;
	// erfc(x) = 2x·exp(−x²)/√π · 1/(2x² + 1 − 1·2/(2x² + 5 − 3·4/(2x² + 9 − …)))
	const x2 = 2 * x * x;
	const depth = Math.ceil(10 + 110 / (x * x));
	let t = x2 + 1 + 4 * depth;
	for (let n = depth; n >= 1; n--) t = x2 + 1 + 4 * (n - 1) - ((2 * n - 1) * (2 * n)) / t;
	// exp(−x²) as exp(−z²)·exp(−(x − z)(x + z)) with z = x rounded down to 1/16: z² is exact, so the
	// rounding of x² (a relative error of up to x²·1e-16 in the exponential) is avoided.
	const z = Math.floor(x * 16) / 16;
	const expMinusX2 = Math.exp(-z * z) * Math.exp(-(x - z) * (x + z));
	return (((2 * x) / Math.sqrt(Math.PI)) * expMinusX2) / t;
}

export type VarianceFormula = 'pooled' | 'unpooled' | 'baseline-null';

export interface SampleSizeInput {
	/** Conversion rate of the control, in (0, 1). */
	baseline: number;
	/** Minimum detectable effect: absolute difference in rate (0.02 = 2 points). */
	absoluteEffect: number;
	/** Significance level α, in (0, 1). */
	alpha: number;
	/** Power 1 − β, in (0, 1). */
	power: number;
	/** Two-sided (default) or one-sided test. */
	twoSided?: boolean;
	/**
	 * pooled (default): null variance uses the average of the two rates;
	 * unpooled: both terms use each arm's own variance;
	 * baseline-null: null variance uses the baseline rate only (as some online calculators do).
	 */
	formula?: VarianceFormula;
}

/**
 * Users per arm to detect `absoluteEffect` over `baseline`:
 * n = (z_{α} · √(2·p̄(1−p̄)) + z_{β} · √(p1(1−p1) + p2(1−p2)))² / δ²,
 * with z_α = Φ⁻¹(1 − α/2) two-sided, z_β = Φ⁻¹(power), rounded up.
 */
export function sampleSizePerArm(input: SampleSizeInput): number {
	const { baseline: p1, absoluteEffect: delta, alpha, power } = input;
	const twoSided = input.twoSided ?? true;
	const formula = input.formula ?? 'pooled';
	const p2 = p1 + delta;
	for (const [name, v] of [['baseline', p1], ['alpha', alpha], ['power', power], ['baseline + effect', p2]] as const) {
		if (!(v > 0 && v < 1)) throw new RangeError(`${name} must be between 0 and 1 (got ${v})`);
	}
	if (delta === 0) throw new RangeError('the effect must not be zero');
	const zAlpha = normalQuantile(twoSided ? 1 - alpha / 2 : 1 - alpha);
	const zBeta = normalQuantile(power);
	const alt = Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
	let nullSd: number;
	if (formula === 'pooled') {
		const pbar = (p1 + p2) / 2;
		nullSd = Math.sqrt(2 * pbar * (1 - pbar));
	} else if (formula === 'unpooled') {
		nullSd = alt;
	} else {
		nullSd = Math.sqrt(2 * p1 * (1 - p1));
	}
	const n = (zAlpha * nullSd + zBeta * alt) ** 2 / delta ** 2;
	// Guard against float noise turning an exact integer into the next one up.
	return Math.ceil(n - 1e-9);
}

/** Float noise allowed when a computed day count lands on a whole number (e.g. 58 ÷ 28.999999999999996). */
const DAY_SLACK = 1e-12;

/**
 * Days until `perArm` users are in each of `arms` arms, counting each user once, when
 * `dailyUsers` new (never-seen) users arrive every day: ⌈perArm · arms ÷ (dailyUsers · share)⌉.
 * Only right when every day's users are new; for a returning population use `experimentDaysUnique`.
 */
export function experimentDays(perArm: number, dailyUsers: number, arms = 2, share = 1): number {
	if (!(dailyUsers > 0)) throw new RangeError('daily users must be positive');
	return Math.ceil(((perArm * arms) / (dailyUsers * share)) * (1 - DAY_SLACK));
}

/**
 * Float noise allowed when share · U(d) lands exactly on the users needed. U is computed to within a few
 * ulps (about 1e-15), so 1e-14 absorbs it while a day that falls short by a millionth of a user in a
 * hundred million still counts as short.
 */
const USERS_SLACK = 1e-14;

function checkPopulation(population: number, dailyUsers: number): void {
	if (!(population > 0)) throw new RangeError('population must be positive');
	if (!(dailyUsers > 0 && dailyUsers <= population)) throw new RangeError('daily users must be positive and at most the population');
}

/**
 * Distinct users seen after `days` days when a population of `population` users each visits on
 * any given day independently with probability `dailyUsers / population`:
 * U(d) = N · (1 − (1 − DAU/N)^d). Returning users are counted once, so U grows slower than d · DAU.
 */
export function uniqueUsersAfterDays(population: number, dailyUsers: number, days: number): number {
	checkPopulation(population, dailyUsers);
	if (!(days >= 0)) throw new RangeError('days must not be negative');
	if (dailyUsers === population) return days === 0 ? 0 : population;
	// 1 − (1 − p)^d as −expm1(d · log1p(−p)): rounding 1 − p first would lose the low digits of a small p
	// (1 − (1 − 1e-5) is 1.0000000000065512e-5), and with them whole users of U. This stays within a few ulps.
	return -population * Math.expm1(days * Math.log1p(-dailyUsers / population));
}

/**
 * Days until each of `arms` arms holds `perArm` distinct users, when `share` of a population of
 * `population` users (of whom `dailyUsers` visit per day) is in the experiment: the smallest
 * d ≥ 1 with share · U(d) ≥ perArm · arms, which is ⌈ln(1 − perArm·arms ÷ (share·N)) ÷ ln(1 − DAU/N)⌉.
 * Infinity when the population is too small ever to reach it: U(d) only approaches N, unless
 * every user visits every day.
 */
export function experimentDaysUnique(perArm: number, population: number, dailyUsers: number, arms = 2, share = 1): number {
	checkPopulation(population, dailyUsers);
	if (!(share > 0 && share <= 1)) throw new RangeError('share must be in (0, 1]');
	if (!(perArm >= 0 && arms >= 1)) throw new RangeError('users per arm must not be negative, and there must be at least one arm');
	const needed = perArm * arms;
	const capacity = share * population;
	if (dailyUsers === population) return needed <= capacity ? 1 : Number.POSITIVE_INFINITY;
	if (needed >= capacity) return Number.POSITIVE_INFINITY;
	const reached = (days: number) => share * uniqueUsersAfterDays(population, dailyUsers, days) >= needed * (1 - USERS_SLACK);
	// The closed form, then a step either way so float rounding cannot move the answer off the definition.
	let days = Math.max(1, Math.ceil(Math.log1p(-needed / capacity) / Math.log1p(-dailyUsers / population)));
	while (days > 1 && reached(days - 1)) days--;
	while (!reached(days)) days++;
	return days;
}
