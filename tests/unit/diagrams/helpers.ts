import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { configureDiagramCache, renderDiagram } from '../../../src/lib/diagrams/index.ts';
import { parseMermaid } from '../../../src/lib/diagrams/parse.ts';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/diagrams');

export function fixtures(kind: 'good' | 'bad' | 'mermaid-docs'): { name: string; source: string }[] {
	const dir = join(FIXTURES, kind);
	return readdirSync(dir)
		.filter((f) => f.endsWith('.mmd'))
		.sort()
		.map((name) => ({ name, source: readFileSync(join(dir, name), 'utf8') }));
}

/** Parses the SVG as XML (throws when it is not well-formed) and returns its document. */
export function parseSvg(svg: string): Document {
	const dom = new JSDOM(svg, { contentType: 'image/svg+xml' });
	const doc = dom.window.document;
	if (doc.getElementsByTagName('parsererror').length) throw new Error('SVG is not well-formed XML');
	return doc;
}

/** Text of every <text> element, as a browser would show it, whitespace removed. */
export function drawnTexts(doc: Document): string[] {
	return [...doc.getElementsByTagName('text')].map((t) => (t.textContent ?? '').replace(/\s+/g, ''));
}

/** Disk cache off, and mermaid loaded up front (the first load takes a few seconds on a busy machine). */
export async function setUp(): Promise<void> {
	configureDiagramCache({ dir: null, memory: true });
	await renderDiagram('flowchart LR\n  warm --> up\n');
	await renderDiagram('sequenceDiagram\n  warm->>up: hi\n');
}

// ---------------------------------------------------------------------------------------------
// The tests' own reading of labels, written apart from src/lib/diagrams (labels.ts, verify.ts):
// what mermaid's parser found, decoded here, against what the SVG shows, read back here.

const textarea = new JSDOM('').window.document.createElement('textarea');
function decode(s: string): string {
	textarea.innerHTML = s.replace(/</g, '&lt;');
	return textarea.value;
}
/** Mermaid's private entity markers (ﬂ°name¶ß, ﬂ°°35¶ß) back to characters. */
function entities(s: string): string {
	return s.replace(/\uFB02\u00B0\u00B0(\d+)\u00B6\u00DF/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/\uFB02\u00B0(\w+)\u00B6\u00DF/g, (_, n: string) => decode(`&${n};`));
}

export interface WantedLabel {
	owner: string;
	/** Paragraphs: the author's line breaks. */
	paragraphs: string[];
	markdown: boolean;
}

function paragraphs(text: string, markdown: boolean): string[] {
	const t = markdown ? text.replace(/[*_]/g, '') : text;
	return t
		.split('\n')
		.map((p) => p.replace(/\s+/g, ' ').trim())
		.filter(Boolean);
}

