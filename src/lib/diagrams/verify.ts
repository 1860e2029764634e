/**
 * The "faithful or refused" check: after rendering, every label mermaid's parser found must be
 * drawn as its own text element, on the node, edge, group or message it belongs to, reading
 * exactly as written (line breaks where the author put them; wrapping may add more).
 *
 * Independent of the renderer on purpose: expected text comes from mermaid's raw parser output
 * and is decoded here with the browser's own entity rules (jsdom), and the drawing is read back
 * by parsing the SVG, so a bug anywhere between parser and SVG writer is caught. Each label
 * text in the SVG carries `data-l` naming its owner (`n:<node id>`, `e:<edge index>`,
 * `c:<subgraph id>`, `p:<participant>`, `b:<box index>`, `m:<message index>`, `t` title).
 */
import { DiagramError } from './errors.ts';
import type { RawDiagram } from './parse.ts';

interface Expected {
	key: string;
	what: string;
	/** The label as drawn: hard line breaks as "\n". */
	text: string;
	/** Markdown label: emphasis markers are not drawn. */
	markdown: boolean;
}

/** Mermaid swaps `#name;` / `#35;` entity codes for private markers before parsing; back to HTML entities. */
function unmarkEntities(s: string): string {
	return s.replace(/\uFB02\u00B0\u00B0(\d+)\u00B6\u00DF/g, '&#$1;').replace(/\uFB02\u00B0(\w+)\u00B6\u00DF/g, '&$1;');
}

// Mermaid's sequence LINETYPE codes whose text is drawn: notes, and block starts and sections (drawn as "[label]").
const SEQ_NOTE = 2;
const SEQ_BRACKETED = new Set([10, 12, 13, 15, 19, 20, 27, 28, 30, 32]);
// Message types that carry no drawn text: autonumber settings, rect colour, activations, block ends.
const SEQ_UNDRAWN = new Set([11, 14, 16, 17, 18, 21, 22, 23, 26, 29, 31]);

class Decoder {
	private area: any;
	constructor(window: any) {
		this.area = window.document.createElement('textarea');
	}
	/** HTML character references → characters, by the HTML parser's own rules. */
	entities(s: string): string {
		if (!s.includes('&')) return s;
		this.area.innerHTML = s.replace(/</g, '&lt;');
		return String(this.area.value);
	}
	/** A flowchart label (an HTML fragment): breaks kept, tags dropped, entities decoded. */
	html(s: string): string {
		return this.entities(unmarkEntities(s).replace(/\r?\n/g, '<br>').replace(/<br\s*\/?>/gi, '\n').replace(/<\/?[A-Za-z][^<>]*>/g, ''));
	}
	/** Sequence text: literal, except entity codes and <br>. */
	plain(s: string): string {
		return unmarkEntities(s)
			.replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (m) => this.entities(m))
			.replace(/<br\s*\/?>/gi, '\n');
	}
}

function expectedLabels(raw: RawDiagram, dec: Decoder): Expected[] {
	const out: Expected[] = [];
	if (raw.title) out.push({ key: 't', what: 'diagram title', text: dec.plain(raw.title), markdown: false });
	if (raw.kind === 'flowchart') {
		const sg = new Set(raw.subGraphs.map((s) => String(s.id)));
		for (const v of raw.vertices) {
			if (sg.has(String(v.id))) continue;
			const text = v.text == null ? String(v.id) : String(v.text);
			out.push({ key: `n:${v.id}`, what: `node "${v.id}"`, text: dec.html(text), markdown: v.labelType === 'markdown' });
		}
		raw.edges.forEach((e, i) => {
			if (e.text && e.stroke !== 'invisible') out.push({ key: `e:${i}`, what: `label of ${e.start} → ${e.end}`, text: dec.html(String(e.text)), markdown: e.labelType === 'markdown' });
		});
		for (const s of raw.subGraphs) out.push({ key: `c:${s.id}`, what: `subgraph "${s.id}"`, text: dec.html(String(s.title ?? s.id)), markdown: s.labelType === 'markdown' });
		return out;
	}
	for (const a of raw.actors) out.push({ key: `p:${a.name}`, what: `participant "${a.name}"`, text: dec.plain(String(a.description ?? a.name)), markdown: false });
	// A box without a name (`box Aqua`) is expected with no text, like an empty label.
	raw.boxes.forEach((b, i) => out.push({ key: `b:${i}`, what: 'box title', text: b.name ? dec.plain(String(b.name)) : '', markdown: false }));
	raw.messages.forEach((m, i) => {
		const type = Number(m.type);
		if (typeof m.message !== 'string' || SEQ_UNDRAWN.has(type)) return;
		const text = dec.plain(m.message);
		const what = type === SEQ_NOTE ? 'note' : SEQ_BRACKETED.has(type) ? 'block label' : `message ${m.from} → ${m.to}`;
		// An empty message (`A->>B: `) or unlabelled block is expected with no text, so an empty text drawn for it passes.
		const bracketed = SEQ_BRACKETED.has(type) && normalise(text, false) !== '';
		out.push({ key: `m:${i}`, what, text: bracketed ? `[${text}]` : text, markdown: false });
	});
	return out;
}

