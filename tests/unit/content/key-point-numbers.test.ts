import { describe, expect, it } from 'vitest';
import { agrees, numbersIn, unsupportedNumbers, wordNumbersIn } from '../../../src/lib/content/key-point-numbers.ts';

const values = (text: string) => numbersIn(text).map((n) => n.value);

describe('numbersIn', () => {
	it('reads separators, decimals and magnitude suffixes as the page prints them', () => {
		expect(values('1,000 and 1000 and 1k')).toEqual([1000, 1000, 1000]);
		expect(values('1B DAU, 1,000,000,000 users, 2.5 billion rows, 10M items')).toEqual([1e9, 1e9, 2.5e9, 1e7]);
		expect(values('200 ms, 30%, 0.5, 2× peak')).toEqual([200, 30, 0.5, 2]);
	});

	it('ignores digits inside names (p99, NDCG@10 keeps 10) and does not take units for suffixes', () => {
		expect(values('p99 latency')).toEqual([]);
		expect(values('NDCG@10')).toEqual([10]);
		expect(values('3TB of logs in 200ms')).toEqual([3, 200]);
	});

	it('reads numbers spelled as words', () => {
		expect(wordNumbersIn('three stages for ten million readers')).toEqual([3, 1e7]);
	});
});

describe('agrees', () => {
	it('accepts a figure rounded at the precision written, and nothing further off', () => {
		const [k116] = numbersIn('116k');
		expect(agrees(k116, [115_741])).toBe(true);
		expect(agrees(k116, [115_400])).toBe(false);
		const [b12] = numbersIn('1.2B');
		expect(agrees(b12, [1_157_000_000])).toBe(true);
		expect(agrees(b12, [1_100_000_000])).toBe(false);
	});

	it('wants plain numbers exactly', () => {
		const [n] = numbersIn('115,740');
		expect(agrees(n, [115_741])).toBe(false);
		expect(agrees(n, [115_740])).toBe(true);
	});
});

describe('unsupportedNumbers', () => {
	it('names the numbers the sources do not state', () => {
		expect(unsupportedNumbers('1B DAU at 116k QPS in 150 ms', ['1,000,000,000 users', 'average 115,741 QPS', 'budget 200 ms'])).toEqual(['150']);
		expect(unsupportedNumbers('three towers, 3 of them', ['three towers'])).toEqual([]);
	});
});
