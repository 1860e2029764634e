import { describe, expect, it } from 'vitest';
import { erfc, experimentDays, experimentDaysUnique, normalCdf, normalQuantile, sampleSizePerArm, uniqueUsersAfterDays } from '../../src/lib/numbers/stats.ts';

/** Relative error, so one tolerance serves values from 1 down to 1e-296. */
const relativeError = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

// Reference values to 17 significant digits, from mpmath at 50 digits (mpmath.erfc, mpmath.ncdf, and the
// root of ncdf(x) = p for the quantiles, p taken as the exact double). The short ones were checked against
// Python's math.erfc and statistics.NormalDist().inv_cdf, which agree to the last digit or one unit in it.
describe('erfc', () => {
	const reference: [number, number][] = [
		// Maclaurin series of erf, 0 ≤ x < 0.75
		[0.1, 0.8875370839817151],
		[0.5, 0.47950012218695346],
		[0.74, 0.29532192214525423],
		// continued fraction, x ≥ 0.75 (around 2.9–3 the series the code used to use lost 9 digits)
		[0.75, 0.28884436634648487],
		[1, 0.15729920705028513],
		[2, 0.0046777349810472658],
		[2.9, 4.1097878099458858e-5],
		[2.9999, 2.2104426482160909e-5],
		[3, 2.2090496998585441e-5],
		[6, 2.1519736712498913e-17],
		[10, 2.0884875837625448e-45],
		[26, 5.6631924088561428e-296],
		// x² not exact in binary: exp(−x²) is taken as exp(−z²)·exp(−(x − z)(x + z)) to keep its digits
		[5.3, 6.6130818503408109e-14],
		[13.7, 1.2613158337408749e-83],
		[25.3, 2.2930368608459018e-280],
		// x < 0 through erfc(x) = 2 − erfc(−x)
		[-0.5, 1.5204998778130465],
		[-3, 1.9999779095030014],
	];

	it.each(reference)('erfc(%d) is right to 1e-15, relative', (x, want) => {
		expect(relativeError(erfc(x), want)).toBeLessThan(1e-15);
	});

	it('gives 1 at 0, 2 and 0 at the infinities, 0 far in the tail and NaN for NaN', () => {
		expect(erfc(0)).toBe(1);
		expect(erfc(Number.POSITIVE_INFINITY)).toBe(0);
		expect(erfc(Number.NEGATIVE_INFINITY)).toBe(2);
		expect(erfc(30)).toBe(0);
		expect(erfc(27)).toBeLessThan(1e-300);
		expect(erfc(Number.NaN)).toBeNaN();
	});

	it('is continuous where the method changes, at x = 0.75', () => {
		const below = erfc(0.75 - 2 ** -40);
		const above = erfc(0.75);
		expect(below).toBeGreaterThan(above);
		// The slope there is −2e^(−x²)/√π ≈ −0.643, so the two sides differ by about 0.643 · 2^-40.
		expect(relativeError(below - above, ((2 * Math.exp(-0.5625)) / Math.sqrt(Math.PI)) * 2 ** -40)).toBeLessThan(1e-3);
	});
});

describe('normalCdf', () => {
	it('matches reference values, to 1e-14 relative even deep in the lower tail', () => {
		const reference: [number, number][] = [
			[1.96, 0.97500210485177956],
			[-1, 0.15865525393145705],
			[-5, 2.8665157187919391e-7],
			[-10, 7.6198530241605261e-24],
		];
		for (const [x, want] of reference) expect(relativeError(normalCdf(x), want)).toBeLessThan(1e-14);
		expect(normalCdf(0)).toBe(0.5);
		// Rounding x/√2 costs about x²·1e-16 relative: 1.4e-13 at x = −37.
		expect(relativeError(normalCdf(-37), 5.7255712225245768e-300)).toBeLessThan(5e-13);
	});
});

