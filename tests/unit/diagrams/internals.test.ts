import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearMemoryCache, configureDiagramCache, DiagramError, renderDiagram } from '../../../src/lib/diagrams/index.ts';
import { parseEmphasis } from '../../../src/lib/diagrams/labels.ts';
import { preprocess } from '../../../src/lib/diagrams/parse.ts';
import { textWidth, wrapLines } from '../../../src/lib/diagrams/text-metrics.ts';
import { verifyLabels } from '../../../src/lib/diagrams/verify.ts';
import { getWindow, parseMermaid } from '../../../src/lib/diagrams/parse.ts';
import { setUp } from './helpers.ts';

beforeAll(setUp, 60_000);
afterAll(() => configureDiagramCache({ dir: null, memory: true }));

describe('the faithfulness check', () => {
	const window = () => getWindow();
	/** A hand-written drawing: one <text data-l> per entry, one <tspan x> per line. */
	const svg = (texts: [string, string[]][]) =>
		`<svg xmlns="http://www.w3.org/2000/svg">${texts.map(([key, lines]) => `<text data-l="${key}">${lines.map((l) => `<tspan x="0" y="0">${l}</tspan>`).join('')}</text>`).join('')}</svg>`;
	const check = async (source: string, texts: [string, string[]][]) => verifyLabels(svg(texts), await parseMermaid(source), await window());
	const flow = 'flowchart LR\n  A[Rank] -->|"top 20<br>by score"| B[Ranker]\n';
	const good: [string, string[]][] = [
		['n:A', ['Rank']],
		['n:B', ['Ranker']],
		['e:0', ['top 20', 'by score']],
	];

	it('passes a drawing that shows every label on its owner', async () => {
		await expect(check(flow, good)).resolves.toBeUndefined();
		// Wrapping may break at a space or inside a long word, never elsewhere.
		await expect(check(flow, [good[0]!, ['n:B', ['Rank', 'er']], ['e:0', ['top', '20', 'by score']]])).resolves.toBeUndefined();
	});

	it('fails when a label is missing, even if a longer one contains it', async () => {
		await expect(check(flow, [['n:B', ['Ranker']], good[2]!])).rejects.toThrow(/node "A" text "Rank" is missing/);
		await expect(check(flow, [['n:A', ['Ranker']], good[1]!, good[2]!])).rejects.toThrow(/node "A" should read "Rank" but the drawing shows "Ranker"/);
	});

	it('fails when labels are swapped between nodes or merged into one text', async () => {
		await expect(check(flow, [['n:A', ['Ranker']], ['n:B', ['Rank']], good[2]!])).rejects.toThrow(DiagramError);
		await expect(check(flow, [['n:A', ['Rank Ranker']], good[2]!])).rejects.toThrow(DiagramError);
		await expect(check(flow, [['n:A', ['Rank', 'Ranker']], good[1]!, good[2]!])).rejects.toThrow(DiagramError);
	});

	it('fails when an edge label is cut to one line or its line break is drawn as a space', async () => {
		await expect(check(flow, [good[0]!, good[1]!, ['e:0', ['top 20']]])).rejects.toThrow(/label of A → B should read "top 20 \/ by score"/);
		await expect(check(flow, [good[0]!, good[1]!, ['e:0', ['top 20 by score']]])).rejects.toThrow(DiagramError);
		await expect(check(flow, [good[0]!, good[1]!, ['e:0', ['top 2', '0 by score']]])).rejects.toThrow(DiagramError);
	});

	it('fails on text drawn for something the diagram does not have', async () => {
		await expect(check(flow, [...good, ['n:C', ['Extra']]])).rejects.toThrow(/text for "n:C"/);
	});

	it('checks both copies of a participant, messages, notes and bracketed block labels', async () => {
		const seq = 'sequenceDiagram\n  participant S as Search service\n  U->>S: query\n  loop each shard\n    Note over S: look up\n  end\n';
		const ok: [string, string[]][] = [
			['p:S', ['Search service']],
			['p:S', ['Search service']],
			['p:U', ['U']],
			['p:U', ['U']],
			['m:0', ['query']],
			['m:1', ['[each shard]']],
			['m:2', ['look up']],
		];
		await expect(check(seq, ok)).resolves.toBeUndefined();
		await expect(check(seq, ok.map(([k, l], i) => (i === 1 ? [k, ['Search']] : [k, l])))).rejects.toThrow(/participant "S"/);
		await expect(check(seq, ok.map(([k, l]) => (k === 'm:1' ? [k, ['each shard']] : [k, l])))).rejects.toThrow(/block label/);
		await expect(check(seq, ok.filter(([k]) => k !== 'm:2'))).rejects.toThrow(/note text "look up" is missing/);
	});

	it('decodes entity codes and keeps literal angle brackets and markdown text', async () => {
		const src = 'flowchart LR\n  A["a #lt; b & c < d"] --> B["`**bold** and snake_case`"]\n';
		await expect(check(src, [['n:A', ['a &lt; b &amp; c &lt; d']], ['n:B', ['bold and snake_case']]])).resolves.toBeUndefined();
		await expect(check(src, [['n:A', ['a  b &amp; c &lt; d']], ['n:B', ['bold and snake_case']]])).rejects.toThrow(DiagramError);
	});
});

