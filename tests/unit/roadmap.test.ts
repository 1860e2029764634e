import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATIC_ROUTES } from '../../src/lib/content/check-content.ts';
import { readDataFile } from '../../src/lib/content/data-file.ts';
import { docsRoutes, headingIds } from '../../src/lib/content/docs-routes.ts';
import { formatReport } from '../../src/lib/content/problems.ts';
import { allWeeks, loadRoadmap, ROADMAP_FILE, roadmapAnchors } from '../../src/lib/content/roadmap.ts';
import { describeProgress, parseProgress, serializeProgress, summarizeProgress } from '../../src/lib/learning/roadmap-progress.ts';
import { roadmapSchema } from '../../src/schemas/roadmap.ts';

describe('the roadmap data', () => {
	const roadmap = loadRoadmap();

	it('has four phases and weeks 1 to 16 in order', () => {
		expect(roadmap.phases).toHaveLength(4);
		expect(allWeeks(roadmap).map((w) => w.week)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
	});

	it('links each week the plan names to the page that serves it', () => {
		const links = (week: number) => allWeeks(roadmap)[week - 1].links.map((l) => l.href);
		expect(links(5)).toEqual(expect.arrayContaining(['/concepts/experiments/', '/calculators/']));
		expect(links(8)).toContain('/concepts/metrics/');
		expect(links(11)).toContain('/concepts/embeddings/');
		expect(links(12)).toEqual(expect.arrayContaining(['/cases/', '/framework/']));
		expect(links(13)).toEqual(expect.arrayContaining(['/cases/', '/framework/']));
		expect(links(15)).toContain('/practice/');
		expect(roadmap.project.links.map((l) => l.href)).toContain('/guides/notebook-to-production/');
	});

	it('names an anchor for every phase and week', () => {
		const anchors = roadmapAnchors(roadmap);
		expect(anchors).toContain('phase-fundamentals');
		expect(anchors).toContain('week-16');
		expect(anchors).toContain('project');
		expect(anchors).toHaveLength(4 + 16 + 1);
	});

	it('links only to pages and anchors that exist', () => {
		const routes = new Map<string, string[]>([...STATIC_ROUTES.map((r) => [r, []] as [string, string[]]), ...docsRoutes()]);
		routes.set('/framework/', ['rubric']);
		routes.set('/roadmap/', roadmapAnchors(roadmap));
		const hrefs = [...allWeeks(roadmap).flatMap((w) => w.links), ...roadmap.project.links].map((l) => l.href);
		for (const href of hrefs) {
			const [path, hash] = href.split('#');
			expect(routes.has(path), `${href}: no page at ${path}`).toBe(true);
			if (hash) expect(routes.get(path), `${href}: no anchor #${hash}`).toContain(hash);
		}
	});
});

describe('roadmap validation', () => {
	function check(yaml: string): string {
		const root = mkdtempSync(join(tmpdir(), 'roadmap-'));
		mkdirSync(join(root, 'src/data'), { recursive: true });
		writeFileSync(join(root, ROADMAP_FILE), yaml);
		return formatReport(readDataFile(root, ROADMAP_FILE, roadmapSchema).problems);
	}
	const week = (n: number, extra = '') => `
      - week: ${n}
        title: Week ${n} title
        summary: A summary of week ${n}.
        focus: [{ topic: Topic, detail: Some detail here. }]
        actions: [{ id: do-it, text: Do the thing. }${extra}]`;
	const file = (weeks: string, links = '') => `intro: An introduction to the plan.
hoursPerWeek: "10"
phases:
  - id: one
    title: Phase one
    goal: The goal of phase one.
    weeks:${weeks}
project:
  title: A project
  summary: The summary of the project.
  actions: [{ id: step, text: Take a step. }]
  links: [${links}]
`;

	it('accepts a minimal valid file', () => {
		expect(check(file(week(1) + week(2)))).toBe('No problems found.');
	});

	it('names the field and line when weeks are out of order', () => {
		expect(check(file(week(1) + week(3)))).toMatch(/src\/data\/roadmap\.yaml:\d+: \[phases\[0\]\.weeks\[1\]\.week\] expected week 2, found week 3/);
	});

	it('rejects duplicate action ids, which would share a storage key', () => {
		expect(check(file(week(1, ', { id: do-it, text: Again, the thing. }')))).toMatch(/duplicate action id "do-it" in week 1/);
	});

	it('rejects links that are not site paths', () => {
		expect(check(file(week(1), '{ label: Outside, href: "https://example.com" }'))).toMatch(/expected a site path like "\/concepts\/metrics\/"/);
	});
});

describe('roadmap progress storage', () => {
	it('round-trips ticks', () => {
		const done = parseProgress(serializeProgress(['week-1', 'week-1/easy-10', 'project/logging']));
		expect([...done]).toEqual(['week-1', 'week-1/easy-10', 'project/logging']);
	});

	it('reads corrupt, foreign or old data as nothing ticked', () => {
		for (const raw of [null, '', '{', 'null', '[]', '"x"', '{"version":2,"done":["week-1"]}', '{"version":1,"done":"week-1"}', '{"version":1}']) {
			expect(parseProgress(raw).size, String(raw)).toBe(0);
		}
	});

	it('drops entries that are not tick ids', () => {
		expect([...parseProgress('{"version":1,"done":["week-2",3,null,"<script>","week-2/ok-id"]}')]).toEqual(['week-2', 'week-2/ok-id']);
	});

	it('counts only ticks the page still has', () => {
		const summary = summarizeProgress(new Set(['week-1', 'week-2', 'week-99', 'week-1/a']), ['week-1', 'week-2', 'week-3'], ['week-1/a', 'week-1/b']);
		expect(summary).toEqual({ weeksDone: 2, weeksTotal: 3, actionsDone: 1, actionsTotal: 2 });
		expect(describeProgress(summary)).toBe('2 of 3 weeks done · 1 of 2 actions ticked');
	});
});

describe('docsRoutes', () => {
	it('lists the Starlight pages with their heading anchors', () => {
		const routes = docsRoutes();
		expect(routes.get('/concepts/metrics/')).toEqual(expect.arrayContaining(['calibration', 'ndcg', 'recallk', 'sources']));
		expect(routes.get('/calculators/')).toContain('ab-test-sample-size');
		expect(routes.has('/guides/notebook-to-production/')).toBe(true);
	});

	it('returns nothing for a project without docs pages', () => {
		expect(docsRoutes(mkdtempSync(join(tmpdir(), 'no-docs-'))).size).toBe(0);
	});
});

describe('headingIds', () => {
	it('slugs headings as Astro does, skipping code fences and front matter', () => {
		const source = '---\ntitle: x\n---\n## ROC-AUC and PR-AUC\n```md\n## not a heading\n```\n### Log loss (cross-entropy)\n## ROC-AUC and PR-AUC\n';
		expect(headingIds(source)).toEqual(['roc-auc-and-pr-auc', 'log-loss-cross-entropy', 'roc-auc-and-pr-auc-1']);
	});

	it('keeps the characters Astro keeps and reads headings a line pattern would miss', () => {
		const source = '## p_value\n\n## Recall@k and `top_k`\n\n## **Bold** and [a link](/x/)\n\nSetext title\n------------\n\n> ## Quoted heading\n';
		expect(headingIds(source)).toEqual(['p_value', 'recallk-and-top_k', 'bold-and-a-link', 'setext-title', 'quoted-heading']);
	});
});
