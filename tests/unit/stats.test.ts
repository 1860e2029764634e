import { describe, expect, it } from 'vitest';
import { experimentDays, normalCdf, normalQuantile, sampleSizePerArm } from '../../src/lib/numbers/stats.ts';

describe('normalQuantile', () => {
	it('matches published standard normal quantiles to 1e-7', () => {
		// Reference values from Python's statistics.NormalDist().inv_cdf (Wichura's AS241, ~1e-16).
		const reference: [number, number][] = [
			[0.975, 1.9599639845400536],
			[0.8, 0.8416212335729144],
			[0.95, 1.6448536269514715],
			[0.995, 2.5758293035489],
			[0.5, 0],
			[0.01, -2.3263478740408408],
			[0.001, -3.090232306167813],
		];
		// The Newton step refines against an erfc accurate to ~1e-7, which bounds the quantile's accuracy too.
		for (const [p, q] of reference) expect(Math.abs(normalQuantile(p) - q)).toBeLessThan(1e-7);
		expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
		expect(normalQuantile(0.8)).toBeCloseTo(0.841621, 6);
	});

	it('inverts the CDF', () => {
		for (const p of [0.01, 0.2, 0.5, 0.9, 0.999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
	});

	it('rejects probabilities outside (0, 1)', () => {
		for (const p of [0, 1, -0.1, 1.5, Number.NaN]) expect(() => normalQuantile(p)).toThrow(RangeError);
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

describe('experimentDays', () => {
	it('rounds up whole days for both arms', () => {
		expect(experimentDays(3841, 10_000)).toBe(1);
		expect(experimentDays(3841, 1_000)).toBe(8);
		expect(experimentDays(3841, 1_000, 2, 0.5)).toBe(16);
	});

	it('rejects zero traffic', () => {
		expect(() => experimentDays(3841, 0)).toThrow(RangeError);
	});
});
