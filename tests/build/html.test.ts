/**
 * Every built page is valid HTML by html-validate's recommended rules, with the
 * exceptions in .htmlvalidate.mjs (each one for markup Starlight or Astro writes).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import config from '../../.htmlvalidate.mjs';
import { firstBuiltCase } from '../../src/lib/tooling/page-types.ts';
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

/**
 * Each case's page renders all of its content, so every case page is validated. The other pages
 * built per case (crib sheet, worksheet, blank worksheet, print layouts) fill a template with that
 * same content: validating them for one representative case checks the template, and keeps this
 * file's time from growing sixfold with every case.
 */
const PER_CASE_TEMPLATE = /^(?:cases\/([^/]+)\/crib|practice\/([^/]+)(?:\/blank)?|print\/(?:case|crib)\/([^/]+))\/index\.html$/;
const representative = firstBuiltCase(DIST);
const pages = allPages().filter((page) => {
	const m = PER_CASE_TEMPLATE.exec(page);
	return !m || (m[1] ?? m[2] ?? m[3]) === representative;
});

describe('HTML validity', () => {
	it('validates every case page and one of each page built per case', () => {
		const slugs = allPages().flatMap((p) => /^cases\/([^/]+)\/index\.html$/.exec(p)?.[1] ?? []);
		expect(slugs.length).toBeGreaterThan(1);
		for (const slug of slugs) expect(pages, slug).toContain(`cases/${slug}/index.html`);
		for (const kind of [`cases/${representative}/crib/`, `practice/${representative}/`, `practice/${representative}/blank/`, `print/case/${representative}/`, `print/crib/${representative}/`]) expect(pages).toContain(`${kind}index.html`);
	});

	it.each(pages)('%s has no html-validate errors', async (page) => {
		const html = readFileSync(join(DIST, page), 'utf8');
		const report = await validator.validateString(page === 'print/workbook/index.html' ? withOneCasePart(html) : html, page);
		const errors = report.results.flatMap((r) => r.messages.map((m) => `${page}:${m.line}:${m.column}: ${m.message} (${m.ruleId}) near ${JSON.stringify(m.selector ?? '')}`));
		expect(errors).toEqual([]);
	});
});
