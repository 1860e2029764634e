/**
 * Experiment statistics: sample sizes for a two-proportion test under the
 * normal approximation. Pure functions, shared by the calculator widget,
 * case pages and tests.
 */

/** Inverse of the standard normal CDF: Acklam's rational approximation (relative error 1.15e-9), refined by one Halley step against an accurate CDF to about 1e-15. */
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
	// One Newton step against the CDF sharpens the approximation to near machine precision.
	const e = normalCdf(x) - p;
	const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
	return x - u / (1 + (x * u) / 2);
}

/** Standard normal CDF via the complementary error function. */
export function normalCdf(x: number): number {
	return 0.5 * erfc(-x / Math.SQRT2);
}

/**
 * Complementary error function to near double precision: the Maclaurin series of erf for
 * |x| < 3 (at most ~60 terms), a continued fraction (modified Lentz) beyond.
 */
export function erfc(x: number): number {
	if (x < 0) return 2 - erfc(-x);
	if (x < 3) {
		let term = x;
		let sum = x;
		for (let n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
			term *= (-x * x) / n;
			sum += term / (2 * n + 1);
		}
		return 1 - (2 / Math.sqrt(Math.PI)) * sum;
	}
	// erfc(x) = exp(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …))))
	const tiny = 1e-300;
	let f = x;
	let c = x;
	let d = 0;
	for (let n = 1; n < 500; n++) {
		const an = n / 2;
		d = x + an * d;
		d = Math.abs(d) < tiny ? tiny : d;
		c = x + an / c;
		c = Math.abs(c) < tiny ? tiny : c;
		d = 1 / d;
		const delta = c * d;
		f *= delta;
		if (Math.abs(delta - 1) < 1e-16) break;
	}
	return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
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

/**
 * Days until `perArm` users are in each of `arms` arms, counting each user once, when
 * `dailyUsers` new (never-seen) users arrive every day. Only right when every day's users are
 * new; for a returning population use `experimentDaysUnique`.
 */
export function experimentDays(perArm: number, dailyUsers: number, arms = 2, share = 1): number {
	if (!(dailyUsers > 0)) throw new RangeError('daily users must be positive');
	return Math.ceil((perArm * arms) / (dailyUsers * share));
}

/**
 * Distinct users seen after `days` days when a population of `population` users each visits on
 * any given day independently with probability `dailyUsers / population`:
 * U(d) = N · (1 − (1 − DAU/N)^d). Returning users are counted once, so U grows slower than d · DAU.
 */
export function uniqueUsersAfterDays(population: number, dailyUsers: number, days: number): number {
	if (!(population > 0)) throw new RangeError('population must be positive');
	if (!(dailyUsers > 0 && dailyUsers <= population)) throw new RangeError('daily users must be positive and at most the population');
	if (!(days >= 0)) throw new RangeError('days must not be negative');
	return population * (1 - (1 - dailyUsers / population) ** days);
}

/**
 * Days until each of `arms` arms holds `perArm` distinct users, when `share` of a population of
 * `population` users (of whom `dailyUsers` visit per day) is in the experiment. Infinity when the
 * population is too small to ever reach it.
 */
export function experimentDaysUnique(perArm: number, population: number, dailyUsers: number, arms = 2, share = 1): number {
	const needed = perArm * arms;
	if (!(share > 0 && share <= 1)) throw new RangeError('share must be in (0, 1]');
	if (needed >= population * share) return Number.POSITIVE_INFINITY;
	let days = 1;
	while (share * uniqueUsersAfterDays(population, dailyUsers, days) < needed) days++;
	return days;
}
