import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCaseFile, checkContent, checkDiagrams, type CaseFileCheck } from '../../../src/lib/content/check-content.ts';
import { loadFramework } from '../../../src/lib/content/framework.ts';
import { loadDomains, loadPitfalls } from '../../../src/lib/content/catalogs.ts';
import { checkDiagram } from '../../../src/lib/diagrams/index.ts';
import { loadMermaid } from '../../../src/lib/diagrams/parse.ts';
import { formatReport, isError } from '../../../src/lib/content/problems.ts';
import { FIXTURES, makeContentRoot } from '../../fixtures/content-root.ts';

const valid = readFileSync(join(FIXTURES, 'valid.mdx'));
const brokenNames = readdirSync(join(FIXTURES, 'broken')).map((f) => f.replace(/\.mdx$/, ''));
/** The workbook's own cases; drafts may be below the minimums (warnings). */
const realCases = readdirSync('case-studies')
	.filter((f) => f.endsWith('.mdx'))
	.map((f) => ({ slug: f.replace(/\.mdx$/, ''), file: `case-studies/${f}`, draft: /^draft: true$/m.test(readFileSync(join('case-studies', f), 'utf8')) }));

async function reportFor(files: Record<string, string | Buffer>) {
	const report = await checkContent({ root: makeContentRoot(files), checkDiagram });
	return { report, text: formatReport([...report.problems, ...report.warnings]) };
}

// The diagram parser loads once, in seconds on a busy machine; load it here so no single test
// pays for it under the 5 s default (a broken diagram is parsed, a cached good one is not).
beforeAll(() => loadMermaid(), 120_000);

