import { describe, expect, it } from 'vitest';
import {
	computeLatency,
	computeQps,
	computeSampleSize,
	computeStorage,
	DURATION_ASSUMPTION,
	formatDuration,
	LATENCY_DEFAULTS,
	LATENCY_TEX,
	QPS_DEFAULTS,
	QPS_TEX,
	SAMPLE_SIZE_DEFAULTS,
	SAMPLE_SIZE_FORMULAS,
	sampleSizeStatus,
	STORAGE_DEFAULTS,
	STORAGE_TEX,
	Z_VALUES_TEX,
} from '../../src/lib/numbers/calculators.ts';
import { renderMath } from '../../src/lib/numbers/math.ts';

const fields = { baseline: '10', mde: '2', alpha: '0.05', power: '0.8', population: '100,000', dailyUsers: '1,000', share: '100' };
const choices = { effectKind: 'absolute' as const, twoSided: true, formula: 'pooled' as const };

describe('computeSampleSize', () => {
	it('gives the textbook 3,841 per arm and the days until that many distinct users have come', () => {
		const out = computeSampleSize(fields, choices);
		// 100,000 users visiting with probability 0.01 a day: 100,000 · (1 − 0.99^d) ≥ 7,682 needs
		// d ≥ ln(0.92318) / ln(0.99) = 7.96, so 8 days, rounded up to 2 weeks.
		expect(out.ok && out.result).toMatchObject({ perArm: 3841, total: 7682, days: 8, weeks: 2, reachable: 100_000 });
		if (out.ok) {
			expect(out.result.zAlpha).toBeCloseTo(1.959964, 6);
			expect(out.result.zBeta).toBeCloseTo(0.841621, 6);
			expect(out.result.p2).toBeCloseTo(0.12, 12);
		}
	});

	it('offers the unpooled and baseline-null variances', () => {
		const unpooled = computeSampleSize(fields, { ...choices, formula: 'unpooled' });
		const baselineNull = computeSampleSize(fields, { ...choices, formula: 'baseline-null' });
		expect(unpooled.ok && unpooled.result.perArm).toBe(3839);
		expect(baselineNull.ok && baselineNull.result.perArm).toBe(3623);
	});

	it('reads a relative effect as a share of the baseline: 20 % of 10 % is 2 points', () => {
		const out = computeSampleSize({ ...fields, mde: '20' }, { ...choices, effectKind: 'relative' });
		expect(out.ok && out.result.perArm).toBe(3841);
	});

	it('counts returning users once, so a smaller population takes longer than daily traffic suggests', () => {
		// 7,682 ÷ 1,000 a day would say 8 days. From 20,000 users: 20,000 · (1 − 0.95^d) ≥ 7,682 needs
		// d ≥ ln(0.6159) / ln(0.95) = 9.45, so 10; from 10,000 users, ln(0.2318) / ln(0.9) = 13.87, so 14.
		const small = computeSampleSize({ ...fields, population: '20000' }, choices);
		const smaller = computeSampleSize({ ...fields, population: '10000' }, choices);
		expect(small.ok && small.result).toMatchObject({ days: 10, weeks: 2 });
		expect(smaller.ok && smaller.result).toMatchObject({ days: 14, weeks: 2 });
	});

	it('applies the traffic share to the eligible users: half the share, more than twice the days', () => {
		// 50,000 users in the test at 500 a day: 50,000 · (1 − 0.99^d) ≥ 7,682 needs d ≥ 16.6, so 17 days.
		const out = computeSampleSize({ ...fields, share: '50' }, choices);
		expect(out.ok && out.result).toMatchObject({ days: 17, weeks: 3, reachable: 50_000 });
	});

	it('says "never" when the eligible users in the test are fewer than the sample, and why', () => {
		const out = computeSampleSize({ ...fields, population: '10000', share: '50' }, choices);
		expect(out.ok).toBe(true);
		if (out.ok) {
			expect(out.result.days).toBe(Number.POSITIVE_INFINITY);
			expect(formatDuration(out.result.days)).toBe('never');
			expect(formatDuration(out.result.weeks)).toBe('never');
			expect(sampleSizeStatus(out.result)).toContain('can never reach 7,682 distinct users: only 5,000 eligible users fall in its share of traffic');
		}
	});

	it('runs at least one whole week', () => {
		const out = computeSampleSize({ ...fields, dailyUsers: '100000' }, choices);
		expect(out.ok && out.result).toMatchObject({ days: 1, weeks: 1 });
		expect(out.ok && sampleSizeStatus(out.result)).toBe('Detecting 10.00 % → 12.00 %; z for α = 1.9600, z for power = 0.8416.');
	});

	it('refuses more users a day than eligible users in total, on the daily field', () => {
		const out = computeSampleSize({ ...fields, population: '5,000', dailyUsers: '6,000' }, choices);
		expect(!out.ok && out.errors).toEqual({ dailyUsers: 'More users a day than eligible users in total; enter at most 5,000.' });
	});

	it('states the distinct-user assumption in one sentence', () => {
		expect(DURATION_ASSUMPTION).toMatch(/^Days count distinct users: [^.]+\.$/);
		expect(DURATION_ASSUMPTION).toContain('returning users are counted once');
	});

	it('reports every invalid field at once, by field', () => {
		const out = computeSampleSize({ ...fields, alpha: '5', power: 'abc', dailyUsers: '-3', population: '' }, choices);
		expect(out.ok).toBe(false);
		if (!out.ok) {
			expect(Object.keys(out.errors).sort()).toEqual(['alpha', 'dailyUsers', 'population', 'power']);
			expect(out.errors.dailyUsers).toBe('The eligible users per day must be greater than 0, e.g. 50,000.');
			expect(out.errors.alpha).toBe('The significance level α must be strictly between 0 and 1, e.g. 0.05.');
		}
	});

	it('rejects an effect that pushes the rate to 100 %, on the effect field', () => {
		const out = computeSampleSize({ ...fields, baseline: '95', mde: '6' }, choices);
		expect(!out.ok && out.errors.mde).toBe('The baseline plus this effect reaches 100 %; enter an effect below 5 points.');
	});

	it('computes the defaults it shows before the script runs', () => {
		const out = computeSampleSize(SAMPLE_SIZE_DEFAULTS, SAMPLE_SIZE_DEFAULTS);
		expect(out.ok && out.result).toMatchObject({ perArm: 3841, days: 1, weeks: 1 });
	});

	it('has a formula for each variance choice that renders as MathML', () => {
		for (const f of Object.values(SAMPLE_SIZE_FORMULAS)) expect(renderMath(f.tex, { display: true })).toMatch(/^<math/);
		for (const tex of [Z_VALUES_TEX, QPS_TEX, STORAGE_TEX, LATENCY_TEX]) expect(renderMath(tex, { display: true })).toMatch(/^<math/);
	});
});

