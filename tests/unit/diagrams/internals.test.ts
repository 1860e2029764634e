import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearMemoryCache, configureDiagramCache, DiagramError, renderDiagram } from '../../../src/lib/diagrams/index.ts';
import { parseEmphasis } from '../../../src/lib/diagrams/labels.ts';
import { preprocess } from '../../../src/lib/diagrams/parse.ts';
import { textWidth, wrapLines } from '../../../src/lib/diagrams/text-metrics.ts';
import { LabelParser } from '../../../src/lib/diagrams/labels.ts';
import { verifyLabels } from '../../../src/lib/diagrams/verify.ts';
import { getWindow, parseMermaid } from '../../../src/lib/diagrams/parse.ts';
import { setUp } from './helpers.ts';

beforeAll(setUp, 60_000);
afterAll(() => configureDiagramCache({ dir: null, memory: true }));

describe('the faithfulness check', () => {
	it('throws when a label the parser found is missing from the SVG', async () => {
		const raw = await parseMermaid('flowchart LR\n  A[Alpha] -->|edge words| B[Beta]\n');
		const labels = new LabelParser(await getWindow());
		const full = '<svg><text>Alpha</text><text>edge <tspan>words</tspan></text><text>Beta</text></svg>';
		expect(() => verifyLabels(full, raw, labels)).not.toThrow();
		expect(() => verifyLabels(full.replace('<text>Beta</text>', ''), raw, labels)).toThrow(DiagramError);
		expect(() => verifyLabels(full.replace('words', ''), raw, labels)).toThrow(/label of A → B text "edge words" is missing/);
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