describe('caches', () => {
	it('renders identical diagrams once per process and reads unchanged ones from disk', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'mlsd-diagrams-test-'));
		configureDiagramCache({ dir, memory: true });
		const source = 'flowchart LR\n  cache --> test\n';
		const first = await renderDiagram(source);
		expect(await renderDiagram(source)).toBe(first); // same object: the in-memory map
		const files = readdirSync(dir);
		expect(files).toHaveLength(1);
		expect(files[0]).toMatch(/^[0-9a-f]{32}\.json$/);
		// A fresh process (empty memory) uses the disk copy: prove it by planting a marker there.
		const file = join(dir, files[0]!);
		writeFileSync(file, readFileSync(file, 'utf8').replace('cache', 'from-disk'));
		clearMemoryCache();
		expect((await renderDiagram(source)).svg).toContain('from-disk');
		// Errors are not written to disk.
		await expect(renderDiagram('pie\n  "a": 1\n')).rejects.toThrow(DiagramError);
		expect(readdirSync(dir)).toHaveLength(1);
	});
});

describe('source preprocessing', () => {
	it('blanks frontmatter, directives and comments but keeps line numbers', () => {
		const pre = preprocess('---\ntitle: "Hello: world"\n---\n%%{init: {}}%%\n%% note\nflowchart LR\n  A --> B\n');
		expect(pre.title).toBe('Hello: world');
		expect(pre.offset).toBe(5);
		expect(pre.text).toBe('flowchart LR\n  A --> B\n');
		expect(pre.blanked.split('\n')).toHaveLength(8);
	});
});

describe('text', () => {
	it('measures with a sans-serif width table', () => {
		expect(textWidth('iiii', 14)).toBeLessThan(textWidth('MMMM', 14));
		expect(textWidth('Ranking', 14, true)).toBeGreaterThan(textWidth('Ranking', 14));
		expect(textWidth('日本', 14)).toBe(28);
	});

	it('wraps at spaces and splits words longer than a line', () => {
		const m = wrapLines([[{ text: 'aaaa bbbb cccc' }]], 70, 14, 18);
		expect(m.lines.map((l) => l.map((r) => r.text).join(''))).toEqual(['aaaa bbbb', 'cccc']);
		const long = wrapLines([[{ text: 'x'.repeat(40) }]], 100, 14, 18);
		expect(long.lines.map((l) => l[0]!.text).join('')).toBe('x'.repeat(40));
		expect(long.lines.length).toBeGreaterThan(1);
	});

	it('parses markdown emphasis, leaving snake_case and stray markers alone', () => {
		expect(parseEmphasis('**bold** and _it_ in snake_case_name, 2 * 3')).toEqual([
			{ text: 'bold', bold: true },
			{ text: ' and ' },
			{ text: 'it', italic: true },
			{ text: ' in snake_case_name, 2 * 3' },
		]);
	});
});
