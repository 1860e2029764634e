/**
 * Mermaid's parse errors, said in the writer's terms. Jison reports grammar tokens
 * (`expecting 'SQE', 'DOUBLECIRCLEEND', … got 'SQS'`), often one line after the real mistake;
 * here they become the characters the writer typed, the line that most likely holds the
 * mistake, and a fix for that mistake (not a generic one).
 */
import { DiagramError } from './errors.ts';
import type { Preprocessed } from './parse.ts';
import { SHAPES } from './shapes.ts';

/** Grammar tokens → what a writer types. Tokens not listed are left out of messages. */
const TOKENS: Record<string, string> = {
	SQS: '`[`',
	SQE: '`]`',
	PS: '`(`',
	PE: '`)`',
	DIAMOND_START: '`{`',
	DIAMOND_STOP: '`}`',
	DOUBLECIRCLESTART: '`(((`',
	DOUBLECIRCLEEND: '`)))`',
	STADIUMSTART: '`([`',
	STADIUMEND: '`])`',
	SUBROUTINESTART: '`[[`',
	SUBROUTINEEND: '`]]`',
	CYLINDERSTART: '`[(`',
	CYLINDEREND: '`)]`',
	TRAPSTART: '`[/`',
	TRAPEND: '`/]`',
	INVTRAPSTART: '`[\\`',
	INVTRAPEND: '`\\]`',
	'-)': '`-)`',
	TAGSTART: '`<`',
	TAGEND: '`>`',
	PIPE: '`|`',
	AMP: '`&`',
	COLON: '`:`',
	SEMI: '`;`',
	COMMA: '`,`',
	MINUS: '`-`',
	MULT: '`*`',
	NEWLINE: 'the end of the line',
	EOF: 'the end of the diagram',
	'1': 'the end of the diagram',
	START_LINK: 'a link such as `-->`',
	LINK: 'a link such as `-->`',
	STR: 'a quoted label',
	MD_STR: 'a markdown label',
	NODE_STRING: 'a node id',
	TXT: '`:` and the message text',
	ACTOR: 'a participant name',
	end: '`end`',
	over: '`over`',
	left_of: '`left of`',
	right_of: '`right of`',
};

const CLOSERS = new Set(['SQE', 'PE', 'DIAMOND_STOP', 'DOUBLECIRCLEEND', 'STADIUMEND', 'SUBROUTINEEND', 'CYLINDEREND', 'TRAPEND', 'INVTRAPEND', '-)']);
const OPEN_FOR: Record<string, string> = { ']': '[', ')': '(', '}': '{' };

function describeToken(token: string): string | undefined {
	if (/ARROW|_CROSS$|_POINT$|^\(\)$/.test(token)) return 'an arrow such as `->>`';
	return TOKENS[token];
}

/** "`]`, `)` or the end of the line": the distinct things expected, in the writer's terms. */
export function expectedList(tokens: string[]): string {
	const words = [...new Set(tokens.map((t) => describeToken(t.replace(/^'|'$/g, ''))).filter((w): w is string => Boolean(w)))];
	if (words.length === 0) return 'something else';
	const shown = words.length > 5 ? [...words.slice(0, 5), '…'] : words;
	return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}

function found(hash: JisonHash): string {
	const text = hash.text ?? '';
	if (text.trim() !== '' && hash.token !== 'STR') return `\`${text.trim()}\``;
	return describeToken(String(hash.token)) ?? (text.trim() ? `\`${text.trim()}\`` : 'something it did not expect');
}

interface JisonHash {
	text?: string;
	token?: string | number;
	line?: number;
	expected?: string[];
	loc?: { first_line?: number };
}

/** Brackets and `|` left open on one line (outside quoted strings), with their positions, innermost last. */
export function unclosedOn(line: string): { ch: string; at: number }[] {
	const stack: { ch: string; at: number }[] = [];
	let pipe = -1;
	let quote = -1;
	const text = line.replace(/%%.*$/, '');
	for (let at = 0; at < text.length; at++) {
		const ch = text[at]!;
		if (ch === '"') quote = quote < 0 ? at : -1;
		if (quote >= 0 || ch === '"') continue;
		if (ch === '[' || ch === '(' || ch === '{') stack.push({ ch, at });
		else if (ch === ']' || ch === ')' || ch === '}') {
			if (stack[stack.length - 1]?.ch === OPEN_FOR[ch]) stack.pop();
		} else if (ch === '|') pipe = pipe < 0 ? at : -1;
	}
	if (quote >= 0) stack.push({ ch: '"', at: quote });
	if (pipe >= 0) stack.push({ ch: '|', at: pipe });
	return stack;
}

