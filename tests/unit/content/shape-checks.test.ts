/** Key points and deep dives in the content check: drafts get warnings, listed cases errors; deep-dive anchors are link targets. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content/check-content.ts';
import { countWords } from '../../../src/lib/content/check-key-points.ts';
import { formatReport } from '../../../src/lib/content/problems.ts';
import { FIXTURES, makeContentRoot } from '../../fixtures/content-root.ts';

const valid = readFileSync(join(FIXTURES, 'valid.mdx'), 'utf8');
const withoutKeyPoints = readFileSync(join(FIXTURES, 'broken/key-points-missing.mdx'), 'utf8');
const check = (files: Record<string, string>) => checkContent({ root: makeContentRoot(files) });

describe('key points in the content check', () => {
	it('warns about a draft without key points but lists it and fails nothing', async () => {
		const report = await check({ 'case-studies/wip.mdx': withoutKeyPoints.replace('minutes: 45', 'minutes: 45\ndraft: true') });
		expect(report.problems).toEqual([]);
		expect(report.cases.map((c) => c.slug)).toEqual(['wip']);
		expect(formatReport(report.warnings)).toMatchInlineSnapshot(`
			"case-studies/wip.mdx
			  case-studies/wip.mdx:2: [keyPoints] warning: no key points: every framework section needs 3–6 claims of at most 30 words each
			      fix: Add \`keyPoints:\` to the frontmatter with an entry for each section id (requirements, estimates, framing, metrics, architecture, data, features, model, evaluation, serving, monitoring), each a list of what a strong candidate says in that section's time budget.

			No problems found; 1 warning in 1 file (warnings fail neither the check nor the build)."
		`);
	});

	it('still fails a draft for a key-point section id that does not exist', async () => {
		const report = await check({ 'case-studies/wip.mdx': valid.replace('minutes: 45', 'minutes: 45\ndraft: true').replace('  model:\n', '  modle:\n') });
		expect(report.problems.map((p) => p.message)).toContain('unknown framework section "modle" in keyPoints. Did you mean "model"?');
		expect(report.warnings.map((p) => p.field)).toContain('keyPoints.model');
	});

	it('counts words as a reader does', () => {
		expect(countWords('Two-tower retrieval → 1,000 candidates — in `40 ms`.')).toBe(7);
	});

	it('rejects links and repeats in key points', async () => {
		const report = await check({ 'case-studies/a.mdx': valid.replace('    - Reader topic affinities computed daily from reading history.\n', '    - Reader topic affinities, see [features](/cases/a/#features).\n    - Reader topic affinities, see [features](/cases/a/#features).\n') });
		expect(formatReport(report.problems)).toMatch(/\[keyPoints\.features\[0\]\] key point contains a link/);
		expect(formatReport(report.problems)).toMatch(/\[keyPoints\.features\[1\]\] key point repeats an earlier one in "Features"/);
	});
});

describe('deep dives in the content check', () => {
	it('accepts links to a deep dive from another case', async () => {
		const report = await check({ 'case-studies/a.mdx': valid, 'case-studies/b.mdx': valid.replace('[why trees come first](#why-trees-before-a-deep-model)', '[why trees come first](/cases/a/#why-trees-before-a-deep-model)') });
		expect(formatReport(report.problems)).toBe('No problems found.');
	});

	it('rejects a deep dive inside another, an empty one, and one in a paragraph', async () => {
		const nested = valid.replace('Gradient-boosted trees train in minutes', '<DeepDive title="Inner">\n\nInner text.\n\n</DeepDive>\n\nGradient-boosted trees train in minutes');
		const empty = valid.replace('## Features\n', '## Features\n\n<DeepDive title="Nothing here">\n\n</DeepDive>\n');
		const inline = valid.replace('## Metrics\n\n', '## Metrics\n\nText <DeepDive title="Inline">x</DeepDive> more.\n\n');
		const text = formatReport((await check({ 'case-studies/n.mdx': nested, 'case-studies/e.mdx': empty, 'case-studies/i.mdx': inline })).problems);
		expect(text).toContain('<DeepDive> inside another deep dive; deep dives do not nest');
		expect(text).toContain('deep dive "Nothing here" is empty');
		expect(text).toContain('<DeepDive> inside a paragraph; a deep dive is a block of its own');
	});
});