describe('checkContent', () => {
	it('accepts the minimal valid case', async () => {
		const { report, text } = await reportFor({ 'case-studies/minimal.mdx': valid });
		expect(text).toBe('No problems found.');
		expect(report.cases.map((c) => c.slug)).toEqual(['minimal']);
	});

	// The real content case by case (its file and its diagrams), then across files, reusing each
	// case's parse: the time per test stays flat as cases are added, and a failure names the case.
	describe('the real content of the workbook', () => {
		const cache = new Map<string, CaseFileCheck>();
		const ctx = { framework: loadFramework(), pitfallIds: loadPitfalls().map((p) => p.id), domainIds: loadDomains().map((d) => d.id) };

		it.each(realCases)('$slug: no problems in the file, and every diagram renders', async ({ slug, file, draft }) => {
			const abs = join(process.cwd(), file);
			const result = checkCaseFile(abs, file, slug, ctx);
			cache.set(abs, result);
			const own = [...result.sourceProblems, ...result.checked.problems, ...(await checkDiagrams(file, result.checked.diagrams, checkDiagram))];
			// A draft may be below the minimums (warnings); a listed case may not.
			expect(formatReport(own.filter((p) => isError(p) || !draft))).toBe('No problems found.');
		});

		it('no problems across files: catalogs, slugs, and links between pages', async () => {
			const report = await checkContent({ cache });
			expect(formatReport(report.problems)).toBe('No problems found.');
			expect(report.cases.length).toBe(realCases.length);
		});
	});

	it.each(brokenNames)('rejects broken/%s.mdx with a located, actionable message', async (name) => {
		const file = `case-studies/${name}.mdx`;
		const { report, text } = await reportFor({ [file]: readFileSync(join(FIXTURES, 'broken', `${name}.mdx`)) });
		expect(report.problems.length).toBeGreaterThan(0);
		expect(report.cases).toEqual([]);
		for (const p of report.problems) {
			expect(p.file).toBe(file);
			expect(p.fix, `${name}: every problem says how to fix it`).toBeTruthy();
			if (name !== 'missing-frontmatter') expect(p.line ?? p.field, `${name}: every problem has a line or field`).toBeTruthy();
		}
		expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
		expect(text).toMatchSnapshot();
	});

	it('holds a draft to the minimums with warnings only: reported, failing nothing, still built', async () => {
		const draft = (name: string) => readFileSync(join(FIXTURES, 'broken', `${name}.mdx`), 'utf8').replace(/^difficulty: .*$/m, '$&\ndraft: true');
		const { report, text } = await reportFor({ 'case-studies/few-pitfalls.mdx': draft('too-few-pitfalls'), 'case-studies/no-sequence.mdx': draft('no-sequence-diagram') });
		expect(report.problems).toEqual([]);
		expect(report.cases.map((c) => c.slug)).toEqual(['few-pitfalls', 'no-sequence']);
		expect(text).toMatchInlineSnapshot(`
			"case-studies/few-pitfalls.mdx
			  case-studies/few-pitfalls.mdx:38: [pitfalls] warning: 5 catalog pitfalls; the case standard asks for at least 6 before the case is listed
			      fix: Add pitfalls from case-studies/pitfalls.yaml, each with a note on how it shows up in this case (add one to the catalog when the case needs it).

			case-studies/no-sequence.mdx
			  case-studies/no-sequence.mdx:162: warning: no authored sequence diagram; the case standard asks for a \`sequenceDiagram\` of the online request before the case is listed
			      fix: Add a \`\`\`mermaid block starting \`sequenceDiagram\` under "## Serving and infrastructure": the request from client to response, service by service, with the latency of each hop.

			No problems found; 2 warnings in 2 files (warnings fail neither the check nor the build)."
		`);
	});

	it('names both files for a duplicate slug', async () => {
		const { text } = await reportFor({ 'case-studies/minimal.mdx': valid, 'case-studies/more/minimal.mdx': valid });
		expect(text).toMatchInlineSnapshot(`
			"case-studies/more/minimal.mdx
			  case-studies/more/minimal.mdx: duplicate slug "minimal": case-studies/minimal.mdx already uses it, and both would be /cases/minimal/
			      fix: Rename one of the files; the file name is the page address.

			Found 1 problem in 1 file."
		`);
	});

	it('refuses a huge file before parsing it', async () => {
		const huge = Buffer.concat([valid, Buffer.alloc(5_000_000, 'x')]);
		const { text } = await reportFor({ 'case-studies/huge.mdx': huge });
		expect(text).toContain('case-studies/huge.mdx: file is 5.0 MB; a case study must be under 1 MB');
	});

	it('rejects a file name that is not a URL-safe slug', async () => {
		const { text } = await reportFor({ 'case-studies/My Case.mdx': valid });
		expect(text).toContain('file name "My Case.mdx" is not a URL-safe slug');
		expect(text).toContain('"my-case.mdx"');
	});

	it('reports every problem at once, grouped by file, with a count', async () => {
		const { text } = await reportFor({
			'case-studies/a.mdx': readFileSync(join(FIXTURES, 'broken/unknown-domain.mdx')),
			'case-studies/b.mdx': readFileSync(join(FIXTURES, 'broken/missing-title.mdx')),
			'case-studies/c.mdx': readFileSync(join(FIXTURES, 'broken/unknown-pitfall.mdx')),
		});
		expect(text).toMatch(/^case-studies\/a\.mdx\n[\s\S]*\n\ncase-studies\/b\.mdx\n[\s\S]*\n\ncase-studies\/c\.mdx\n/);
		expect(text.endsWith('Found 3 problems in 3 files.')).toBe(true);
	});

	it('checks the catalogs too', async () => {
		const pitfalls = readFileSync('case-studies/pitfalls.yaml', 'utf8').replace('stage: data', 'stage: datta');
		const { text } = await reportFor({ 'case-studies/pitfalls.yaml': pitfalls, 'case-studies/minimal.mdx': valid });
		expect(text).toMatch(/case-studies\/pitfalls\.yaml:\d+: \[\[\d+\]\.stage\] unknown framework section "datta"/);
		expect(text).toContain('Did you mean "data"?');
	});
});
