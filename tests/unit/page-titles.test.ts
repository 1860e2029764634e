import { describe, expect, it } from 'vitest';
import config from '../../.htmlvalidate.mjs';
import { CASE_TITLE_MAX, caseFrontmatterSchema } from '../../src/schemas/case.ts';
import { casePageTitles } from '../../src/lib/site/page-titles.ts';

/** Starlight appends the site title to every page title. */
const SUFFIX = ' | MLSD Workbook';
const rule = (config.rules as Record<string, [string, { maxlength: number }]>)['long-title'];
const maxlength = rule[1].maxlength;
const titleOf = (n: number) => 'T'.repeat(n);

describe('case title limit', () => {
	it.each(Object.entries(casePageTitles))('the %s page title fits html-validate with the longest allowed case title', (_, build) => {
		expect((build(titleOf(CASE_TITLE_MAX)) + SUFFIX).length).toBeLessThanOrEqual(maxlength);
	});

	it('is no stricter than it must be: one more character overflows a page title', () => {
		const longest = Math.max(...Object.values(casePageTitles).map((build) => (build(titleOf(CASE_TITLE_MAX + 1)) + SUFFIX).length));
		expect(longest).toBe(maxlength + 1);
	});

	it('is what the schema enforces, with the reason in the message', () => {
		const valid = { title: titleOf(CASE_TITLE_MAX) };
		const pick = caseFrontmatterSchema.pick({ title: true });
		expect(pick.safeParse(valid).success).toBe(true);
		const tooLong = pick.safeParse({ title: titleOf(CASE_TITLE_MAX + 1) });
		expect(tooLong.error?.issues[0].message).toContain('"Worksheet: <title> | MLSD Workbook"');
	});
});
