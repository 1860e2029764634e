import { describe, expect, it } from 'vitest';
import { caseFrontmatterSchema } from '../../src/schemas/case.ts';
import { formatReport } from '../../src/lib/content/problems.ts';
import { parseYamlSource, zodProblems, keysAt } from '../../src/lib/content/yaml-source.ts';
import { didYouMean } from '../../src/lib/content/suggest.ts';

describe('formatReport', () => {
	it('groups by file, sorts by line, and ends with a count', () => {
		const text = formatReport([
			{ file: 'case-studies/b.mdx', line: 9, message: 'second', fix: 'Fix b.' },
			{ file: 'case-studies/a.mdx', line: 30, message: 'late', fix: 'Fix late.' },
			{ file: 'case-studies/a.mdx', line: 3, field: 'domain', message: 'early' },
		]);
		expect(text).toMatchInlineSnapshot(`
			"case-studies/a.mdx
			  case-studies/a.mdx:3: [domain] early
			  case-studies/a.mdx:30: late
			      fix: Fix late.

			case-studies/b.mdx
			  case-studies/b.mdx:9: second
			      fix: Fix b.

			Found 3 problems in 2 files."
		`);
	});
	it('says so when there is nothing wrong', () => expect(formatReport([])).toBe('No problems found.'));

	it('marks warnings and counts them apart from problems', () => {
		const warning = { file: 'case-studies/a.mdx', line: 5, field: 'pitfalls', message: 'few', fix: 'Add some.', severity: 'warning' as const };
		expect(formatReport([warning, { file: 'case-studies/b.mdx', line: 2, message: 'wrong' }])).toMatchInlineSnapshot(`
			"case-studies/a.mdx
			  case-studies/a.mdx:5: [pitfalls] warning: few
			      fix: Add some.

			case-studies/b.mdx
			  case-studies/b.mdx:2: wrong

			Found 1 problem and 1 warning in 2 files."
		`);
		expect(formatReport([warning]).split('\n').at(-1)).toBe('No problems found; 1 warning in 1 file (warnings fail neither the check nor the build).');
	});
});

describe('YAML positions and zod messages', () => {
	const yaml = 'title: A title\nsummary: short\nscale:\n  latencyBudgetMs: "200 ms"\nsumary: typo\n';
	const source = parseYamlSource(yaml, 'case-studies/x.mdx', 1);
	const result = caseFrontmatterSchema.safeParse(source.data);
	const problems = zodProblems(result.error!, 'case-studies/x.mdx', source, source.data, caseFrontmatterSchema);

	it('points at the line of the offending field, counting the opening ---', () => {
		const wrongType = problems.find((p) => p.field === 'scale.latencyBudgetMs')!;
		expect(wrongType.line).toBe(5);
		expect(wrongType.message).toBe('expected number for "scale.latencyBudgetMs", got string "200 ms"');
		expect(wrongType.fix).toContain('plain number');
	});

	it('names unknown keys with a guess and the allowed keys', () => {
		const unknown = problems.find((p) => p.message.startsWith('unknown key'))!;
		expect(unknown.message).toBe('unknown key "sumary" (did you mean "summary"?)');
		expect(unknown.fix).toContain('Allowed keys: title, summary, prompt');
	});

	it('reports missing required fields', () => {
		expect(problems.map((p) => p.message)).toContain('missing required field "domain" (expected string)');
	});

	it('reports YAML syntax errors with their line', () => {
		const bad = parseYamlSource('title: ok\nsummary: [unclosed\n', 'f.mdx', 1);
		expect(bad.problems[0].line).toBeGreaterThanOrEqual(2);
		expect(bad.problems[0].message).toMatch(/^YAML syntax error/);
	});

	it('finds allowed keys through optional and array schemas', () => {
		expect(keysAt(caseFrontmatterSchema, ['references', 0])).toEqual(['title', 'url', 'year', 'authors', 'venue']);
	});
});

describe('didYouMean', () => {
	it('suggests close ids and nothing for far ones', () => {
		expect(didYouMean('positon-bias', ['position-bias', 'cold-start'])).toBe('position-bias');
		expect(didYouMean('banana', ['position-bias', 'cold-start'])).toBeUndefined();
	});
});

describe('warnings', () => {
	it('are marked, counted apart and fail nothing', async () => {
		const { errorsOf } = await import('../../src/lib/content/problems.ts');
		const problems = [
			{ file: 'case-studies/a.mdx', line: 40, message: 'diagram: this flowchart is 1,029 px wide', fix: 'Write `flowchart TB`.', severity: 'warning' as const },
			{ file: 'case-studies/a.mdx', line: 3, message: 'title is missing' },
		];
		expect(formatReport(problems)).toBe(
			'case-studies/a.mdx\n  case-studies/a.mdx:3: title is missing\n  case-studies/a.mdx:40: warning: diagram: this flowchart is 1,029 px wide\n      fix: Write `flowchart TB`.\n\nFound 1 problem and 1 warning in 1 file.',
		);
		expect(errorsOf(problems)).toEqual([problems[1]]);
		expect(formatReport([problems[0]!])).toMatch(/No problems found; 1 warning in 1 file \(warnings fail neither the check nor the build\)\.$/);
	});
});
