import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCaseFile, checkContent, checkDiagrams, type CaseFileCheck } from '../../../src/lib/content/check-content.ts';
import { loadFramework } from '../../../src/lib/content/framework.ts';
import { loadDomains, loadPitfalls } from '../../../src/lib/content/catalogs.ts';
import { checkDiagram } from '../../../src/lib/diagrams/index.ts';
import { loadMermaid } from '../../../src/lib/diagrams/parse.ts';
import { formatReport, isError } from '../../../src/lib/content/problems.ts';
import { arxivId, namesOnlyArxiv } from '../../../src/lib/content/check-case.ts';
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
			  case-studies/no-sequence.mdx:224: warning: no authored sequence diagram; the case standard asks for a \`sequenceDiagram\` of the online request before the case is listed
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
		expect(text).toContain('case-studies/huge.mdx: file is 5 MB; a case study must be under 1 MB');
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

	it('accepts an arXiv link whose venue is a conference, with the conference year', async () => {
		// Posted to arXiv in 2020 (2012.08724), published at KDD 2021: the venue's year is the one to give.
		const reference = `references:
  - title: Trustworthy Online Marketplace Experimentation with Budget-split Design
    url: https://arxiv.org/abs/2012.08724
    year: 2021
    venue: KDD 2021
  - title: Deep Learning Recommendation Model for Personalization and Recommendation Systems
    url: https://arxiv.org/pdf/1906.00091v1.pdf
    year: 2019
    venue: arXiv preprint
`;
		const { text } = await reportFor({ 'case-studies/minimal.mdx': valid.toString('utf8').replace('references:\n', reference) });
		expect(text).toBe('No problems found.');
	});

	it('lets the online stages use exactly the latency budget, and no more', async () => {
		// valid.mdx: two online stages of 40 and 80 ms.
		const at = await reportFor({ 'case-studies/minimal.mdx': valid.toString('utf8').replace('latencyBudgetMs: 200', 'latencyBudgetMs: 120') });
		expect(at.text).toBe('No problems found.');
		const over = await reportFor({ 'case-studies/minimal.mdx': valid.toString('utf8').replace('latencyBudgetMs: 200', 'latencyBudgetMs: 119') });
		expect(over.text).toContain('online stages spend 120 ms, more than scale.latencyBudgetMs (119 ms)');
	});

	it('asks for a framework section heading written in other capitals to be written exactly', async () => {
		const source = valid.toString('utf8').replace('## ML problem framing', '## ML Problem Framing');
		const line = source.split('\n').indexOf('## ML Problem Framing') + 1;
		const { report } = await reportFor({ 'case-studies/minimal.mdx': source });
		expect(report.problems.map((p) => [p.line, p.message, p.fix])).toEqual([[line, 'section heading "## ML Problem Framing" should be written exactly "## ML problem framing"', 'Change the heading to "## ML problem framing".']]);
	});

	it('says where a missing section goes: before the next framework section, or at the end', async () => {
		const source = valid.toString('utf8');
		const middle = await reportFor({ 'case-studies/minimal.mdx': source.replace('## ML problem framing\n', '') });
		const metricsLine = source.replace('## ML problem framing\n', '').split('\n').indexOf('## Metrics') + 1;
		expect(middle.report.problems.map((p) => [p.line, p.message])).toEqual([[metricsLine, 'missing section "## ML problem framing" (section 3 of 11)']]);
		expect(middle.report.problems[0]!.fix).toMatch(/^Add "## ML problem framing" before "## Metrics", answering: \S/);
		const last = await reportFor({ 'case-studies/minimal.mdx': source.replace('## Monitoring and iteration\n', '') });
		expect(last.report.problems.map((p) => p.message)).toEqual(['missing section "## Monitoring and iteration" (section 11 of 11)']);
		expect(last.report.problems[0]!.fix).toMatch(/^Add "## Monitoring and iteration" at the end, answering: \S/);
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
		['an attribute with no value', '<DeepDive title>\n\nMore.\n\n</DeepDive>', 'title on <DeepDive> has no value; write title="…"'],
		['an import followed by an export', "import a from 'a'\nexport const b = 1", "`import a from 'a'`: import statements are code"],
		['an attribute whose name merely contains "on"', '<DeepDive title="x" icon="y">\n\nMore.\n\n</DeepDive>', '<DeepDive> has no attribute "icon"; it accepts title="…"\n      fix: Remove icon=.'],
		['a component without its required attribute', '<DeepDive open="open">\n\nMore.\n\n</DeepDive>', '<DeepDive> needs a title="…" attribute\n      fix: Write <DeepDive title="…">.'],
		['a deep dive with an empty title', '<DeepDive title=" ">\n\nMore.\n\n</DeepDive>', '<DeepDive> with an empty title; the title is what a reader sees while it is collapsed'],
		['a data: URL in a component attribute', '<DeepDive title="data:text/html,x">\n\nMore.\n\n</DeepDive>', 'title="data:text/html,x" on <DeepDive> is a data: URL'],
	])('refuses %s in a case body, saying what it is', async (_, snippet, expected) => {
		const body = readFileSync(join(FIXTURES, 'valid.mdx'), 'utf8').replace('## Model\n', `## Model\n\n${snippet}\n`);
		const { report, text } = await reportFor({ 'case-studies/minimal.mdx': body });
		expect(text).toContain(expected);
		expect(text).not.toContain('event handler icon=');
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
		expect(report.warnings).toEqual([]);
		expect(report.problems.length).toBeGreaterThan(0);
		expect(report.problems.every((p) => p.file === 'templates/framework.yaml')).toBe(true);
	});

	it('passes every diagram to the diagram checker, with its file line', async () => {
		const seen: string[] = [];
		const report = await checkContent({ root: makeContentRoot({ 'case-studies/minimal.mdx': valid }), checkDiagram: async (source) => (seen.push(source), { message: 'no', line: 2, fix: 'yes' }) });
		// The fixture has the two authored diagrams a listed case needs: the pipeline flowchart and the request sequence.
		const fences = valid.toString('utf8').split('\n').flatMap((l, i) => (l.trim() === '```mermaid' ? [i + 1] : []));
		expect(seen.map((d) => d.split('\n')[0])).toEqual(['flowchart LR', 'sequenceDiagram']);
		expect(seen[0]).toBe('flowchart LR\n  A[Candidate generation] --> B[Ranking]');
		// Each problem is located on the diagram's line 2 (the checker's `line`), counted from the fence in the file.
		expect(report.problems).toEqual(fences.map((fence) => ({ file: 'case-studies/minimal.mdx', message: 'diagram: no', line: fence + 2, fix: 'yes' })));
	});
});