/** Every label mermaid's parser finds, keyed by the owner the SVG should tie it to. */
export async function wantedLabels(source: string): Promise<WantedLabel[]> {
	const raw = await parseMermaid(source);
	const out: WantedLabel[] = [];
	// Tags first: entity codes (#lt;) stand for literal characters, never for markup.
	const flowText = (s: string) => decode(entities(s.replace(/\n/g, '<br>').replace(/<br\s*\/?>/gi, '\n').replace(/<\/?[a-z][^<>]*>/gi, '')));
	const seqText = (s: string) => entities(s).replace(/&[#\w]+;/g, decode).replace(/<br\s*\/?>/gi, '\n');
	const add = (owner: string, text: string, markdown = false) => {
		const p = paragraphs(text, markdown);
		if (p.length) out.push({ owner, paragraphs: p, markdown });
	};
	if (raw.title) add('t', seqText(raw.title));
	if (raw.kind === 'flowchart') {
		const groups = new Set(raw.subGraphs.map((s) => s.id));
		for (const v of raw.vertices) if (!groups.has(v.id)) add(`n:${v.id}`, flowText(v.text ?? v.id), v.labelType === 'markdown');
		raw.edges.forEach((e, i) => e.text && e.stroke !== 'invisible' && add(`e:${i}`, flowText(e.text), e.labelType === 'markdown'));
		for (const s of raw.subGraphs) add(`c:${s.id}`, flowText(s.title ?? s.id), s.labelType === 'markdown');
	} else {
		for (const a of raw.actors) add(`p:${a.name}`, seqText(a.description ?? a.name));
		raw.boxes.forEach((b, i) => b.name && add(`b:${i}`, seqText(b.name)));
		// Mermaid's LINETYPE: 2 note; block starts/sections are drawn "[label]"; others carry no drawn text.
		const bracketed = [10, 12, 13, 15, 19, 20, 27, 28, 30, 32];
		const messages = [0, 1, 2, 3, 4, 5, 6, 24, 25, 33, 34];
		raw.messages.forEach((m, i) => {
			if (typeof m.message !== 'string' || !m.message.trim()) return;
			if (bracketed.includes(m.type)) add(`m:${i}`, `[${seqText(m.message)}]`);
			else if (messages.includes(m.type)) add(`m:${i}`, seqText(m.message));
		});
	}
	return out;
}

/** Drawn lines of each labelled <text>, by owner. */
export function drawnByOwner(doc: Document): Map<string, string[][]> {
	const out = new Map<string, string[][]>();
	for (const t of doc.querySelectorAll('text[data-l]')) {
		const rows = [...t.querySelectorAll(':scope > tspan[x]')].map((s) => (s.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
		const owner = t.getAttribute('data-l')!;
		out.set(owner, [...(out.get(owner) ?? []), rows]);
	}
	return out;
}

/**
 * Can the drawn rows be cut into consecutive groups, one per paragraph, each group joining
 * (with a space, or with nothing where a long word was split) into exactly that paragraph?
 */
export function rowsMatch(rows: string[], paras: string[], markdown: boolean): boolean {
	const clean = rows.map((r) => (markdown ? r.replace(/[*_]/g, '') : r).replace(/\s+/g, ' ').trim()).filter(Boolean);
	const fits = (from: number, para: number): boolean => {
		if (para === paras.length) return from === clean.length;
		for (let to = from + 1; to <= clean.length; to++) {
			if (joins(clean.slice(from, to), paras[para]!) && fits(to, para + 1)) return true;
		}
		return false;
	};
	return fits(0, 0);
}

function joins(rows: string[], para: string): boolean {
	if (rows.length === 1) return rows[0] === para;
	const [head, ...rest] = rows;
	if (!para.startsWith(head!)) return false;
	const tail = para.slice(head!.length);
	return (tail.startsWith(' ') && joins(rest, tail.slice(1))) || joins(rest, tail);
}

/** Problems with the drawn labels, in words; empty when every label is drawn exactly, once per owner. */
export async function labelProblems(source: string, svg: string): Promise<string[]> {
	const drawn = drawnByOwner(parseSvg(svg));
	const problems: string[] = [];
	const owners = new Set<string>();
	for (const w of await wantedLabels(source)) {
		owners.add(w.owner);
		const texts = drawn.get(w.owner) ?? [];
		if (!texts.length) problems.push(`${w.owner}: "${w.paragraphs.join(' / ')}" not drawn`);
		// Participants are drawn at the top and the bottom; everything else once.
		else if (texts.length > (w.owner.startsWith('p:') ? 2 : 1)) problems.push(`${w.owner}: drawn ${texts.length} times`);
		for (const rows of texts) if (!rowsMatch(rows, w.paragraphs, w.markdown)) problems.push(`${w.owner}: want "${w.paragraphs.join(' / ')}", drawn "${rows.join(' / ')}"`);
	}
	for (const owner of drawn.keys()) if (!owners.has(owner) && drawn.get(owner)!.some((rows) => rows.length)) problems.push(`${owner}: drawn but not in the diagram`);
	return problems;
}