/** Runs of white space as one space, line ends trimmed, empty lines dropped (as a browser draws them). */
function normalise(text: string, markdown: boolean): string {
	const t = markdown ? text.replace(/[*_]/g, '') : text;
	return t
		.split('\n')
		.map((l) => l.replace(/\s+/g, ' ').trim())
		.filter((l) => l !== '')
		.join('\n');
}

/**
 * True when the drawn lines read exactly as `expected`: between two drawn lines the text may
 * break at a space, at one of the author's line breaks, or inside a word too long for a line;
 * within a line nothing may differ, and an author's line break may not be drawn as a space.
 */
export function readsAs(drawn: string[], expected: string, markdown = false): boolean {
	const want = normalise(expected, markdown);
	const lines = drawn.map((l) => normalise(l, markdown)).filter((l) => l !== '');
	let pos = 0;
	for (const [i, line] of lines.entries()) {
		if (i > 0 && (want[pos] === ' ' || want[pos] === '\n')) pos++;
		if (!want.startsWith(line, pos)) return false;
		pos += line.length;
	}
	return pos === want.length;
}

/** The drawn lines of every labelled text element, by owner key. */
export function drawnLabels(svg: string, window: any): Map<string, string[][]> {
	const doc = new window.DOMParser().parseFromString(svg, 'image/svg+xml');
	if (doc.getElementsByTagName('parsererror').length) throw new Error('the renderer wrote SVG that is not well-formed XML');
	const out = new Map<string, string[][]>();
	for (const text of doc.querySelectorAll('text[data-l]')) {
		const lines = [...text.children].filter((c: any) => c.localName === 'tspan' && c.hasAttribute('x'));
		const drawn = lines.length ? lines.map((t: any) => String(t.textContent)) : [String(text.textContent)];
		const key = String(text.getAttribute('data-l'));
		out.set(key, [...(out.get(key) ?? []), drawn]);
	}
	return out;
}

function fail(message: string, what: string): DiagramError {
	return new DiagramError(`Renderer check failed: ${message}`, {
		construct: what,
		fix: 'This is a bug in the diagram renderer (src/lib/diagrams); rephrase the label to work around it and report the diagram.',
	});
}

export function verifyLabels(svg: string, raw: RawDiagram, window: any): void {
	const drawn = drawnLabels(svg, window);
	const expected = expectedLabels(raw, new Decoder(window));
	const keys = new Set<string>();
	for (const e of expected) {
		keys.add(e.key);
		const want = normalise(e.text, e.markdown);
		const texts = drawn.get(e.key) ?? [];
		if (want === '') {
			if (texts.some((t) => normalise(t.join(' '), e.markdown) !== '')) throw fail(`the ${e.what} has no text but text is drawn for it`, e.what);
			continue;
		}
		if (texts.length === 0) throw fail(`the ${e.what} text "${want.replace(/\n/g, ' / ')}" is missing from the drawn SVG`, e.what);
		for (const t of texts) {
			if (!readsAs(t, e.text, e.markdown)) {
				throw fail(`the ${e.what} should read "${want.replace(/\n/g, ' / ')}" but the drawing shows "${t.join(' / ')}"`, e.what);
			}
		}
	}
	for (const key of drawn.keys()) {
		if (!keys.has(key)) throw fail(`the drawing has text for "${key}", which the diagram does not define`, key);
	}
}