describe('arXiv references', () => {
	it('reads the year from new- and old-style arXiv ids, in abstract and PDF URLs', () => {
		expect(arxivId('https://arxiv.org/abs/1906.00091')).toEqual({ id: '1906.00091', year: 2019 });
		expect(arxivId('https://arxiv.org/pdf/2007.07203v2.pdf')).toEqual({ id: '2007.07203', year: 2020 });
		expect(arxivId('https://export.arxiv.org/abs/0704.0001')).toEqual({ id: '0704.0001', year: 2007 });
		expect(arxivId('https://arxiv.org/abs/hep-th/9901001')).toEqual({ id: 'hep-th/9901001', year: 1999 });
		expect(arxivId('https://arxiv.org/abs/cs.IR/0105023')).toEqual({ id: 'cs.IR/0105023', year: 2001 });
		// The edges: December, and 1991 (the first old-style ids), not 2091.
		expect(arxivId('https://arxiv.org/abs/1912.01234')).toEqual({ id: '1912.01234', year: 2019 });
		expect(arxivId('https://arxiv.org/abs/hep-th/9108001')).toEqual({ id: 'hep-th/9108001', year: 1991 });
	});

	it('ignores other URLs and ids that cannot be dates', () => {
		expect(arxivId('https://doi.org/10.1145/2959100.2959190')).toBeUndefined();
		expect(arxivId('https://arxiv.org/html/2309.07107v3')).toBeUndefined();
		expect(arxivId('https://arxiv.org/abs/1913.00001')).toBeUndefined();
	});

	it('treats a missing venue or one that names only arXiv as arXiv-only', () => {
		for (const venue of [undefined, '', 'arXiv', 'arXiv preprint', 'arXiv:2007.07203', 'arXiv 2007.07203', 'arXiv (cs.IR)', 'arXiv, 2019', '   ', 'arXiv 2007.07203v12', 'arXiv hep-th/9901001', 'arXiv cs.IR/0105023']) expect(namesOnlyArxiv(venue), String(venue)).toBe(true);
		for (const venue of ['KDD 2021', 'arXiv 2007.07203 (CIKM 2021)', 'ORSUM workshop at ACM RecSys 2022 (arXiv 2209.07663)', 'arXiv 1603.09320 (IEEE TPAMI)', '2019', '(1603.09320)']) expect(namesOnlyArxiv(venue), venue).toBe(false);
	});
});


