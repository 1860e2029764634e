import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { caseFiles } from '../../scripts/bench-tests.ts';
import { CASE_TITLE_MAX } from '../../src/schemas/case.ts';

const real = readdirSync('case-studies').filter((f) => f.endsWith('.mdx'));
const isDraft = (text: string) => /^draft: true$/m.test(text.split(/^---$/m)[1] ?? '');
const listed = (files: Record<string, string>) => Object.entries(files).filter(([f, text]) => f.endsWith('.mdx') && !isDraft(text));

// Inside a benchmark's own copy some cases may already be drafts; the counts below hold for a project whose cases are all listed.
describe.skipIf(real.some((f) => isDraft(readFileSync(`case-studies/${f}`, 'utf8'))))('the cases `npm run bench:tests` measures with', () => {
	it.each([3, real.length, 50])('%i cases: that many listed, every real case present so links between cases hold, and the prompt index', (count) => {
		const files = caseFiles(count);
		expect(listed(files)).toHaveLength(count);
		for (const f of real) expect(Object.keys(files), f).toContain(`case-studies/${f}`);
		expect(Object.keys(files)).toContain('case-studies/prompts.yaml');
	});

	it('gives each copy its own slug and a numbered title within the title limit, written as valid YAML', () => {
		const files = caseFiles(real.length * 2);
		const copies = Object.keys(files).filter((f) => f.endsWith('.mdx') && !real.includes(f.replace('case-studies/', '')));
		expect(copies).toHaveLength(real.length);
		for (const f of copies) {
			const { title } = parse(files[f]!.split(/^---$/m)[1]!) as { title: string };
			expect(title, f).toMatch(/ \(2\)$/);
			expect(title.length, f).toBeLessThanOrEqual(CASE_TITLE_MAX);
		}
	});
});
