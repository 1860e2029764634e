/**
 * Label text as mermaid hands it over, turned into lines of styled runs.
 *
 * Mermaid replaces `#name;` / `#123;` entity codes with private markers before parsing
 * (ﬂ°name¶ß, ﬂ°°123¶ß) and sanitises flowchart labels with DOMPurify, which silently drops
 * unknown tags. So flowchart labels are HTML fragments (only <br>, <b>/<strong>, <i>/<em> and a
 * few unstyled inline tags survive; `scanTags` refuses the rest in the source before mermaid
 * can drop them), markdown strings ("`…`") are a tiny markdown subset, and sequence-diagram
 * text is plain text with <br> line breaks.
 */
import { DiagramError } from './errors.ts';
import type { Label, Line, Run } from './model.ts';

const MARK_NUM = /\uFB02\u00B0\u00B0(\d+)\u00B6\u00DF/g;
const MARK_NAMED = /\uFB02\u00B0(\w+)\u00B6\u00DF/g;

/** Mermaid's markers back to HTML entity syntax (`&#35;`, `&quot;`). */
export function unmark(s: string): string {
	return s.replace(MARK_NUM, '&#$1;').replace(MARK_NAMED, '&$1;');
}

/** Tags that may appear in flowchart labels. Styling tags become bold/italic runs. */
const BOLD_TAGS = new Set(['b', 'strong']);
const ITALIC_TAGS = new Set(['i', 'em']);
// Rendered as their text, without styling (underline, sub/superscript etc. are not drawn).
const PLAIN_TAGS = new Set(['u', 's', 'del', 'ins', 'small', 'big', 'sub', 'sup', 'span', 'code', 'mark', 'q', 'kbd', 'abbr']);
const ALLOWED_TAGS = new Set(['br', ...BOLD_TAGS, ...ITALIC_TAGS, ...PLAIN_TAGS]);

export function labelFromLines(lines: Line[]): Label {
	const clean = lines.map((l) => l.filter((r) => r.text !== ''));
	return { lines: clean, plain: clean.map((l) => l.map((r) => r.text).join('')).join('\n') };
}

export function plainLabel(text: string): Label {
	if (text.trim() === '') return { lines: [], plain: '' };
	return labelFromLines(text.split('\n').map((t) => (t ? [{ text: t }] : [])));
}

export class LabelParser {
	private doc: any;
	private decoder: any;

	constructor(window: any) {
		this.doc = window.document;
		this.decoder = this.doc.createElement('textarea');
	}

	/** Decodes HTML character references in plain text (`&amp;` → `&`). */
	decodeEntities(s: string): string {
		if (!s.includes('&')) return s;
		this.decoder.innerHTML = s.replace(/</g, '&lt;');
		return String(this.decoder.value);
	}

	/** Sequence-diagram text: literal, with `<br>` as a line break and `#…;` codes decoded. */
	plain(raw: string): Label {
		const text = unmark(raw).replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (m) => this.decodeEntities(m));
		return plainLabel(text.replace(/<br\s*\/?>/gi, '\n'));
	}

	/** A flowchart label with `labelType` text/string: an HTML fragment. */
	html(raw: string): Label {
		const tpl = this.doc.createElement('template');
		tpl.innerHTML = unmark(raw).replace(/\n/g, '<br>');
		const lines: Line[] = [[]];
		const walk = (node: any, bold: boolean, italic: boolean): void => {
			for (const child of node.childNodes) {
				if (child.nodeType === 3) {
					const text = String(child.nodeValue).replace(/\s+/g, ' ');
					const run: Run = { text };
					if (bold) run.bold = true;
					if (italic) run.italic = true;
					lines[lines.length - 1]!.push(run);
				} else if (child.nodeType === 1) {
					const tag = String(child.localName).toLowerCase();
					if (tag === 'br') lines.push([]);
					// Anything else reaching here survived DOMPurify; draw its text.
					else walk(child, bold || BOLD_TAGS.has(tag), italic || ITALIC_TAGS.has(tag));
				}
			}
		};
		walk(tpl.content, false, false);
		return labelFromLines(lines.map(collapseLine));
	}

	/** A markdown string label ("`**bold** text`"): paragraphs of text with bold and italic only. */
	markdown(raw: string, where: { line?: number; what: string }): Label {
		const text = this.decodeEntities(unmark(raw)).replace(/<br\s*\/?>/gi, '\n');
		const lines: Line[] = [];
		for (const srcLine of text.split('\n')) {
			const t = srcLine.trim();
			const bad = unsupportedMarkdown(t);
			if (bad) {
				throw new DiagramError(`${where.what} uses markdown ${bad}, which cannot be drawn in a diagram`, {
					line: where.line,
					construct: `markdown ${bad}`,
					fix: 'Use only **bold**, *italic* and line breaks in markdown labels; put links, lists and code in the text around the diagram.',
				});
			}
			lines.push(parseEmphasis(t));
		}
		// Blank lines between paragraphs are not drawn (marked merges them too).
		return labelFromLines(lines.filter((l) => l.length > 0));
	}
}