describe('normalQuantile', () => {
	// Acklam's approximation alone is off by up to 1.15e-9 relative; these tolerances hold only after the Halley step.
	const reference: [number, number][] = [
		[0.975, 1.9599639845400539],
		[0.8, 0.84162123357291436],
		[0.95, 1.6448536269514723],
		[0.995, 2.5758293035489005],
		[0.5, 0],
		// lower tail branch (p < 0.02425), and its boundary
		[0.02425, -1.9729610513118848],
		[0.01, -2.3263478740408411],
		[0.0001, -3.7190164854556806],
		[1e-10, -6.3613409024040562],
		[1e-300, -37.047096299361199],
		// upper tail branch (p > 0.97575): the step works with 1 − p, which is exact there
		[0.9999, 3.7190164854557084],
		[1 - 1e-10, 6.3613408896974219],
	];

	it.each(reference)('Φ⁻¹(%d) is right to 1e-15, relative', (p, want) => {
		expect(Math.abs(normalQuantile(p) - want)).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(want)));
	});

	it('gives the z values the worked examples print', () => {
		expect(normalQuantile(0.975).toFixed(6)).toBe('1.959964');
		expect(normalQuantile(0.8).toFixed(6)).toBe('0.841621');
	});

	it('is antisymmetric where 1 − p is exact', () => {
		for (const p of [0.125, 0.0625, 2 ** -20, 2 ** -40]) expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 14);
	});

	it('inverts the CDF', () => {
		for (const p of [1e-12, 0.01, 0.2, 0.5, 0.9, 0.999]) expect(relativeError(normalCdf(normalQuantile(p)), p)).toBeLessThan(1e-14);
	});

	it('stays near Acklam’s accuracy for subnormal p, where the Halley step loses precision or overflows', () => {
		// p = 1e-310: the true quantile is −37.663060331949524. At the smallest double, 2^-1074, exp(x²/2)
		// overflows, no step is taken, and Acklam's estimate is off by 1.8e-9 from −38.467405617144346.
		expect(relativeError(normalQuantile(1e-310), -37.663060331949524)).toBeLessThan(1.2e-9);
		expect(relativeError(normalQuantile(Number.MIN_VALUE), -38.467405617144346)).toBeLessThan(2e-9);
	});

	it('rejects probabilities outside (0, 1)', () => {
		for (const p of [0, 1, -0.1, 1.5, Number.NaN]) expect(() => normalQuantile(p)).toThrow(new RangeError('p must be in (0, 1)'));
	});
});

describe('sampleSizePerArm', () => {
	// Baseline 10 %, absolute MDE 2 points, α = 0.05 two-sided, power 0.8: the textbook values for each variance choice.
	const textbook = { baseline: 0.1, absoluteEffect: 0.02, alpha: 0.05, power: 0.8 };

	it('gives 3,841 per arm with the pooled null variance (the default)', () => {
		expect(sampleSizePerArm(textbook)).toBe(3841);
		expect(sampleSizePerArm({ ...textbook, formula: 'pooled' })).toBe(3841);
	});

	it('gives 3,839 unpooled and 3,623 with the baseline-only null variance', () => {
		expect(sampleSizePerArm({ ...textbook, formula: 'unpooled' })).toBe(3839);
		expect(sampleSizePerArm({ ...textbook, formula: 'baseline-null' })).toBe(3623);
	});

	it('needs fewer users one-sided and more users for more power', () => {
		const oneSided = sampleSizePerArm({ ...textbook, twoSided: false });
		expect(oneSided).toBeLessThan(3841);
		// (1.644854·√(2·0.11·0.89) + 0.841621·√(0.09 + 0.1056))² / 0.02² = 3,025.3 → 3,026.
		expect(oneSided).toBe(3026);
		expect(sampleSizePerArm({ ...textbook, power: 0.9 })).toBeGreaterThan(3841);
	});

	it('scales with the inverse square of the effect', () => {
		const half = sampleSizePerArm({ ...textbook, absoluteEffect: 0.01 });
		expect(half / 3841).toBeGreaterThan(3.5);
		expect(half / 3841).toBeLessThan(4.1);
	});

	it('rejects impossible inputs with a RangeError naming the input', () => {
		expect(() => sampleSizePerArm({ ...textbook, baseline: 0 })).toThrow(/baseline/);
		expect(() => sampleSizePerArm({ ...textbook, alpha: 1 })).toThrow(/alpha/);
		expect(() => sampleSizePerArm({ ...textbook, absoluteEffect: 0.95 })).toThrow(/baseline \+ effect/);
		expect(() => sampleSizePerArm({ ...textbook, absoluteEffect: 0 })).toThrow(/effect/);
	});
});

describe('experimentDays (every day brings new users)', () => {
	it('rounds up whole days for both arms', () => {
		expect(experimentDays(3841, 10_000)).toBe(1);
		// 7,682 ÷ 1,000 = 7.682 → 8; at half the traffic 15.36 → 16.
		expect(experimentDays(3841, 1_000)).toBe(8);
		expect(experimentDays(3841, 1_000, 2, 0.5)).toBe(16);
	});

	it('does not add a day for float noise when the quotient is a whole number', () => {
		// 100 × 0.29 is 28.999999999999996 in floating point, so 58 ÷ it is 2.0000000000000004.
		expect(experimentDays(29, 100, 2, 0.29)).toBe(2);
		expect(experimentDays(29.5, 100, 2, 0.29)).toBe(3);
	});

	it('rejects zero traffic', () => {
		expect(() => experimentDays(3841, 0)).toThrow(new RangeError('daily users must be positive'));
	});
});

