/**
 * Text measurement without a DOM: per-character advance widths of a Helvetica/Arial-like
 * sans-serif (the metrics that most system UI fonts are close to), in 1/1000 em.
 * Widths are deliberately not tuned to one font; boxes get padding to absorb the spread
 * between Arial, Segoe UI, Roboto, SF and DejaVu Sans.
 */
import type { Line, Run } from './model.ts';

// ASCII 32..126, regular then bold (Helvetica AFM widths).
const REGULAR = [
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
	556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556,
	556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const BOLD = [
	278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
	556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611,
	611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/** Widths for common non-ASCII characters (regular weight). */
const EXTRA: Record<string, number> = {
	'\u00a0': 278, '·': 278, '•': 350, '–': 556, '—': 1000, '…': 1000, '→': 1000, '←': 1000, '↔': 1000, '⇒': 1000,
	'×': 584, '÷': 584, '±': 584, '≤': 584, '≥': 584, '≈': 584, '≠': 584, '°': 400, '€': 556, '£': 556, '©': 737,
	'®': 737, '™': 1000, '‘': 222, '’': 222, '“': 333, '”': 333, 'µ': 556, 'μ': 556, 'Δ': 668, 'σ': 580, 'λ': 500,
};

function isWide(code: number): boolean {
	return (
		(code >= 0x1100 && code <= 0x115f) ||
		(code >= 0x2e80 && code <= 0xa4cf) ||
		(code >= 0xac00 && code <= 0xd7a3) ||
		(code >= 0xf900 && code <= 0xfaff) ||
		(code >= 0xfe30 && code <= 0xfe4f) ||
		(code >= 0xff00 && code <= 0xff60) ||
		(code >= 0xffe0 && code <= 0xffe6) ||
		(code >= 0x1f300 && code <= 0x1faff) ||
		(code >= 0x20000 && code <= 0x3fffd)
	);
}

/** Advance width of one character in 1/1000 em. */
export function charWidth(ch: string, bold = false): number {
	const code = ch.codePointAt(0) ?? 32;
	if (code >= 32 && code <= 126) return (bold ? BOLD : REGULAR)[code - 32]!;
	if (code < 32) return 0;
	// Combining marks and zero-width characters.
	if ((code >= 0x300 && code <= 0x36f) || code === 0x200b || code === 0x200d || code === 0xfe0f) return 0;
	const extra = EXTRA[ch];
	if (extra !== undefined) return bold ? extra * 1.05 : extra;
	if (isWide(code)) return 1000;
	// Accented Latin, Greek, Cyrillic: about an average lowercase letter.
	return bold ? 640 : 600;
}

/** Width in px of a string at the given font size. */
export function textWidth(text: string, fontSize: number, bold = false): number {
	let w = 0;
	for (const ch of text) w += charWidth(ch, bold);
	return (w * fontSize) / 1000;
}

export function runWidth(run: Run, fontSize: number): number {
	// Italic glyphs are about as wide as regular ones.
	return textWidth(run.text, fontSize, run.bold === true);
}

export function lineWidth(line: Line, fontSize: number): number {
	let w = 0;
	for (const r of line) w += runWidth(r, fontSize);
	return w;
}

export interface Measured {
	lines: Line[];
	width: number;
	height: number;
}

/** Wraps each line to maxWidth (px), breaking at spaces and, for over-long words, between characters. */
export function wrapLines(lines: Line[], maxWidth: number, fontSize: number, lineHeight: number): Measured {
	const out: Line[] = [];
	for (const line of lines) {
		for (const wrapped of wrapLine(line, maxWidth, fontSize)) out.push(wrapped);
	}
	let width = 0;
	for (const l of out) width = Math.max(width, lineWidth(l, fontSize));
	return { lines: out, width, height: out.length * lineHeight };
}

interface Token {
	text: string;
	bold?: boolean;
	italic?: boolean;
	space: boolean;
}

function tokenize(line: Line): Token[] {
	const tokens: Token[] = [];
	for (const run of line) {
		for (const part of run.text.split(/( +)/)) {
			if (part === '') continue;
			tokens.push({ text: part, bold: run.bold, italic: run.italic, space: /^ +$/.test(part) });
		}
	}
	return tokens;
}

function pushToken(line: Line, t: Token): void {
	const last = line[line.length - 1];
	if (last && last.bold === t.bold && last.italic === t.italic) last.text += t.text;
	else {
		const run: Run = { text: t.text };
		if (t.bold) run.bold = true;
		if (t.italic) run.italic = true;
		line.push(run);
	}
}

function trimLine(line: Line): Line {
	if (line.length === 0) return line;
	line[0]!.text = line[0]!.text.replace(/^ +/, '');
	const last = line[line.length - 1]!;
	last.text = last.text.replace(/ +$/, '');
	return line.filter((r) => r.text !== '');
}

function wrapLine(line: Line, maxWidth: number, fontSize: number): Line[] {
	const tokens = tokenize(line);
	const result: Line[] = [];
	let current: Line = [];
	let width = 0;
	for (const t of tokens) {
		const w = textWidth(t.text, fontSize, t.bold === true);
		if (t.space) {
			if (current.length > 0) {
				pushToken(current, t);
				width += w;
			}
			continue;
		}
		if (width + w <= maxWidth || current.length === 0) {
			if (w > maxWidth) {
				// A word longer than the line: split it between characters.
				let piece = '';
				let pw = width;
				for (const ch of t.text) {
					const cw = textWidth(ch, fontSize, t.bold === true);
					if (pw + cw > maxWidth && (piece !== '' || current.length > 0)) {
						if (piece) pushToken(current, { ...t, text: piece });
						result.push(trimLine(current));
						current = [];
						piece = '';
						pw = 0;
					}
					piece += ch;
					pw += cw;
				}
				if (piece) pushToken(current, { ...t, text: piece });
				width = pw;
				continue;
			}
			pushToken(current, t);
			width += w;
		} else {
			result.push(trimLine(current));
			current = [];
			pushToken(current, t);
			width = w;
		}
	}
	result.push(trimLine(current));
	return result.filter((l, i) => l.length > 0 || i === 0 || result.length === 1);
}