const CLOSE_OF: Record<string, string> = { '[': ']', '(': ')', '{': '}', '"': '"', '|': '|' };

export interface ParseContext {
	kind: 'flowchart' | 'sequence';
	pre: Preprocessed;
	/** Source lines, 1-based via index + 1. */
	lines: string[];
}

function excerpt(text: string): string {
	const t = text.trim();
	return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}

/** Turns mermaid's error into a DiagramError that names the line and the characters involved. */
export function translateParseError(e: unknown, ctx: ParseContext): DiagramError {
	const raw = e instanceof Error ? e.message : String(e);
	const hash = ((e as { hash?: JisonHash })?.hash ?? {}) as JisonHash;
	const shape = /^No such shape: ([^\s.]+)/.exec(raw);
	if (shape) return unknownShape(shape[1]!, ctx);
	const m = /(Parse|Lexical) error on line (\d+)/.exec(raw);
	if (!m) {
		return new DiagramError(`Mermaid could not read the diagram: ${raw.split('\n')[0]}`, {
			fix: 'Compare the diagram with the examples in CONTRIBUTING.md (section Diagrams) and simplify the part named above.',
		});
	}
	// At the end of the input mermaid names the line after the last one: name the last written line instead.
	const lastWritten = ctx.lines.reduce((last, text, i) => (text.trim() ? i + 1 : last), 1);
	const line = Math.min(Number(m[2]) + ctx.pre.offset, lastWritten);
	const here = ctx.lines[line - 1] ?? '';
	const near = `"${excerpt(here)}"`;
	if (m[1] === 'Lexical') {
		return new DiagramError(`Mermaid could not read ${near}: it contains characters it does not understand there`, {
			line,
			fix: 'Put the label in double quotes, e.g. A["Label (with) symbols"], and write # as #35; and a quote as #quot;.',
		});
	}
	const expected = (hash.expected ?? []).map((t) => t.replace(/^'|'$/g, ''));
	const token = String(hash.token ?? '');
	const got = found(hash);

	// A label closed with the wrong bracket: B(x].
	if (expected.some((t) => CLOSERS.has(t)) && /^[\])}]/.test(hash.text ?? '')) {
		const want = expectedList(expected.filter((t) => CLOSERS.has(t)));
		return new DiagramError(`Mermaid could not read ${near}: the label is closed with ${got}, but the shape it opened needs ${want}`, {
			line,
			fix: 'Close a label with the bracket that matches its opening one, e.g. B(rounded), B[box], B{decision}, B{{hexagon}}.',
		});
	}
	// A bracket, quote or `|` left open: mermaid reads on and fails on a later line.
	// Labels do not run across lines, so the nearest line at or above the error with something open is the culprit.
	for (let k = line; ctx.kind === 'flowchart' && k >= 1; k--) {
		const open = unclosedOn(ctx.pre.blanked.split('\n')[k - 1] ?? '');
		if (!open.length) continue;
		const { ch: o, at } = open[open.length - 1]!;
		const prev = k === line - 1 ? ' (mermaid stumbled only on the next line: this one is the likely culprit)' : k < line ? ` (mermaid stumbled only ${line - k} lines further down)` : '';
		return new DiagramError(`"${excerpt(ctx.lines[k - 1] ?? '')}" opens \`${o}\` and never closes it with \`${CLOSE_OF[o]}\`${prev}`, {
			line: k,
			fix:
				o === '"'
					? 'Close the quoted label with `"`; to show a quote inside a label write #quot;.'
					: o === '|'
						? 'Close the link label with a second `|`, e.g. A -->|label| B.'
						: `Close the label with \`${CLOSE_OF[o]}\` on the same line, e.g. ${suggestClosed(ctx.pre.blanked.split('\n')[k - 1] ?? '', o, at)}.`,
		});
	}
	// A quote inside a quoted label ends it early.
	if (token === 'STR' && expected.some((t) => CLOSERS.has(t))) {
		return new DiagramError(`Mermaid could not read ${near}: a \`"\` inside the quoted label ends it early`, {
			line,
			fix: 'Write a quote inside a label as #quot;, e.g. A["the #quot;best#quot; item"].',
		});
	}
	if (ctx.kind === 'sequence') {
		const semi = sequenceSemicolon(ctx.lines, line);
		if (semi) {
			return new DiagramError(`"${excerpt(ctx.lines[semi - 1] ?? '')}" has a \`;\` in its text; mermaid ends a statement at \`;\` and reads the rest as a new line`, {
				line: semi,
				fix: 'Write the semicolon as #59; (e.g. A->>B: fetch#59; retry), or use a comma or a dash instead.',
			});
		}
		if (expected.includes('TXT')) {
			return new DiagramError(`Mermaid could not read ${near}: a message needs \`:\` and its text after the participant it goes to`, {
				line,
				fix: 'Write messages as `From->>To: text`, e.g. A->>B: hello.',
			});
		}
		if (expected.includes('end') && (token === '1' || token === 'EOF')) {
			const block = unclosedBlock(ctx.lines);
			return new DiagramError(`The \`${block?.word ?? 'block'}\` block${block ? ` "${excerpt(ctx.lines[block.line - 1] ?? '')}"` : ''} is never closed with \`end\``, {
				line: block?.line ?? line,
				fix: `Add a line \`end\` where the block stops.`,
			});
		}
		if (expected.includes('over') || expected.includes('left_of')) {
			return new DiagramError(`Mermaid could not read ${near}: a note needs a position`, {
				line,
				fix: 'Write `Note over A: text`, `Note left of A: text` or `Note right of A: text` (or `Note over A,B: text`).',
			});
		}
	}
	if (ctx.kind === 'flowchart' && token === 'MINUS' && expected.includes('LINK')) {
		return new DiagramError(`Mermaid could not read ${near}: \`->\` is not a flowchart link`, {
			line,
			fix: 'Write a link as `-->` (arrow), `---` (line), `-.->` (dotted) or `==>` (thick).',
		});
	}
	return new DiagramError(`Mermaid could not read ${near}: it expected ${expectedList(expected)} but found ${got}`, {
		line,
		fix:
			ctx.kind === 'sequence'
				? 'Write each statement on its own line, e.g. `participant A`, `A->>B: text`, `Note over A: text`, `loop label` … `end`.'
				: 'Write each node as id[label] and each link as A --> B on one line; put labels with punctuation in double quotes, e.g. A["Label (with) symbols"].',
	});
}