describe('uniqueUsersAfterDays', () => {
	it('counts returning users once: N · (1 − (1 − DAU/N)^d)', () => {
		// 50,000 users visiting with probability 0.2 a day: 10,000 on day one, then 50,000 · (1 − 0.8^d).
		expect(uniqueUsersAfterDays(50_000, 10_000, 0)).toBe(0);
		expect(uniqueUsersAfterDays(50_000, 10_000, 1)).toBeCloseTo(10_000, 9);
		expect(uniqueUsersAfterDays(50_000, 10_000, 2)).toBeCloseTo(18_000, 9);
		expect(uniqueUsersAfterDays(50_000, 10_000, 3)).toBeCloseTo(24_400, 9);
		expect(uniqueUsersAfterDays(50_000, 10_000, 8)).toBeCloseTo(41_611.392, 6);
		// Never more than the population, and all of it when everyone visits daily.
		expect(uniqueUsersAfterDays(50_000, 10_000, 1_000)).toBeLessThanOrEqual(50_000);
		expect(uniqueUsersAfterDays(50_000, 50_000, 1)).toBe(50_000);
		expect(uniqueUsersAfterDays(50_000, 50_000, 0)).toBe(0);
	});

	it('keeps every user when a small share of a large population visits', () => {
		// 100,000 of 10 billion a day: day one is exactly 100,000, and two days 199,999 (2p − p² of N).
		// Computing 1 − (1 − p) first loses digits of p: 99,999.99999954 and 199,998.999999.
		expect(uniqueUsersAfterDays(1e10, 1e5, 1)).toBeCloseTo(100_000, 8);
		expect(uniqueUsersAfterDays(1e10, 1e5, 2)).toBeCloseTo(199_999, 8);
		// 1e-12 of a user per day among 1e15: still counted, not lost to rounding.
		expect(uniqueUsersAfterDays(1e15, 1, 3)).toBeCloseTo(3 - 3e-15, 12);
	});

	it('rejects an empty population, more daily users than the population, and negative days', () => {
		expect(() => uniqueUsersAfterDays(0, 1, 1)).toThrow(new RangeError('population must be positive'));
		expect(() => uniqueUsersAfterDays(-100, -1, 1)).toThrow(new RangeError('population must be positive'));
		expect(() => uniqueUsersAfterDays(100, 101, 1)).toThrow(/daily users/);
		expect(() => uniqueUsersAfterDays(100, 0, 1)).toThrow(/daily users/);
		expect(() => uniqueUsersAfterDays(100, 10, -1)).toThrow(/days/);
	});
});

