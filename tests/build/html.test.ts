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

/**
 * The printable workbook holds every case, so validating all of it grows with the case count.
 * Each case part is the case's print page (print/case/<slug>/, validated on its own; print.test.ts
 * checks the ids stay unique across parts): keep the first part as the representative and empty
 * the others, so what is checked here is the workbook's own frame, cover and contents.
 */
function withOneCasePart(html: string): string {
	let kept = false;
	return html.replace(/(<article class="print-part" id="case-[^"]+"[^>]*>)[\s\S]*?(<\/article>)/g, (part, open: string, close: string) => {
		if (kept) return `${open}${close}`;
		kept = true;
		return part;
	});
}

describe('HTML validity', () => {
	it.each(allPages())('%s has no html-validate errors', async (page) => {
		const html = readFileSync(join(DIST, page), 'utf8');
		const report = await validator.validateString(page === 'print/workbook/index.html' ? withOneCasePart(html) : html, page);
		const errors = report.results.flatMap((r) => r.messages.map((m) => `${page}:${m.line}:${m.column}: ${m.message} (${m.ruleId}) near ${JSON.stringify(m.selector ?? '')}`));
		expect(errors).toEqual([]);
	});
});