function collapseLine(line: Line): Line {
	const out: Line = [];
	for (const r of line) {
		const last = out[out.length - 1];
		if (last && last.bold === r.bold && last.italic === r.italic) last.text += r.text;
		else out.push({ ...r });
	}
	// Collapse double spaces across runs and trim the line ends, as HTML would.
	for (let i = 1; i < out.length; i++) {
		if (out[i - 1]!.text.endsWith(' ') && out[i]!.text.startsWith(' ')) out[i]!.text = out[i]!.text.slice(1);
	}
	if (out[0]) out[0].text = out[0].text.replace(/^ +/, '');
	const last = out[out.length - 1];
	if (last) last.text = last.text.replace(/ +$/, '');
	return out.filter((r) => r.text !== '');
}

function unsupportedMarkdown(line: string): string | undefined {
	if (/!\[[^\]]*\]\([^)]*\)/.test(line)) return 'images';
	if (/\[[^\]]*\]\([^)]*\)/.test(line)) return 'links';
	if (/`[^`]+`/.test(line)) return 'code';
	if (/^#{1,6}\s/.test(line)) return 'headings';
	if (/^([-+*]|\d+[.)])\s/.test(line)) return 'lists';
	if (/^>\s?/.test(line)) return 'block quotes';
	return undefined;
}

interface Tok {
	text: string;
	delim?: '*' | '_';
	len?: number;
	matched?: boolean;
}

/** `**bold**`, `__bold__`, `*italic*`, `_italic_`; unmatched markers stay literal. */
export function parseEmphasis(line: string): Line {
	const toks: Tok[] = [];
	const re = /\*\*|__|\*|_/g;
	let last = 0;
	for (let m = re.exec(line); m; m = re.exec(line)) {
		if (m.index > last) toks.push({ text: line.slice(last, m.index) });
		const ch = m[0][0] as '*' | '_';
		const before = line[m.index - 1] ?? ' ';
		const after = line[m.index + m[0].length] ?? ' ';
		// Intra-word underscores (snake_case) are literal, as in CommonMark.
		if (ch === '_' && /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after)) toks.push({ text: m[0] });
		else toks.push({ text: m[0], delim: ch, len: m[0].length });
		last = m.index + m[0].length;
	}
	if (last < line.length) toks.push({ text: line.slice(last) });
	const stack: number[] = [];
	toks.forEach((t, i) => {
		if (!t.delim) return;
		const j = stack.findLastIndex((k) => toks[k]!.delim === t.delim && toks[k]!.len === t.len);
		if (j >= 0 && i > stack[j]! + 1) {
			toks[stack[j]!]!.matched = true;
			t.matched = true;
			stack.length = j;
		} else stack.push(i);
	});
	const out: Line = [];
	let bold = false;
	let italic = false;
	for (const t of toks) {
		if (t.delim && t.matched) {
			if (t.len === 2) bold = !bold;
			else italic = !italic;
			continue;
		}
		const run: Run = { text: t.text };
		if (bold) run.bold = true;
		if (italic) run.italic = true;
		out.push(run);
	}
	return collapseLine(out);
}

export interface TagProblem {
	tag: string;
	line: number;
	attrs: boolean;
}

/**
 * Finds HTML tags in flowchart source that mermaid's sanitiser would drop or that we cannot
 * draw. Runs on the source (comments blanked) because after parsing they are already gone.
 */
export function scanTags(blanked: string): TagProblem | undefined {
	const lines = blanked.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const re = /<\/?([A-Za-z][\w-]*)([^<>]*)>/g;
		for (let m = re.exec(lines[i]!); m; m = re.exec(lines[i]!)) {
			const tag = m[1]!.toLowerCase();
			const attrs = m[2]!.replace(/\/\s*$/, '').trim() !== '';
			if (!ALLOWED_TAGS.has(tag) || (attrs && tag !== 'span')) return { tag, line: i + 1, attrs };
		}
	}
	return undefined;
}
