import { beforeAll, describe, expect, it } from 'vitest';
import type { PipelineStage } from '../../../src/schemas/case.ts';
import { DiagramError, pipelineToMermaid, renderDiagram } from '../../../src/lib/diagrams/index.ts';
import { FIT_WIDTH } from '../../../src/lib/diagrams/fit.ts';
import { parseSvg, drawnTexts, setUp } from './helpers.ts';

beforeAll(setUp, 60_000);

const stages: PipelineStage[] = [
	{ id: 'logging', name: 'Event logging', lane: 'offline' },
	{ id: 'training', name: 'Training', lane: 'offline' },
	{ id: 'index', name: 'ANN index build', lane: 'offline', feeds: ['retrieval'] },
	{ id: 'retrieval', name: 'Retrieval', lane: 'online', items: 10000, latencyMs: 20 },
	{ id: 'ranking', name: 'Ranking & "policy"', lane: 'online', items: 500, latencyMs: 40 },
	{ id: 'serve', name: 'Serve', lane: 'online', items: 20, feeds: ['logging'] },
];

describe('pipelineToMermaid', () => {
	it('stacks the lanes, draws links within a lane, and writes feeds across lanes on the stage they feed', () => {
		expect(pipelineToMermaid(stages)).toMatchInlineSnapshot(`
			"flowchart TB
			  subgraph offline ["Offline"]
			    s_logging["Event logging<br/>fed by Serve"]
			    s_training["Training"]
			    s_index["ANN index build"]
			  end
			  subgraph online ["Online (per request)"]
			    s_retrieval["Retrieval<br/>10,000 items · 20 ms<br/>fed by ANN index build"]
			    s_ranking["Ranking #38; #quot;policy#quot;<br/>500 items · 40 ms"]
			    s_serve["Serve<br/>20 items"]
			  end
			  s_index ~~~ s_retrieval
			  s_logging --> s_training
			  s_training --> s_index
			  s_retrieval --> s_ranking
			  s_ranking --> s_serve
			"
		`);
	});

	it('round-trips through renderDiagram with every stage drawn, narrow enough for the page column', async () => {
		const { svg, text, kind, width, warning } = await renderDiagram(pipelineToMermaid(stages));
		expect(kind).toBe('flowchart');
		expect(warning).toBeUndefined();
		expect(width).toBeLessThanOrEqual(FIT_WIDTH);
		const drawn = drawnTexts(parseSvg(svg));
		for (const t of ['Offline', 'Online(perrequest)', 'EventloggingfedbyServe', 'Retrieval10,000items·20msfedbyANNindexbuild', 'Ranking&"policy"500items·40ms', 'Serve20items']) {
			expect(drawn).toContain(t);
		}
		// No drawn link crosses lanes: the lanes' boxes hold both ends of every path.
		expect(text).not.toContain('ANN index build → Retrieval');
		expect(text).toContain('- Retrieval → Ranking & "policy"');
		expect(text).toContain('- Online (per request): Retrieval, Ranking & "policy", Serve');
	});

	it('keeps the generated pipelines of a dozen stages with many feeds inside the column, lane titles uncrossed', async () => {
		const many: PipelineStage[] = [
			...Array.from({ length: 6 }, (_, i) => ({ id: `off${i}`, name: `Offline stage number ${i}`, lane: 'offline' as const, feeds: i === 5 ? ['on1', 'on2', 'on3'] : [`off${i + 1}`, 'on0'] })),
			...Array.from({ length: 7 }, (_, i) => ({ id: `on${i}`, name: `Online stage ${i}`, lane: 'online' as const, items: 1000 - i * 100, latencyMs: 10 })),
		];
		const { svg, width, warning } = await renderDiagram(pipelineToMermaid(many));
		expect(warning).toBeUndefined();
		expect(width).toBeLessThanOrEqual(FIT_WIDTH);
		// Only solid in-lane arrows: no dashed cross-lane edges left to tangle.
		expect(svg).not.toMatch(/class="e d"/);
		// No link passes through a lane's title band (the top 26 px of its box).
		const doc = parseSvg(svg);
		const bands = [...doc.querySelectorAll('rect.c')].map((r) => {
			const [x, y, w] = ['x', 'y', 'width'].map((a) => Number(r.getAttribute(a)));
			return { l: x!, r: x! + w!, t: y!, b: y! + 26 };
		});
		expect(bands).toHaveLength(2);
		for (const path of doc.querySelectorAll('path.e')) {
			const nums = (path.getAttribute('d') ?? '').match(/-?[\d.]+/g)!.map(Number);
			for (let i = 0; i + 1 < nums.length; i += 2) {
				const [x, y] = [nums[i]!, nums[i + 1]!];
				for (const b of bands) expect(x > b.l && x < b.r && y > b.t && y < b.b, `point ${x},${y} in a lane title`).toBe(false);
			}
		}
	});

	it('leaves out an empty lane', () => {
		const src = pipelineToMermaid(stages.filter((s) => s.lane === 'online').map(({ feeds, ...s }) => s));
		expect(src).not.toContain('Offline');
		expect(src).toContain('s_retrieval --> s_ranking');
	});

	it('refuses a feed to an unknown stage', () => {
		expect(() => pipelineToMermaid([{ id: 'a', name: 'A stage', lane: 'online', feeds: ['nope'] }, { id: 'b', name: 'B stage', lane: 'online' }])).toThrow(DiagramError);
	});
});
