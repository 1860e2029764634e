/**
 * The label check (src/lib/diagrams/verify.ts) against real drawings: the renderer's SVG for
 * diagrams with every kind of label passes, and the same SVG with one label missing, swapped,
 * merged, truncated, matching only as a substring, or with a line break drawn as a space fails
 * the build with a message naming the label. The tampering reads and rewrites the SVG here,
 * apart from src/lib/diagrams.
 */
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureDiagramCache, DiagramError, renderDiagram } from '../../../src/lib/diagrams/index.ts';
import { getWindow, parseMermaid, type RawDiagram } from '../../../src/lib/diagrams/parse.ts';
import { drawnLabels, readsAs, verifyLabels } from '../../../src/lib/diagrams/verify.ts';
import { setUp } from './helpers.ts';

const FLOW = `---
title: Feed and ads_v2 &#x26;&#X26; more
---
flowchart LR
  subgraph G [online_path stage]
    A[Rank] -->|"top 20<br>by score"| B[Ranker_v2]
  end
  subgraph H
    C
  end
  subgraph M ["\`**Bold** group\`"]
    D["\`**fast** and
_snake_case_\`"]
  end
  B -.->|"\`**md** edge\`"| C
  C ~~~ D
  A --- E["say #quot;hi#quot; #35; <b>x</b> a<br/>b<BR >c"]
  E <-->|per_user cap| F(("Round"))
  F --> Q[ ]
`;

const SEQ = `---
title: Checkout &amp; pay_v2
---
sequenceDiagram
  autonumber
  box Aqua front_end
    participant U as User #35; one_x
    participant W as Web
  end
  box rgb(200, 200, 200)
    participant S as Search
  end
  rect rgb(200, 220, 255)
    U->>+W: query<br>twice
    W-->>-U: ok
  end
  loop every shard
    W->>S: fan_out
  end
  alt cache hit
    S-->>W: cached
  else miss
    S-->>W: computed
  end
  opt retry
    W->>S: a #lt;b#gt; #9829; #quot;q#quot;<br/>two<BR>three<br >four
  end
  par left
    W->>S: a
  and right
    W->>S: b
  end
  critical lock
    W->>S: c
  option timeout
    W->>S: d
  end
  break on error
    W->>U: error
  end
  loop
    W->>S: poll
  end
  Note right of S: done<br>twice
  W->>U: 
  W->>S: x<br><br>y
  opt _
    W->>S: z
  end
`;

interface Drawing {
	svg: string;
	raw: RawDiagram;
}
const drawings = new Map<string, Drawing>();
let window: unknown;

beforeAll(async () => {
	await setUp();
	window = await getWindow();
	for (const [name, source] of [['flowchart', FLOW], ['sequence', SEQ]]) drawings.set(name!, { svg: (await renderDiagram(source!)).svg, raw: await parseMermaid(source!) });
}, 60_000);
afterAll(() => configureDiagramCache({ dir: null, memory: true }));

// ---- the tests' own reading and rewriting of a drawing --------------------------------------

const TEXT = /<text\b([^>]*)>([\s\S]*?)<\/text>/g;
const keyOf = (attrs: string) => /\bdata-l="([^"]*)"/.exec(attrs)?.[1];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The drawn lines of every copy of every label, by key, read with an XML parser. */
function read(svg: string): Map<string, string[][]> {
	const doc = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
	const out = new Map<string, string[][]>();
	for (const t of doc.querySelectorAll('text[data-l]')) {
		const lines = [...t.children].filter((c) => c.localName === 'tspan' && c.hasAttribute('x')).map((c) => c.textContent ?? '');
		out.set(t.getAttribute('data-l')!, [...(out.get(t.getAttribute('data-l')!) ?? []), lines]);
	}
	return out;
}

/** The SVG with the content of each labelled text element replaced (`undefined` keeps it, `null` removes the element). */
function rewrite(svg: string, change: (key: string, copy: number) => string[] | null | undefined): string {
	const copies = new Map<string, number>();
	return svg.replace(TEXT, (whole, attrs: string) => {
		const key = keyOf(attrs);
		if (key === undefined) return whole;
		const copy = copies.get(key) ?? 0;
		copies.set(key, copy + 1);
		const lines = change(key, copy);
		if (lines === undefined) return whole;
		if (lines === null) return '';
		return `<text${attrs}>${lines.map((l) => `<tspan x="0" y="0">${esc(l)}</tspan>`).join('')}</text>`;
	});
}

