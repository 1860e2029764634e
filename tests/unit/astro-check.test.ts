import { describe, expect, it } from 'vitest';
import { astroTypeCheck } from '../../src/lib/tooling/astro-check.ts';
import { makeContentRoot } from '../fixtures/content-root.ts';

describe('the type check in npm run check', () => {
	it('on a fresh clone with broken content, says the types were not checked and why, instead of reporting errors in src/pages', () => {
		const check = astroTypeCheck(makeContentRoot({}), false);
		expect(check.problems).toEqual([]);
		expect(check.skipped).toBe('TypeScript types not checked: they are generated from the content, which has the problems below. Fix them and run `npm run check` again.');
	});
});
