import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { caseFiles, minutes } from '../../scripts/bench-tests.ts';
import { CASE_TITLE_MAX } from '../../src/schemas/case.ts';
import { FIXTURES } from '../fixtures/content-root.ts';

const valid = readFileSync(join(FIXTURES, 'valid.mdx'), 'utf8');
// Three cases, one with a colon in a title that leaves no room for a number.
const dir = mkdtempSync(join(tmpdir(), 'mlsd-bench-cases-'));
const long = `A title: ${'x'.repeat(CASE_TITLE_MAX - 9)}`;
writeFileSync(join(dir, 'a.mdx'), valid);
writeFileSync(join(dir, 'b.mdx'), valid.replace(/^title: .*$/m, `title: "${long}"`));
writeFileSync(join(dir, 'c.mdx'), valid);
writeFileSync(join(dir, 'prompts.yaml'), '[]\n');

const frontmatter = (text: string) => parse(text.split(/^---$/m)[1]!) as { title: string; draft?: boolean };
const listed = (files: Record<string, string>) => Object.keys(files).filter((f) => f.endsWith('.mdx') && !frontmatter(files[f]!).draft);

describe('the cases `npm run bench:tests` measures with', () => {
	it('below the number of real cases: that many listed, the others kept as drafts so links between cases hold', () => {
		const files = caseFiles(2, dir);
		expect(listed(files)).toHaveLength(2);
		expect(Object.keys(files).filter((f) => f.endsWith('.mdx')).sort()).toEqual(['case-studies/a.mdx', 'case-studies/b.mdx', 'case-studies/c.mdx']);
		expect(files['case-studies/prompts.yaml']).toBe('[]\n');
	});

	it('above it: every real case plus numbered copies under their own slugs, titles within the limit and valid YAML', () => {
		const files = caseFiles(7, dir);
		expect(listed(files)).toHaveLength(7);
		expect(Object.keys(files)).toEqual(expect.arrayContaining(['case-studies/a-2.mdx', 'case-studies/b-2.mdx', 'case-studies/c-2.mdx', 'case-studies/a-3.mdx']));
		expect(frontmatter(files['case-studies/a-3.mdx']!).title).toBe('Minimal valid case (3)');
		const copy = frontmatter(files['case-studies/b-2.mdx']!).title;
		expect(copy).toMatch(/^A title: x+… \(2\)$/);
		expect(copy.length).toBeLessThanOrEqual(CASE_TITLE_MAX);
	});
});

describe('the durations it reports', () => {
	it('reads minutes and whole seconds, never "60 s"', () => {
		expect(minutes(959_684)).toBe('16 min 0 s');
		expect(minutes(119_600)).toBe('2 min 0 s');
		expect(minutes(61_400)).toBe('1 min 1 s');
		expect(minutes(59_400)).toBe('59.4 s');
		expect(minutes(undefined)).toBe('–');
	});
});
