import { describe, expect, it } from 'vitest';
import { averageQps, embeddingBytes, formatBytes, formatCount, recalibrateDownsampled, hnswIndexBytes, ivfPqIndexBytes, latencyBudget, peakQps } from '../../src/lib/numbers/estimates.ts';

describe('traffic', () => {
	it('divides daily requests by 86,400 seconds', () => {
		expect(averageQps(86_400, 1)).toBe(1);
		expect(peakQps(864_000, 10, 3)).toBe(300);
	});
});

describe('latencyBudget', () => {
	it('reports what is left and whether the stages exceed the total', () => {
		expect(latencyBudget(200, [{ name: 'a', ms: 120 }, { name: 'b', ms: 50 }])).toEqual({ usedMs: 170, remainingMs: 30, over: false });
		expect(latencyBudget(100, [{ name: 'a', ms: 101 }])).toEqual({ usedMs: 101, remainingMs: -1, over: true });
	});
});

describe('vector index memory', () => {
	it('stores 100M float32 vectors of 768 dimensions in 307.2 GB', () => {
		expect(embeddingBytes(100e6, 768)).toBe(307.2e9);
	});

	it('adds 2M four-byte links per vector for HNSW (Faiss: d·4 + M·2·4 bytes)', () => {
		// M = 32 adds 256 bytes to the 3,072 of a 768-d float32 vector.
		expect(hnswIndexBytes(1, 768, 32)).toBe(3072 + 256);
		expect(formatBytes(hnswIndexBytes(100e6, 768, 32))).toBe('332.8 GB');
	});

	it('keeps 96-byte PQ codes plus 8-byte ids for IVF-PQ, and the small codebooks', () => {
		const bytes = ivfPqIndexBytes(100e6, 768, 65_536, 96);
		// 104 bytes × 100M = 10.4 GB; centroids 65,536 × 768 × 4 = 201 MB; codebooks 256 × 768 × 4 = 786 KB.
		expect(bytes).toBe(10.4e9 + 65_536 * 768 * 4 + 256 * 768 * 4);
		expect(formatBytes(bytes)).toBe('10.6 GB');
	});
});

describe('formatting', () => {
	it('writes counts with a unit: 1.2B, 450M, 12K, 950, 9.5', () => {
		expect(formatCount(1_234_000_000)).toBe('1.2B');
		expect(formatCount(450_000_000)).toBe('450M');
		expect(formatCount(12_345)).toBe('12.3K');
		expect(formatCount(950)).toBe('950');
		expect(formatCount(9.54)).toBe('9.5');
	});

	it('steps up a unit when rounding reaches 1,000, instead of printing "1000K"', () => {
		expect(formatCount(999_949)).toBe('999.9K');
		expect(formatCount(999_950)).toBe('1M');
		expect(formatCount(999_999_999)).toBe('1B');
		expect(formatCount(999.96)).toBe('1K');
		expect(formatCount(-999_950)).toBe('-1M');
		expect(formatBytes(999_950)).toBe('1 MB');
		expect(formatBytes(999.7)).toBe('1 KB');
		expect(formatBytes(999_999_999_999)).toBe('1 TB');
		expect(formatBytes(332.8e9)).toBe('332.8 GB');
	});
});

describe('formatBytes, the one byte formatter (decimal units, "KB")', () => {
	it.each([
		[0, '0 B'],
		[12, '12 B'],
		[999, '999 B'],
		[1000, '1 KB'],
		[640_400, '640.4 KB'],
		[1_000_000, '1 MB'],
		[1_234_567, '1.2 MB'],
		[2.5e15, '2.5 PB'],
		[3e18, '3 EB'],
		[4.5e21, '4500 EB'],
		[1_050_000, '1.1 MB'],
		[1_000_500, '1 MB'],
		[10_200, '10.2 KB'],
		[1_500, '1.5 KB'],
		[12.4, '12 B'],
	])('%d bytes read as %s', (bytes, text) => {
		expect(formatBytes(bytes)).toBe(text);
	});

	it('drops trailing zeros at any precision', () => {
		expect(formatBytes(1_000_000, 2)).toBe('1 MB');
		expect(formatBytes(1_200_000, 2)).toBe('1.2 MB');
		expect(formatCount(1_200, 2)).toBe('1.2K');
		expect(formatCount(1_000, 3)).toBe('1K');
	});
});

describe('formatCount', () => {
	it.each([
		[2.5e12, '2.5T'],
		[4.5e15, '4500T'],
		[1e12, '1T'],
		[1e9, '1B'],
		[450e6, '450M'],
		[12_000, '12K'],
		[1000, '1K'],
		[950, '950'],
		[9.25, '9.3'],
		[10.4, '10'],
		[10.04, '10'],
		[2.5, '2.5'],
		[3.0, '3'],
	])('%d reads as %s', (n, text) => {
		expect(formatCount(n)).toBe(text);
	});
});

describe('recalibrateDownsampled', () => {
	it('is the identity without downsampling and undoes it otherwise', () => {
		expect(recalibrateDownsampled(0.2, 1)).toBeCloseTo(0.2, 12);
		expect(recalibrateDownsampled(0.5, 0.1)).toBeCloseTo(0.5 / (0.5 + 0.5 / 0.1), 12);
	});

	it.each([0, -0.1, 1.01, Number.NaN])('refuses the sampling rate %d', (rate) => {
		expect(() => recalibrateDownsampled(0.2, rate)).toThrow(new RangeError('sampling rate must be in (0, 1]'));
	});
});
