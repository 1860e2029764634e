import { describe, expect, it } from 'vitest';
import { rubricTotal } from '../../../src/lib/learning/practice/rubric.ts';
import { loadFramework } from '../../../src/lib/content/framework.ts';

const dims = [
	{ id: 'a', weight: 15 },
	{ id: 'b', weight: 20 },
	{ id: 'c', weight: 65 },
];

describe('rubric total', () => {
	it('maps all 1s to 0 and all 4s to 100', () => {
		expect(rubricTotal(dims, { a: 1, b: 1, c: 1 })).toEqual({ total: 0, scored: 3, of: 3 });
		expect(rubricTotal(dims, { a: 4, b: 4, c: 4 })).toEqual({ total: 100, scored: 3, of: 3 });
	});

	it('weights each dimension: total = Σ weight × (score − 1) ÷ 3, rounded', () => {
		// 15 × 1/3 + 20 × 2/3 + 65 × 3/3 = 5 + 13.33 + 65 = 83.33
		expect(rubricTotal(dims, { a: 2, b: 3, c: 4 }).total).toBe(83);
	});

	it('counts unscored dimensions as 0 and says how many are scored', () => {
		expect(rubricTotal(dims, { c: 4 })).toEqual({ total: 65, scored: 1, of: 3 });
	});

	it('ignores scores that are not 1–4 and dimensions not in the rubric', () => {
		expect(rubricTotal(dims, { a: 0, b: 5, c: 2.5, z: 4 })).toEqual({ total: 0, scored: 0, of: 3 });
		expect(rubricTotal(dims, JSON.parse('{"__proto__": 4, "toString": 4}'))).toEqual({ total: 0, scored: 0, of: 3 });
	});

	it('gives 100 for a perfect score on the real framework rubric', () => {
		const fw = loadFramework();
		expect(rubricTotal(fw.rubric, Object.fromEntries(fw.rubric.map((d) => [d.id, 4]))).total).toBe(100);
		expect(rubricTotal(fw.rubric, Object.fromEntries(fw.rubric.map((d) => [d.id, 1]))).total).toBe(0);
	});
});