/** `A[unclosed --> B` → `A[unclosed]`: the node as the writer probably meant it. */
function suggestClosed(text: string, open: string, at: number): string {
	const id = /([\w-]+)\s*$/.exec(text.slice(0, at))?.[1] ?? 'A';
	const label = text.slice(at + 1).split(/\s+(?:[-=.]{2,}|&)/)[0]!.trim() || 'label';
	return `${id}${open}${label}${CLOSE_OF[open]}`;
}

/** The line at or before `line` whose message text (after the `:`) holds a `;`. */
function sequenceSemicolon(lines: string[], line: number): number | undefined {
	for (let k = line; k >= Math.max(1, line - 1); k--) {
		const text = lines[k - 1] ?? '';
		const colon = text.indexOf(':');
		if (colon >= 0 && text.slice(colon).includes(';')) return k;
	}
	return undefined;
}

const BLOCKS = /^\s*(loop|alt|opt|par|par_over|critical|break|rect|box)\b/;

function unclosedBlock(lines: string[]): { word: string; line: number } | undefined {
	const stack: { word: string; line: number }[] = [];
	lines.forEach((text, i) => {
		const m = BLOCKS.exec(text);
		if (m) stack.push({ word: m[1]!, line: i + 1 });
		else if (/^\s*end\s*$/.test(text)) stack.pop();
	});
	return stack[stack.length - 1];
}

/** Closest catalogue names by edit distance, for "did you mean". */
function closest(word: string, names: string[]): string[] {
	const d = (a: string, b: string) => {
		const dp = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)] as number[]);
		for (let j = 1; j <= b.length; j++) dp[0]![j] = j;
		for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) dp[i]![j] = Math.min(dp[i - 1]![j]! + 1, dp[i]![j - 1]! + 1, dp[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		return dp[a.length]![b.length]!;
	};
	const scored = names.map((n) => ({ n, s: d(word.toLowerCase(), n.toLowerCase()) })).sort((a, b) => a.s - b.s);
	return scored.filter((x) => x.s <= Math.max(2, word.length / 3)).slice(0, 3).map((x) => x.n);
}

function unknownShape(name: string, ctx: ParseContext): DiagramError {
	const re = new RegExp(`shape\\s*:\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
	const i = ctx.lines.findIndex((l) => re.test(l));
	const names = Object.keys(SHAPES).filter((n) => /^[a-z]/.test(n) && !n.includes('_'));
	const guess = closest(name, names);
	return new DiagramError(`Unknown shape "${name}"${guess.length ? `; did you mean ${guess.map((g) => `"${g}"`).join(' or ')}?` : ''}`, {
		line: i >= 0 ? i + 1 : undefined,
		construct: `shape: ${name}`,
		fix: 'Use a shape from mermaid\'s catalogue, e.g. A@{ shape: rect, label: "…" }; CONTRIBUTING.md (section Diagrams) lists them.',
	});
}