describe('checkContent: catalogs, routes and files', () => {
	const noDiagrams = async () => null;
	const body = (snippet: string) => readFileSync(join(FIXTURES, 'valid.mdx'), 'utf8').replace('## Model\n', `## Model\n\n${snippet}\n`);
	const check = (files: Record<string, string | Buffer>, options: Parameters<typeof checkContent>[0] = {}) => checkContent({ root: makeContentRoot(files), checkDiagram: noDiagrams, ...options });
	/** 1-based line of the `n`th line of `text` that contains `needle`. */
	const lineOf = (text: string, needle: string, n = 1) => text.split('\n').flatMap((l, i) => (l.includes(needle) ? [i + 1] : []))[n - 1];

	it.each(['pitfalls.yaml', 'checklists.yaml', 'domains.yaml'])('reports a %s that is not YAML, and still checks the cases', async (name) => {
		const report = await check({ [`case-studies/${name}`]: '- [not closed\n', 'case-studies/minimal.mdx': valid });
		expect(report.problems.filter((p) => p.file === `case-studies/${name}`)).not.toEqual([]);
		expect(report.filesChecked).toBe(5);
	});

	it('puts each catalog problem on the line of the entry', async () => {
		const pitfalls = readFileSync('case-studies/pitfalls.yaml', 'utf8').replace('stage: data', 'stage: datta').replace(/- id: (?!temporal-leakage)[a-z-]+\n/, '- id: temporal-leakage\n');
		const checklists = readFileSync('case-studies/checklists.yaml', 'utf8').replace(/^estimates:/m, 'estimatez:').replace('- id: users-and-surfaces', '- id: business-goal');
		const report = await check({ 'case-studies/pitfalls.yaml': pitfalls, 'case-studies/checklists.yaml': checklists, 'case-studies/minimal.mdx': valid });
		const at = (start: string) => report.problems.find((p) => p.message.startsWith(start))?.line;
		expect(at('unknown framework section "datta"')).toBe(lineOf(pitfalls, 'stage: datta'));
		expect(at('pitfall id "temporal-leakage" is used twice')).toBe(lineOf(pitfalls, '- id: temporal-leakage', 2));
		// A section is located where its list starts, the line after its name.
		expect(at('unknown framework section "estimatez"')).toBe(lineOf(checklists, 'estimatez:') + 1);
		expect(at('checklist item id "business-goal" is used twice')).toBe(lineOf(checklists, '- id: business-goal', 2));
	});

	it('suggests a slug made of the file name’s words', async () => {
		const report = await check({ 'case-studies/_My  Case_.mdx': valid });
		expect(report.problems.map((p) => p.fix)).toEqual(['Rename it to lowercase words joined by hyphens, e.g. "my-case.mdx".']);
	});

	it('checks the site links in diagrams on their own lines, suggesting other pages', async () => {
		const diagram = '```mermaid\nflowchart LR\n  A[Start] --> B[End]\n  click A "/nowhere/"\n  click B "https://example.com/"\n```';
		const text = body(diagram);
		const report = await check({ 'case-studies/minimal.mdx': text });
		expect(report.problems).toEqual([{ file: 'case-studies/minimal.mdx', message: 'link to /nowhere/: no page at /nowhere/.', line: lineOf(text, 'click A'), fix: 'Link to an existing page, e.g. /cases/, /pitfalls/, /framework/.' }]);
	});

	it('resolves crib sheets, and says when a page has no anchors at all', async () => {
		expect((await check({ 'case-studies/minimal.mdx': body('[crib](/cases/minimal/crib/)') })).problems).toEqual([]);
		for (const url of ['/cases/minimal/crib/#model', '/search/#results', '/roadmap/#week-1']) {
			const report = await check({ 'case-studies/minimal.mdx': body(`[x](${url})`) });
			const [path, hash] = url.split('#');
			expect(report.problems.map((p) => p.fix)).toEqual([`Link to ${path} without "#${hash}"; that page has no anchors.`]);
		}
	});

	it('takes extra routes, listing up to twelve of their anchors in a fix', async () => {
		const ids = (n: number) => Array.from({ length: n }, (_, i) => `a${i + 1}`);
		const extraRoutes = new Map([['/twelve/', ids(12)], ['/thirteen/', ids(13)]]);
		const report = await check({ 'case-studies/minimal.mdx': body('[ok](/twelve/#a12) [a](/twelve/#zz) [b](/thirteen/#zz)') }, { extraRoutes });
		expect(report.problems.map((p) => p.fix)).toEqual([`Use one of its anchors: ${ids(12).join(', ')}.`, `Use one of its anchors: ${ids(12).join(', ')}, ….`]);
	});

	it('suggests at most three other cases for a link to a missing one', async () => {
		const report = await check({ 'case-studies/a.mdx': valid, 'case-studies/b.mdx': valid, 'case-studies/c.mdx': valid, 'case-studies/d.mdx': valid, 'case-studies/e.mdx': body('[x](/cases/no-such-case/)') });
		expect(report.problems.map((p) => p.fix)).toEqual(['Link to an existing page, e.g. /cases/a/, /cases/b/, /cases/c/.']);
	});

	it('reports a broken roadmap, and counts the prompt index when there is one', async () => {
		const root = makeContentRoot({ 'case-studies/minimal.mdx': valid });
		mkdirSync(join(root, 'src/data'), { recursive: true });
		writeFileSync(join(root, 'src/data/roadmap.yaml'), 'weeks: 3\n');
		writeFileSync(join(root, 'case-studies/prompts.yaml'), readFileSync('case-studies/prompts.yaml'));
		const report = await checkContent({ root, checkDiagram: noDiagrams });
		expect(report.problems.filter((p) => p.file === 'src/data/roadmap.yaml')).not.toEqual([]);
		expect(report.filesChecked).toBe(1 + 4 + 1);
	});

	it('reports a diagram that renders but is too wide as a warning, failing nothing', async () => {
		const report = await check({ 'case-studies/minimal.mdx': valid }, { checkDiagram: async () => ({ message: 'too wide', fix: 'Shorten it.', severity: 'warning' }) });
		expect(report.problems).toEqual([]);
		expect(report.warnings.map((p) => [p.message, p.severity])).toEqual([['diagram: too wide', 'warning'], ['diagram: too wide', 'warning']]);
		expect(report.cases.map((c) => c.slug)).toEqual(['minimal']);
	});

	it('reads case files in folders, in path order, and nothing but .md and .mdx files', async () => {
		const report = await check({ 'case-studies/zeta.mdx': valid, 'case-studies/drafts/alpha.mdx': valid, 'case-studies/notes.mdx.orig': 'x', 'case-studies/old.mdx.bak/readme.txt': 'x' });
		expect(report.problems).toEqual([]);
		expect(report.cases.map((c) => c.file)).toEqual(['case-studies/drafts/alpha.mdx', 'case-studies/zeta.mdx']);
	});

	it('reports missing catalogs, and no cases, when there is no case-studies folder', async () => {
		const root = makeContentRoot({});
		rmSync(join(root, 'case-studies'), { recursive: true });
		const report = await checkContent({ root, checkDiagram: noDiagrams });
		expect(report.cases).toEqual([]);
		expect(new Set(report.problems.map((p) => p.file))).toEqual(new Set(['case-studies/pitfalls.yaml', 'case-studies/checklists.yaml', 'case-studies/domains.yaml']));
	});
});
