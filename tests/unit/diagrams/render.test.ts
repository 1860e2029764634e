import { describe, expect, it, beforeAll } from 'vitest';
import { renderDiagram, renderFigure } from '../../../src/lib/diagrams/index.ts';
import { drawnTexts, fixtures, labelProblems, parseSvg, setUp } from './helpers.ts';

beforeAll(setUp, 60_000);

describe('every supported construct renders faithfully', () => {
	for (const { name, source } of fixtures('good')) {
		it(name, async () => {
			const { svg, text, kind } = await renderDiagram(source);
			expect(kind).toBe(name.startsWith('seq-') ? 'sequence' : 'flowchart');
			const doc = parseSvg(svg);
			const root = doc.documentElement;

			// Accessible: role="img" (or "group" when it holds links), labelled by its own <title> and <desc>.
			expect(root.getAttribute('role')).toBe(svg.includes('<a ') ? 'group' : 'img');
			const [titleId, descId] = root.getAttribute('aria-labelledby')!.split(' ');
			expect(doc.getElementById(titleId!)?.tagName).toBe('title');
			expect(doc.getElementById(descId!)?.tagName).toBe('desc');
			expect(doc.getElementById(titleId!)!.textContent!.length).toBeGreaterThan(3);

			// Scales with its container; no fixed pixel height.
			expect(root.getAttribute('viewBox')).toMatch(/^-?[\d.]+ -?[\d.]+ [\d.]+ [\d.]+$/);
			expect(root.getAttribute('width')).toBe('100%');
			expect(root.hasAttribute('height')).toBe(false);

			// Self-contained and inert.
			expect(svg).not.toContain('@import');
			expect(svg).not.toMatch(/<script/i);
			expect(svg).not.toMatch(/\bon[a-z]+=/i);
			expect(svg.replaceAll('http://www.w3.org/2000/svg', '')).not.toMatch(/https?:/);

			// Every label the parser found is drawn, exactly, on its own node, edge, group or message.
			expect(await labelProblems(source, svg)).toEqual([]);

			// Marker ids are unique to this diagram.
			for (const m of doc.getElementsByTagName('marker')) expect(m.id.startsWith(root.id + '-')).toBe(true);
			expect(text.length).toBeGreaterThan(10);
		});
	}
});

describe('labels with markup characters', () => {
	it('escapes <, &, and quotes in the SVG and draws them as typed', async () => {
		const { svg } = await renderDiagram('flowchart TD\n  A["Latency < 50 ms & p99 > 10 ms"] -->|"it\'s #quot;fast#quot;"| B["#lt;b#gt; is not bold"]\n');
		expect(svg).toContain('Latency &lt; 50 ms &amp; p99 &gt; 10 ms');
		expect(svg).toContain('it&#39;s &quot;fast&quot;');
		expect(svg).toContain('&lt;b&gt; is not bold');
		const drawn = drawnTexts(parseSvg(svg));
		expect(drawn).toContain('Latency<50ms&p99>10ms');
		expect(drawn).toContain('it\'s"fast"');
	});

	it('draws <b>, <i> and markdown emphasis as bold and italic runs', async () => {
		const { svg } = await renderDiagram('flowchart LR\n  A["<b>bold</b> <i>it</i>"] --> B["`**md bold** _md it_`"]\n');
		expect(svg).toMatch(/<tspan font-weight="bold">bold<\/tspan>/);
		expect(svg).toMatch(/<tspan font-style="italic">it<\/tspan>/);
		expect(svg).toMatch(/<tspan font-weight="bold">md bold<\/tspan>/);
		expect(svg).toMatch(/<tspan font-style="italic">md it<\/tspan>/);
	});

	it('keeps sequence text literal, with <br> as a line break', async () => {
		const { svg } = await renderDiagram('sequenceDiagram\n  A->>B: GET /items?id=<id> & more<br/>second line\n');
		expect(svg).toContain('GET /items?id=&lt;id&gt; &amp; more');
		expect(svg).toMatch(/second line<\/tspan>/);
	});

	it('wraps a long label onto several lines', async () => {
		const { svg } = await renderDiagram('flowchart TD\n  A["one two three four five six seven eight nine ten eleven twelve thirteen fourteen"]\n');
		expect(svg.match(/<tspan x=/g)!.length).toBeGreaterThanOrEqual(3);
	});
});

describe('ids and text version', () => {
	it('derives ids from the content: same source, same ids; different source, different ids', async () => {
		const a = await renderDiagram('flowchart LR\n  A --> B\n');
		const b = await renderDiagram('flowchart LR\n  A --> B\n');
		const c = await renderDiagram('flowchart LR\n  A --> C\n');
		const id = (svg: string) => /<svg[^>]* id="([^"]+)"/.exec(svg)![1];
		expect(id(a.svg)).toBe(id(b.svg));
		expect(id(a.svg)).not.toBe(id(c.svg));
		expect(id(a.svg)).toMatch(/^dg-[0-9a-f]{10}$/);
	});

	it('describes a flowchart as nodes, groups and "A → B (label)" connections', async () => {
		const { text } = await renderDiagram('flowchart LR\n  subgraph S [Serving]\n    A[Ranker] -->|top 20| B[Client]\n  end\n  B -.-> C[(Logs)]\n  C <--> D\n');
		expect(text).toMatchInlineSnapshot(`
			"Flowchart, left to right.

			Nodes:
			- Ranker
			- Client
			- Logs
			- D

			Groups:
			- Serving: Ranker, Client

			Connections:
			- Ranker → Client (top 20)
			- Client → Logs
			- Logs ↔ D"
		`);
	});

	it('describes a sequence diagram in order, with blocks and notes', async () => {
		const { text } = await renderDiagram('sequenceDiagram\n  participant C as Client\n  actor U as User\n  U->>C: tap\n  loop every second\n    C-->>U: frame\n  end\n  Note over C,U: done\n');
		expect(text).toMatchInlineSnapshot(`
			"Sequence diagram.

			Participants: Client, User (actor)

			User → Client: tap
			loop every second:
			  Client → User (dotted): frame
			end
			Note over Client and User: done"
		`);
	});

	it('wraps the SVG and the text version in a figure', async () => {
		const html = await renderFigure('flowchart LR\n  A["a < b"] --> B\n');
		expect(html).toMatch(/^<figure class="diagram diagram-flowchart"[^>]*><svg /);
		expect(html).toContain('<details class="diagram-text"><summary>Diagram as text</summary><pre>');
		expect(html).toContain('- a &lt; b\n');
		expect(html).toMatch(/<\/pre><\/details><\/figure>$/);
	});

	it('keeps a 12-node pipeline small', async () => {
		const nodes = Array.from({ length: 12 }, (_, i) => `  n${i}["Stage ${i}<br/>${(i + 1) * 100} items · ${i + 5} ms"]`).join('\n');
		const edges = Array.from({ length: 11 }, (_, i) => `  n${i} --> n${i + 1}`).join('\n');
		const { svg } = await renderDiagram(`flowchart LR\n  subgraph off [Offline]\n${nodes.split('\n').slice(0, 5).join('\n')}\n  end\n  subgraph on [Online]\n${nodes.split('\n').slice(5).join('\n')}\n  end\n${edges}\n`);
		expect(svg.length).toBeLessThan(15_000);
	});
});
