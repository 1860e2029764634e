import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content/check-content.ts';
import { checkDiagram } from '../../../src/lib/diagrams/index.ts';
import { formatReport } from '../../../src/lib/content/problems.ts';
import { FIXTURES, makeContentRoot } from '../../fixtures/content-root.ts';

const valid = readFileSync(join(FIXTURES, 'valid.mdx'));
const brokenNames = readdirSync(join(FIXTURES, 'broken')).map((f) => f.replace(/\.mdx$/, ''));

async function reportFor(files: Record<string, string | Buffer>) {
	const report = await checkContent({ root: makeContentRoot(files), checkDiagram });
	return { report, text: formatReport(report.problems) };
}

describe('checkContent', () => {
	it('accepts the minimal valid case', async () => {
		const { report, text } = await reportFor({ 'case-studies/minimal.mdx': valid });
		expect(text).toBe('No problems found.');
		expect(report.cases.map((c) => c.slug)).toEqual(['minimal']);
	});

	it('accepts the real content of the workbook', async () => {
		const report = await checkContent({ checkDiagram });
		expect(formatReport(report.problems)).toBe('No problems found.');
		expect(report.cases.length).toBeGreaterThanOrEqual(3);
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

	it.each([
		['pitfalls.yaml', 'name: Temporal leakage', 'name: Temporal leakage <script>alert(1)</script>'],
		['checklists.yaml', 'text: Is the business goal stated in one sentence', 'text: Is the <b>business goal</b> stated in one sentence'],
		['domains.yaml', 'title: Recommendations and feeds', 'title: <img src=x onerror=alert(1)> Recommendations and feeds'],
	] as const)('refuses HTML in the text of %s', async (name, from, to) => {
		const yaml = readFileSync(`case-studies/${name}`, 'utf8');
		expect(yaml).toContain(from);
		const { text } = await reportFor({ [`case-studies/${name}`]: yaml.replace(from, to), 'case-studies/minimal.mdx': valid });
		expect(text).toMatchSnapshot();
	});

	it('allows MDX comments, which render nothing', async () => {
		const body = readFileSync(join(FIXTURES, 'valid.mdx'), 'utf8').replace('## Metrics\n', '## Metrics\n\n{/* Offline, online and guardrail metrics. */}\n');
		const { text } = await reportFor({ 'case-studies/minimal.mdx': body });
		expect(text).toBe('No problems found.');
	});

	it('refuses a comment that hides code after it', async () => {
		const body = readFileSync(join(FIXTURES, 'valid.mdx'), 'utf8').replace('## Metrics\n', '## Metrics\n\n{/* "*/ alert(1) /*" */}\n');
		const { text } = await reportFor({ 'case-studies/minimal.mdx': body });
		expect(text).toContain('is a JavaScript expression; a case file is content only');
	});

	it.each(['JavaScript:alert(1)', ' java\tscript:alert(1)', 'vbscript:msgbox(1)', 'DATA:text/html,x'])('refuses the disguised URL %j in a link', async (url) => {
		const body = readFileSync(join(FIXTURES, 'valid.mdx'), 'utf8').replace('[the model](#model)', `[the model](<${url}>)`);
		const { report } = await reportFor({ 'case-studies/minimal.mdx': body });
		expect(report.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^link to `.*`: a (javascript|vbscript|data): URL/)]);
	});

	it('accepts a DeepDive with a plain title, and nothing else about it', async () => {
		const body = readFileSync(join(FIXTURES, 'valid.mdx'), 'utf8').replace('## Model\n', '## Model\n\n<DeepDive title="Why two towers">\n\nThe towers share nothing.\n\n</DeepDive>\n');
		expect((await reportFor({ 'case-studies/minimal.mdx': body })).text).toBe('No problems found.');
		const extra = body.replace('<DeepDive title="Why two towers">', '<DeepDive title="Why two towers" open="open">');
		expect((await reportFor({ 'case-studies/minimal.mdx': extra })).text).toContain('<DeepDive> has no attribute "open"; it accepts title="…"');
		const untitled = body.replace('<DeepDive title="Why two towers">', '<DeepDive>');
		expect((await reportFor({ 'case-studies/minimal.mdx': untitled })).text).toContain('<DeepDive> needs a title="…" attribute');
	});

	it('suggests other pages as the fix, never the page the broken link is on', async () => {
		const { report } = await reportFor({ 'case-studies/minimal.mdx': valid, 'case-studies/link-missing-case.mdx': readFileSync(join(FIXTURES, 'broken/link-missing-case.mdx')) });
		const fix = report.problems.find((p) => p.message.startsWith('link to /cases/no-such-case/'))?.fix;
		expect(fix).toBe('Link to an existing page, e.g. /cases/minimal/.');
	});

	it.each([
		['an unknown component', '<Secret />', '<Secret> is not one of the project components; a case body is Markdown plus <DeepDive>'],
		['a fragment', '<>text</>', '<> is a JSX fragment; a case body is Markdown plus <DeepDive>'],
		['<details>', '<details>\n\nMore.\n\n</details>', 'Use <DeepDive title="…">…</DeepDive> for a collapsible part.'],
		['a handler on raw HTML', '<b onclick="steal()">bold</b>', 'event handler onclick= on <b> runs code'],
		['a spread attribute', '<DeepDive title="x" {...props}>\n\nMore.\n\n</DeepDive>', '`{...props}` on <DeepDive> is a JavaScript expression'],
		['a reference-style javascript: link', 'See [the model][m].\n\n[m]: javascript:alert(1)', 'link to `javascript:alert(1)`: a javascript: URL runs code when it is opened'],
		['a data: URL in a component attribute', '<DeepDive title="data:text/html,x">\n\nMore.\n\n</DeepDive>', 'title="data:text/html,x" on <DeepDive> is a data: URL'],
	])('refuses %s in a case body, saying what it is', async (_, snippet, expected) => {
		const body = readFileSync(join(FIXTURES, 'valid.mdx'), 'utf8').replace('## Model\n', `## Model\n\n${snippet}\n`);
		const { report, text } = await reportFor({ 'case-studies/minimal.mdx': body });
		expect(text).toContain(expected);
		expect(report.problems.every((p) => p.line && p.line >= 86 && p.fix)).toBe(true);
	});

	it('resolves links to every kind of page the site has', async () => {
		const links = ['/framework/#time-budget', '/framework/#rubric', '/framework/#model', '/practice/minimal/#model', '/practice/minimal/blank/', '/roadmap/', '/search/', '/cases/', '/cases/minimal', '/pitfalls/#temporal-leakage', '#at-a-glance', '#references'];
		const body = readFileSync(join(FIXTURES, 'valid.mdx'), 'utf8').replace('## Model\n', `## Model\n\n${links.map((l, i) => `[link ${i}](${l})`).join(' ')}\n`);
		const { text } = await reportFor({ 'case-studies/minimal.mdx': body, 'case-studies/notes.txt': 'not a case' });
		expect(text).toBe('No problems found.');
	});

	it.each([
		['/framework/#budgets', 'link to /framework/#budgets: /framework/ has no anchor "#budgets".'],
		['/practice/minimal/#modle', 'link to /practice/minimal/#modle: /practice/minimal/ has no anchor "#modle". Did you mean "model"?'],
		['/practice/other/', 'link to /practice/other/: no page at /practice/other/.'],
		['/roadmap/#week-99', 'link to /roadmap/#week-99: /roadmap/ has no anchor "#week-99".'],
		['/search/#results', 'link to /search/#results: /search/ has no anchor "#results".'],
	])('rejects the link %s, naming what is missing', async (url, expected) => {
		const body = readFileSync(join(FIXTURES, 'valid.mdx'), 'utf8').replace('[the model](#model)', `[the model](${url})`);
		const { report } = await reportFor({ 'case-studies/minimal.mdx': body });
		expect(report.problems.map((p) => p.message)).toEqual([expect.stringContaining(expected)]);
	});

	it('lists at most a dozen anchors in the fix', async () => {
		const body = readFileSync(join(FIXTURES, 'valid.mdx'), 'utf8').replace('[the model](#model)', '[the model](#nothing-like-this)');
		const { report } = await reportFor({ 'case-studies/minimal.mdx': body });
		const fix = report.problems[0].fix!;
		expect(fix.split(', ')).toHaveLength(13);
		expect(fix.endsWith(', ….')).toBe(true);
	});

	it('counts the files it checked: every case plus the framework and the three catalogs', async () => {
		const { report } = await reportFor({ 'case-studies/a.mdx': valid, 'case-studies/b.md': valid, 'case-studies/readme.txt': 'x' });
		expect(report.filesChecked).toBe(6);
		expect(report.cases.map((c) => c.slug)).toEqual(['a', 'b']);
	});

	it.each([
		['pitfalls.yaml', 'stage: data', 'stage: datta', /pitfalls\.yaml:\d+: \[\[0\]\.stage\] unknown framework section "datta" for pitfall "temporal-leakage"\. Did you mean "data"\?\n\s+fix: Use one of requirements, /],
		['pitfalls.yaml', /- id: (?!temporal-leakage)[a-z-]+\n/, '- id: temporal-leakage\n', /pitfalls\.yaml:\d+: \[\[\d+\]\.id\] pitfall id "temporal-leakage" is used twice\n\s+fix: Give each pitfall a unique id\./],
		['checklists.yaml', /^estimates:/m, 'estimatez:', /checklists\.yaml:\d+: unknown framework section "estimatez"\. Did you mean "estimates"\?\n\s+fix: Use one of requirements, /],
		['checklists.yaml', '- id: users-and-surfaces', '- id: business-goal', /checklists\.yaml:\d+: checklist item id "business-goal" is used twice in "requirements"\n\s+fix: Give each item a unique id within its section\./],
	] as const)('checks %s: %s', async (name, from, to, expected) => {
		const yaml = readFileSync(`case-studies/${name}`, 'utf8');
		const changed = yaml.replace(from, to);
		expect(changed).not.toBe(yaml);
		const { text } = await reportFor({ [`case-studies/${name}`]: changed, 'case-studies/minimal.mdx': valid });
		expect(text).toMatch(expected);
	});

	it('stops after the framework when the framework itself is broken, saying so', async () => {
		const root = makeContentRoot({ 'case-studies/minimal.mdx': valid });
		writeFileSync(join(root, 'templates/framework.yaml'), 'sections: 3\n');
		const report = await checkContent({ root, checkDiagram });
		expect(report.cases).toEqual([]);
		expect(report.filesChecked).toBe(1);
		expect(report.problems.length).toBeGreaterThan(0);
		expect(report.problems.every((p) => p.file === 'templates/framework.yaml')).toBe(true);
	});

	it('passes every diagram to the diagram checker, with its file line', async () => {
		const seen: string[] = [];
		const report = await checkContent({ root: makeContentRoot({ 'case-studies/minimal.mdx': valid }), checkDiagram: async (source) => (seen.push(source), { message: 'no', line: 2, fix: 'yes' }) });
		expect(seen).toEqual(['flowchart LR\n  A[Candidate generation] --> B[Ranking]']);
		expect(report.problems).toEqual([{ file: 'case-studies/minimal.mdx', message: 'diagram: no', line: 73, fix: 'yes' }]);
	});
});