const check = (name: string, svg?: string) => () => verifyLabels(svg ?? drawings.get(name)!.svg, drawings.get(name)!.raw, window);
/** Labels with text, as drawn: [drawing, key, lines]. */
function labelled(): [string, string, string[]][] {
	return [...drawings].flatMap(([name, d]) => [...read(d.svg)].filter(([, copies]) => copies[0]!.join('').trim() !== '').map(([key, copies]) => [name, key, copies[0]!] as [string, string, string[]]));
}
const FAILED = /^Renderer check failed: /;

describe('the label check on real drawings', () => {
	it('passes the drawing of every kind of label: title, nodes, edges, groups, participants, boxes, messages, notes, blocks', () => {
		expect(check('flowchart')).not.toThrow();
		expect(check('sequence')).not.toThrow();
		const keys = (name: string) => [...read(drawings.get(name)!.svg).keys()].map((k) => k.replace(/:.*/, ':'));
		expect(new Set(keys('flowchart'))).toEqual(new Set(['t', 'n:', 'e:', 'c:']));
		expect(new Set(keys('sequence'))).toEqual(new Set(['t', 'p:', 'b:', 'm:']));
		// The fixtures hold what the cases below need: multi-line labels, entity codes, an empty label.
		expect(labelled().filter(([, , lines]) => lines.length > 1).length).toBeGreaterThanOrEqual(5);
		expect(read(drawings.get('flowchart')!.svg).get('n:E')![0]!.join('/')).toBe('say "hi" # x a/b/c');
	});

	it('fails when any label is missing, naming it and what it should read', () => {
		for (const [name, key] of labelled()) {
			expect(check(name, rewrite(drawings.get(name)!.svg, (k) => (k === key ? null : undefined))), key).toThrow(/is missing from the drawn SVG$/);
		}
	});

	it('fails when any label only matches as a substring of what is drawn, or the other way round', () => {
		for (const [name, key, lines] of labelled()) {
			const longer = [...lines.slice(0, -1), `${lines.at(-1)}er`];
			const shorter = [...lines.slice(0, -1), lines.at(-1)!.slice(0, -1)];
			const svg = drawings.get(name)!.svg;
			expect(check(name, rewrite(svg, (k) => (k === key ? longer : undefined))), `${key} drawn as ${longer.join(' / ')}`).toThrow(FAILED);
			expect(check(name, rewrite(svg, (k) => (k === key ? shorter : undefined))), `${key} drawn as ${shorter.join(' / ')}`).toThrow(FAILED);
		}
	});

	it('fails when two labels are swapped', () => {
		for (const name of drawings.keys()) {
			const labels = labelled().filter(([n]) => n === name);
			for (const [i, [, a, linesA]] of labels.entries()) {
				const [, b, linesB] = labels[(i + 1) % labels.length]!;
				if (linesA.join('\n') === linesB.join('\n')) continue;
				const swapped = rewrite(drawings.get(name)!.svg, (k) => (k === a ? linesB : k === b ? linesA : undefined));
				expect(check(name, swapped), `${a} ⇄ ${b}`).toThrow(FAILED);
			}
		}
	});

	it('fails when two labels are merged into one text', () => {
		for (const name of drawings.keys()) {
			const labels = labelled().filter(([n]) => n === name);
			for (const [i, [, a, linesA]] of labels.entries()) {
				const [, b, linesB] = labels[(i + 1) % labels.length]!;
				if (a === b) continue;
				const merged = rewrite(drawings.get(name)!.svg, (k) => (k === a ? [...linesA, ...linesB] : k === b ? null : undefined));
				expect(check(name, merged), `${b} merged into ${a}`).toThrow(FAILED);
			}
		}
	});

	it('fails when a plain label loses an underscore or asterisk (only Markdown labels drop them)', () => {
		const markdown = new Set(['n:D', 'c:M', 'e:1']);
		const marked = labelled().filter(([, key, lines]) => !markdown.has(key) && /[_*]/.test(lines.join('')));
		expect(marked.map(([name, key]) => `${name} ${key}`).sort()).toEqual(['flowchart c:G', 'flowchart e:4', 'flowchart n:B', 'flowchart t', 'sequence b:0', 'sequence m:37', 'sequence m:8', 'sequence p:U', 'sequence t']);
		for (const [name, key, lines] of marked) {
			const plain = lines.map((l) => l.replace(/[_*]/g, ''));
			expect(check(name, rewrite(drawings.get(name)!.svg, (k) => (k === key ? plain : undefined))), `${key} drawn as ${plain.join(' / ')}`).toThrow(FAILED);
		}
		// A Markdown label is drawn without its markers, and may lose them.
		expect(check('flowchart', rewrite(drawings.get('flowchart')!.svg, (k) => (k === 'n:D' ? ['fast and', 'snakecase'] : undefined)))).not.toThrow();
	});

	it('fails when a label is cut to its first line, or its line breaks are drawn as spaces', () => {
		const multi = labelled().filter(([, , lines]) => lines.length > 1);
		expect(multi.map(([, key]) => key).sort()).toEqual(['e:0', 'm:16', 'm:2', 'm:34', 'm:36', 'n:D', 'n:E']);
		for (const [name, key, lines] of multi) {
			const svg = drawings.get(name)!.svg;
			expect(check(name, rewrite(svg, (k) => (k === key ? [lines.join('')] : undefined))), `${key} run together`).toThrow(FAILED);
			expect(check(name, rewrite(svg, (k) => (k === key ? lines.slice(0, 1) : undefined))), `${key} cut`).toThrow(/should read ".+ \/ .+" but the drawing shows/);
			expect(check(name, rewrite(svg, (k) => (k === key ? [lines.join(' ')] : undefined))), `${key} on one line`).toThrow(FAILED);
		}
	});

	it('quotes both the label and the drawing line by line', () => {
		const svg = rewrite(drawings.get('flowchart')!.svg, (k) => (k === 'e:0' ? ['top 20', 'by scorer'] : undefined));
		expect(check('flowchart', svg)).toThrow('Renderer check failed: the label of A → B should read "top 20 / by score" but the drawing shows "top 20 / by scorer"');
	});

	it('checks each copy of a participant', () => {
		expect(check('sequence', rewrite(drawings.get('sequence')!.svg, (k, copy) => (k === 'p:W' && copy === 1 ? ['Webs'] : undefined)))).toThrow(
			'Renderer check failed: the participant "W" should read "Web" but the drawing shows "Webs"',
		);
	});

	it('passes an empty label drawn empty or not at all, and fails text drawn for it', () => {
		const flow = drawings.get('flowchart')!.svg;
		expect(read(flow).get('n:Q')).toEqual([['']]);
		expect(check('flowchart', rewrite(flow, (k) => (k === 'n:Q' ? null : undefined)))).not.toThrow();
		expect(check('flowchart', rewrite(flow, (k) => (k === 'n:Q' ? ['Q'] : undefined)))).toThrow('Renderer check failed: the node "Q" has no text but text is drawn for it');
		// `W->>U: ` (an empty message) is drawn as an empty text; an unlabelled loop draws no "[ ]".
		const seq = drawings.get('sequence')!.svg;
		expect(read(seq).get('m:35')).toEqual([['']]);
		expect(read(seq).has('m:31')).toBe(false);
		expect(check('sequence', rewrite(seq, (k) => (k === 'm:35' ? ['…'] : undefined)))).toThrow('Renderer check failed: the message W → U has no text but text is drawn for it');
		expect(check('sequence', `${seq.slice(0, -6)}<text data-l="m:31"><tspan x="0">[]</tspan></text></svg>`)).toThrow(/the block label has no text but text is drawn/);
		// `box rgb(…)` without a name: nothing to read, and text drawn for it is wrong.
		expect(read(seq).get('b:1')).toEqual([['']]);
		expect(check('sequence', rewrite(seq, (k) => (k === 'b:1' ? ['Search'] : undefined)))).toThrow('Renderer check failed: the box title has no text but text is drawn for it');
	});

	it('fails on text drawn for something the diagram does not have', () => {
		const svg = drawings.get('sequence')!.svg.replace('</svg>', '<text data-l="m:99"><tspan x="0">extra</tspan></text></svg>');
		expect(check('sequence', svg)).toThrow('Renderer check failed: the drawing has text for "m:99", which the diagram does not define');
	});

	it('names the label that failed the way an author finds it, and says what to do', () => {
		const missing = (name: string, key: string) => {
			try {
				check(name, rewrite(drawings.get(name)!.svg, (k) => (k === key ? null : undefined)))();
			} catch (e) {
				return e as DiagramError;
			}
			throw new Error(`no error for ${key}`);
		};
		const named: [string, string, string, string][] = [
			['flowchart', 't', 'diagram title', 'Feed and ads_v2 && more'],
			['flowchart', 'n:A', 'node "A"', 'Rank'],
			['flowchart', 'e:0', 'label of A → B', 'top 20 / by score'],
			['flowchart', 'c:G', 'subgraph "G"', 'online_path stage'],
			['flowchart', 'c:M', 'subgraph "M"', 'Bold group'],
			['sequence', 't', 'diagram title', 'Checkout & pay_v2'],
			['sequence', 'p:U', 'participant "U"', 'User # one_x'],
			['sequence', 'b:0', 'box title', 'front_end'],
			['sequence', 'm:2', 'message U → W', 'query / twice'],
			['sequence', 'm:7', 'block label', '[every shard]'],
			['sequence', 'm:34', 'note', 'done / twice'],
		];
		for (const [name, key, what, text] of named) {
			const e = missing(name, key);
			expect(e).toBeInstanceOf(DiagramError);
			expect(e.message).toBe(`Renderer check failed: the ${what} text "${text}" is missing from the drawn SVG`);
		}
		const e = missing('flowchart', 'n:A');
		expect(e.construct).toBe('node "A"');
		expect(e.fix).toBe('This is a bug in the diagram renderer (src/lib/diagrams); rephrase the label to work around it and report the diagram.');
	});
});

