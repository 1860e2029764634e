import { beforeAll, describe, expect, it } from 'vitest';
import type { PipelineStage } from '../../../src/schemas/case.ts';
import { DiagramError, pipelineToMermaid, renderDiagram } from '../../../src/lib/diagrams/index.ts';
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
	it('writes two lanes, sequential edges within a lane, and dotted feeds across lanes', () => {
		expect(pipelineToMermaid(stages)).toMatchInlineSnapshot(`
			"flowchart LR
			  subgraph offline ["Offline"]
			    s_logging["Event logging"]
			    s_training["Training"]
			    s_index["ANN index build"]
			  end
			  subgraph online ["Online (per request)"]
			    s_retrieval["Retrieval<br/>10,000 items · 20 ms"]
			    s_ranking["Ranking #38; #quot;policy#quot;<br/>500 items · 40 ms"]
			    s_serve["Serve<br/>20 items"]
			  end
			  s_logging --> s_training
			  s_training --> s_index
			  s_index -.-> s_retrieval
			  s_retrieval --> s_ranking
			  s_ranking --> s_serve
			  s_serve -.-> s_logging
			"
		`);
	});

	it('round-trips through renderDiagram with every stage drawn', async () => {
		const { svg, text, kind } = await renderDiagram(pipelineToMermaid(stages));
		expect(kind).toBe('flowchart');
		const drawn = drawnTexts(parseSvg(svg));
		for (const t of ['Offline', 'Online(perrequest)', 'Eventlogging', 'Retrieval10,000items·20ms', 'Ranking&"policy"500items·40ms', 'Serve20items']) {
			expect(drawn).toContain(t);
		}
		expect(text).toContain('- ANN index build → Retrieval');
		expect(text).toContain('- Serve → Event logging');
		expect(text).toContain('- Online (per request): Retrieval, Ranking & "policy", Serve');
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
