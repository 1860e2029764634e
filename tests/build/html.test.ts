/**
 * Every built page is valid HTML by html-validate's recommended rules, with the
 * exceptions in .htmlvalidate.mjs (each one for markup Starlight or Astro writes).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import config from '../../.htmlvalidate.mjs';
import { DIST, allPages } from './dist.ts';

const validator = new HtmlValidate(config);

describe('HTML validity', () => {
	it.each(allPages())('%s has no html-validate errors', async (page) => {
		const report = await validator.validateString(readFileSync(join(DIST, page), 'utf8'), page);
		const errors = report.results.flatMap((r) => r.messages.map((m) => `${page}:${m.line}:${m.column}: ${m.message} (${m.ruleId}) near ${JSON.stringify(m.selector ?? '')}`));
		expect(errors).toEqual([]);
	});
});