describe('computeQps', () => {
	it('turns 100M users × 20 requests into 23,148 average and 69,444 peak QPS', () => {
		const out = computeQps(QPS_DEFAULTS);
		expect(out.ok).toBe(true);
		if (out.ok) {
			expect(out.result.requestsPerDay).toBe(2e9);
			expect(Math.round(out.result.averageQps)).toBe(23_148);
			expect(Math.round(out.result.peakQps)).toBe(69_444);
		}
	});

	it('rejects negative traffic and a peak factor below 1', () => {
		const out = computeQps({ dailyActiveUsers: '-1', actionsPerUser: '20', peakFactor: '0.5' });
		expect(!out.ok && Object.keys(out.errors).sort()).toEqual(['dailyActiveUsers', 'peakFactor']);
	});
});

describe('computeStorage', () => {
	it('turns 2B items × 500 bytes into 1 TB a day and 365 TB a year', () => {
		const out = computeStorage(STORAGE_DEFAULTS);
		expect(out.ok && out.result).toEqual({ bytesPerDay: 1e12, bytesPerYear: 365e12 });
	});

	it('multiplies by the copies kept', () => {
		const out = computeStorage({ ...STORAGE_DEFAULTS, replicas: '3' });
		expect(out.ok && out.result.bytesPerDay).toBe(3e12);
	});
});

describe('computeLatency', () => {
	it('sums the default stages within the 200 ms budget', () => {
		const out = computeLatency(LATENCY_DEFAULTS.total, LATENCY_DEFAULTS.stages);
		expect(out.ok && out.result).toMatchObject({ usedMs: 170, remainingMs: 30, over: false });
	});

	it('flags stages that exceed the total', () => {
		const out = computeLatency('100', [
			{ name: 'Retrieval', ms: '60' },
			{ name: 'Ranking', ms: '70' },
		]);
		expect(out.ok && out.result).toMatchObject({ usedMs: 130, remainingMs: -30, over: true });
	});

	it('keys stage errors by position and names the stage', () => {
		const out = computeLatency('200', [
			{ name: 'Retrieval', ms: '60' },
			{ name: 'Ranking', ms: 'fast' },
		]);
		expect(!out.ok && out.errors).toEqual({ 'stage-1': '"fast" is not a number; enter the latency of "Ranking" (ms), e.g. 30.' });
	});
});