describe('experimentDaysUnique', () => {
	it('takes twice as long as the new-users formula when most users return', () => {
		// 20,000 per arm from 50,000 users at 10,000 a day: 50,000 · (1 − 0.8^d) ≥ 40,000 needs
		// 0.8^d ≤ 0.2, d ≥ ln 0.2 / ln 0.8 = 7.21, so 8 days; counting every day's users as new says 4.
		expect(experimentDaysUnique(20_000, 50_000, 10_000)).toBe(8);
		expect(experimentDays(20_000, 10_000)).toBe(4);
	});

	it('applies the traffic share to the population', () => {
		// 3,841 per arm, 100,000 users, 10,000 a day. All traffic: 10,000 distinct users on day one.
		expect(experimentDaysUnique(3841, 100_000, 10_000)).toBe(1);
		// 10 % of traffic: 10,000 · (1 − 0.9^d) ≥ 7,682 needs d ≥ ln 0.2318 / ln 0.9 = 13.87, so 14 days
		// (13 days reach 7,458.1, 14 reach 7,712.3), where 7,682 ÷ 1,000 a day would say 8.
		expect(experimentDaysUnique(3841, 100_000, 10_000, 2, 0.1)).toBe(14);
		expect(experimentDays(3841, 10_000, 2, 0.1)).toBe(8);
	});

	it('agrees with the new-users formula when the population is huge', () => {
		expect(experimentDaysUnique(3841, 1e12, 1_000)).toBe(experimentDays(3841, 1_000));
	});

	it('returns Infinity when the population cannot supply the users, unless all of it visits daily', () => {
		expect(experimentDaysUnique(3841, 7_000, 1_000)).toBe(Number.POSITIVE_INFINITY);
		// Exactly 2n users: approached but never reached when users come and go…
		expect(experimentDaysUnique(3841, 7682, 1_000)).toBe(Number.POSITIVE_INFINITY);
		// …reached on day one when every one of them visits every day.
		expect(experimentDaysUnique(3841, 7682, 7682)).toBe(1);
		expect(experimentDaysUnique(3841, 7681, 7681)).toBe(Number.POSITIVE_INFINITY);
		// The share counts: 10 % of 70,000 is 7,000.
		expect(experimentDaysUnique(3841, 70_000, 10_000, 2, 0.1)).toBe(Number.POSITIVE_INFINITY);
	});

	it('ends on the day the users needed are reached exactly, not a day later', () => {
		// Populations where U(d) = N · (1 − (1 − DAU/N)^d) is a whole number, so the exact answer is day d.
		// 100,000 of 10 billion a day: 100,000 distinct users after one day, 199,999 after two.
		expect(experimentDaysUnique(50_000, 1e10, 1e5)).toBe(1);
		expect(experimentDaysUnique(199_999, 1e10, 1e5, 1)).toBe(2);
		// 2 million of a trillion a day: 3,999,996 after two days, so 1,999,998 per arm takes two days.
		expect(experimentDaysUnique(1_999_998, 1e12, 2e6)).toBe(2);
		expect(experimentDaysUnique(1_999_998, 1e12, 2e6, 2, 0.5)).toBeGreaterThan(2);
		// A quarter of 40,000 users in the test, 10,000 visiting a day (p = 1/4): 10,000 · (1 − 0.75³) = 5,781.25 after three days.
		expect(experimentDaysUnique(5_781.25, 40_000, 10_000, 1, 0.25)).toBe(3);
		expect(experimentDaysUnique(5_781.25 + 1e-6, 40_000, 10_000, 1, 0.25)).toBe(4);
	});

	it('steps back when the closed form rounds one day too far', () => {
		// 51 per arm from 200 users at 60 a day: 200 · (1 − 0.7²) = 102 distinct users after exactly two days,
		// but ln(1 − 102/200) ÷ ln(1 − 0.3) evaluates to 2.0000000000000004, whose ceiling is 3.
		expect(Math.log1p(-102 / 200) / Math.log1p(-60 / 200)).toBeGreaterThan(2);
		expect(experimentDaysUnique(51, 200, 60)).toBe(2);
		expect(experimentDaysUnique(51, 100, 30, 1)).toBe(2);
	});

	it('does not end a day early when the day before falls short by a few users', () => {
		// 999 of every 1,000 users a day among 10^15: after four days 10^15 − 1,000 users, after five 10^15 − 1.
		expect(experimentDaysUnique(999_999_999_999_999, 1e15, 999e12, 1)).toBe(5);
		expect(experimentDaysUnique(999_999_999_999_000, 1e15, 999e12, 1)).toBe(4);
	});

	it('returns quickly, even when the answer is millions of days', () => {
		// 1 visitor a day among 10M, 9M distinct users needed: ln(0.1) / ln(1 − 1e-7) ≈ 23.0M days.
		const days = experimentDaysUnique(4_500_000, 10_000_000, 1);
		expect(days).toBe(Math.ceil(Math.log(0.1) / Math.log1p(-1e-7)));
		expect(days).toBeGreaterThan(23_000_000);
	});

	it('accepts a share in (0, 1] only', () => {
		expect(experimentDaysUnique(10, 1_000, 100, 2, 1)).toBe(1);
		for (const share of [0, -0.1, 1.01, Number.NaN]) expect(() => experimentDaysUnique(10, 1_000, 100, 2, share)).toThrow(/share/);
	});

	it('rejects a population it cannot use', () => {
		expect(() => experimentDaysUnique(10, 0, 1)).toThrow(/population/);
		expect(() => experimentDaysUnique(10, 100, 200)).toThrow(/daily users/);
		expect(() => experimentDaysUnique(-1, 100, 10)).toThrow(/users per arm/);
		expect(() => experimentDaysUnique(10, 100, 10, 0)).toThrow('users per arm must not be negative, and there must be at least one arm');
		// No users needed: the first day will do.
		expect(experimentDaysUnique(0, 100, 10)).toBe(1);
	});
});
