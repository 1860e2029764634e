import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content/check-content.ts';
import { loadPrompts, PROMPTS_FILE } from '../../../src/lib/content/prompts.ts';
import { formatReport } from '../../../src/lib/content/problems.ts';
import { loadDomains } from '../../../src/lib/content/catalogs.ts';
import { promptGroups, promptsForCase } from '../../../src/lib/site/prompt-index.ts';
import { FIXTURES, makeContentRoot } from '../../fixtures/content-root.ts';

const valid = readFileSync(join(FIXTURES, 'valid.mdx'), 'utf8');
const draft = valid.replace(/^---\n/, '---\ndraft: true\n');
const fixture = (name: string) => readFileSync(join('tests/fixtures/prompts', name), 'utf8');
/** A concept page with headings, standing in for src/content/docs in a fixture root. */
const metricsPage = '---\ntitle: Metrics\n---\n\n## Calibration\n\nText.\n\n## Ranking metrics\n\nText.\n';

async function check(prompts: string) {
	const root = makeContentRoot({ 'case-studies/minimal.mdx': valid, 'case-studies/wip.mdx': draft, [PROMPTS_FILE]: prompts, 'src/content/docs/concepts/metrics.mdx': metricsPage });
	const report = await checkContent({ root });
	return { root, report, text: formatReport(report.problems.filter((p) => p.file === PROMPTS_FILE)) };
}

describe('the prompt index data', () => {
	it('maps at least 40 real prompts, each to one or two cases', () => {
		const prompts = loadPrompts();
		expect(prompts.length).toBeGreaterThanOrEqual(40);
		for (const p of prompts) expect(p.cases.length, p.id).toBeGreaterThanOrEqual(1);
		for (const p of prompts) expect(p.cases.length, p.id).toBeLessThanOrEqual(2);
	});

	it('passes the content check, which accepts a draft case and a concept heading', async () => {
		const { root, text } = await check(fixture('valid.yaml'));
		expect(text).toBe('No problems found.');
		expect(loadPrompts(root).map((p) => p.id)).toEqual(['news-recommendations', 'news-digest']);
	});

	it('reports unknown cases, concept pages, headings and domains, and repeats, each located with a fix', async () => {
		const { report, text } = await check(fixture('broken.yaml'));
		const problems = report.problems.filter((p) => p.file === PROMPTS_FILE);
		expect(problems.length).toBe(7);
		for (const p of problems) {
			expect(p.line, p.message).toBeGreaterThan(0);
			expect(p.field, p.message).toMatch(/^prompts\[\d\]\./);
			expect(p.fix, p.message).toBeTruthy();
		}
		expect(text).toContain('case-studies/prompts.yaml:7: [prompts[0].cases[0]] unknown case "minmal". Did you mean "minimal"?');
		expect(text).toMatchSnapshot();
	});

	it('reports schema problems by field and line', async () => {
		const { text } = await check(fixture('invalid-shape.yaml'));
		expect(text).toMatchSnapshot();
	});

	it('lets cases link to a prompt’s anchor on /prompts/', async () => {
		const linked = valid.replace(/^(## Requirements and scope\n)/m, '$1\nSee [the prompt](/prompts/#news-digest) and [a typo](/prompts/#news-digset).\n');
		const root = makeContentRoot({ 'case-studies/minimal.mdx': linked, 'case-studies/wip.mdx': draft, [PROMPTS_FILE]: fixture('valid.yaml'), 'src/content/docs/concepts/metrics.mdx': metricsPage });
		const text = formatReport((await checkContent({ root })).problems);
		expect(text).toContain('link to /prompts/#news-digset: /prompts/ has no anchor "#news-digset". Did you mean "news-digest"?');
		expect(text).not.toContain('#news-digest:');
	});

	it('has no prompts in a content root without the file', async () => {
		const root = makeContentRoot({ 'case-studies/minimal.mdx': valid });
		expect(loadPrompts(root)).toEqual([]);
		expect(formatReport((await checkContent({ root })).problems)).toBe('No problems found.');
	});
});

describe('what the pages list', () => {
	const prompts = [
		{ id: 'a', prompt: 'Design A', domain: 'search', cases: ['yelp', 'feed'], changes: '', concepts: [] },
		{ id: 'b', prompt: 'Design B', domain: 'recommendation', cases: ['feed'], changes: '', concepts: [] },
		{ id: 'c', prompt: 'Design C', domain: 'recommendation', cases: ['wip'], changes: '', concepts: [] },
		{ id: 'd', prompt: 'Design D', domain: 'recommendation', cases: ['wip', 'feed'], changes: '', concepts: [] },
	];

	it('groups prompts by domain in catalog order, leaving out draft cases and prompts with no listed case', () => {
		const groups = promptGroups(prompts, loadDomains(), new Set(['feed', 'yelp']));
		expect(groups.map((g) => [g.domain.id, g.prompts.map((p) => `${p.id}:${p.cases.join('+')}`)])).toEqual([
			['recommendation', ['b:feed', 'd:feed']],
			['search', ['a:yelp+feed']],
		]);
	});

	it('lists a case’s prompts with the ones it answers first before those it helps with', () => {
		expect(promptsForCase(prompts, 'feed').map((p) => p.id)).toEqual(['b', 'a', 'd']);
		expect(promptsForCase(prompts, 'nothing')).toEqual([]);
	});
});
