import { describe, expect, it } from 'vitest';
import { parseNumberInput, type NumberRule } from '../../src/lib/numbers/number-input.ts';

const probability: NumberRule = { name: 'the significance level α', min: 0, max: 1, minExclusive: true, maxExclusive: true, example: '0.05' };
const traffic: NumberRule = { name: 'the daily active users', min: 0, example: '100,000' };

describe('parseNumberInput', () => {
	it('reads plain, grouped and scientific notation', () => {
		expect(parseNumberInput('0.05', probability)).toEqual({ ok: true, value: 0.05 });
		expect(parseNumberInput(' 1,000,000 ', traffic)).toEqual({ ok: true, value: 1_000_000 });
		expect(parseNumberInput('2.5e6', traffic)).toEqual({ ok: true, value: 2_500_000 });
		expect(parseNumberInput('.5', probability)).toEqual({ ok: true, value: 0.5 });
	});

	it('never yields NaN: text, empty and hex input get a message', () => {
		expect(parseNumberInput('abc', traffic)).toEqual({ ok: false, message: '"abc" is not a number; enter the daily active users, e.g. 100,000.' });
		expect(parseNumberInput('   ', traffic)).toEqual({ ok: false, message: 'Enter the daily active users, e.g. 100,000.' });
		expect(parseNumberInput('0x10', traffic).ok).toBe(false);
		expect(parseNumberInput('1e999', traffic)).toEqual({ ok: false, message: '"1e999" is too large; enter the daily active users, e.g. 100,000.' });
	});

	it('rejects negative traffic', () => {
		expect(parseNumberInput('-5', traffic)).toEqual({ ok: false, message: 'The daily active users must be at least 0, e.g. 100,000.' });
	});

	it('keeps probabilities strictly inside (0, 1)', () => {
		for (const raw of ['0', '1', '1.5', '-0.1']) {
			expect(parseNumberInput(raw, probability)).toEqual({ ok: false, message: 'The significance level α must be strictly between 0 and 1, e.g. 0.05.' });
		}
		expect(parseNumberInput('0.999', probability).ok).toBe(true);
	});

	it('enforces whole numbers when asked', () => {
		expect(parseNumberInput('2.5', { name: 'the number of copies', min: 1, integer: true })).toEqual({ ok: false, message: 'Enter a whole number for the number of copies.' });
	});
});