describe('readsAs: drawn lines against the label', () => {
	it('accepts breaks at a space, at an author line break, or inside a word too long for a line', () => {
		expect(readsAs(['top 20 by score'], 'top 20 by score')).toBe(true);
		expect(readsAs(['top 20', 'by score'], 'top 20 by score')).toBe(true);
		expect(readsAs(['top 20', 'by score'], 'top 20\nby score')).toBe(true);
		expect(readsAs(['top', '20', 'by score'], 'top 20\nby score')).toBe(true);
		expect(readsAs(['Rank', 'er'], 'Ranker')).toBe(true);
		expect(readsAs(['  top   20 ', '', 'by\tscore'], ' top 20  by score ')).toBe(true);
	});

	it('refuses anything else', () => {
		expect(readsAs(['top 20 by score'], 'top 20\nby score')).toBe(false);
		expect(readsAs(['top 20'], 'top 20 by score')).toBe(false);
		expect(readsAs(['top 20 by score!'], 'top 20 by score')).toBe(false);
		expect(readsAs(['top 2', '0 by score'], 'top 20 by score')).toBe(true); // inside a word
		expect(readsAs(['top 2', '0by score'], 'top 20 by score')).toBe(false);
		expect(readsAs(['Rank'], 'Ranker')).toBe(false);
		expect(readsAs(['Ranker'], 'Rank')).toBe(false);
		expect(readsAs(['by score', 'top 20'], 'top 20 by score')).toBe(false);
		expect(readsAs([], 'Rank')).toBe(false);
		expect(readsAs([''], 'Rank')).toBe(false);
		expect(readsAs([], '')).toBe(true);
	});

	it('ignores emphasis markers in Markdown labels only', () => {
		expect(readsAs(['bold and snake_case'], '**bold** and _snake_case_', true)).toBe(true);
		expect(readsAs(['bold and snake_case'], '**bold** and _snake_case_')).toBe(false);
		expect(readsAs(['*bold*'], '*bold*')).toBe(true);
	});
});

describe('drawnLabels: the lines of each labelled text', () => {
	it('reads one line per positioned tspan, runs inside a line joined, and text without tspans as one line', async () => {
		const svg =
			'<svg xmlns="http://www.w3.org/2000/svg">' +
			'<text data-l="n:A"><tspan x="1" y="1">Rank <tspan font-weight="bold">fast</tspan></tspan><tspan x="1" y="2">then</tspan></text>' +
			'<text data-l="n:B">plain <tspan font-style="italic">run</tspan></text>' +
			'<text data-l="n:A"><tspan x="1">copy</tspan></text>' +
			'<text class="unlabelled">not a label</text>' +
			'</svg>';
		expect(drawnLabels(svg, await getWindow())).toEqual(
			new Map([
				['n:A', [['Rank fast', 'then'], ['copy']]],
				['n:B', [['plain run']]],
			]),
		);
	});

	it('refuses SVG that is not well-formed XML', async () => {
		expect(() => drawnLabels('<svg xmlns="http://www.w3.org/2000/svg"><text data-l="n:A">a & b</text></svg>', window)).toThrow('the renderer wrote SVG that is not well-formed XML');
	});
});
