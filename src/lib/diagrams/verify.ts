/**
 * The "faithful or refused" check: after rendering, every label mermaid's parser found must be
 * in the SVG's text. Expected strings are taken from the raw parser output (not from our own
 * label model), so a bug anywhere between parser and SVG writer is caught.
 */
import { DiagramError } from './errors.ts';
import { type LabelParser, unmark } from './labels.ts';
import type { RawDiagram } from './parse.ts';

interface Expected {
	what: string;
	text: string;
	markdown: boolean;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(s: string): string {
	return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
		if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
		return XML_ENTITIES[e] ?? m;
	});
}

/** The text content of every <text> element, whitespace removed. */
export function svgTexts(svg: string): string[] {
	return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) => squash(decodeXml(m[1]!.replace(/<[^>]*>/g, ''))));
}

function squash(s: string): string {
	return s.replace(/\s+/g, '');
}

function expected(raw: RawDiagram, labels: LabelParser): Expected[] {
	const out: Expected[] = [];
	const html = (s: string) => labels.decodeEntities(unmark(s).replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, ''));
	const seq = (s: string) => unmark(s).replace(/&(#\d+|\w+);/g, (m) => labels.decodeEntities(m)).replace(/<br\s*\/?>/gi, ' ');
	if (raw.title) out.push({ what: 'diagram title', text: seq(raw.title), markdown: false });
	if (raw.kind === 'flowchart') {
		const sg = new Set(raw.subGraphs.map((s) => String(s.id)));
		for (const v of raw.vertices) {
			if (sg.has(String(v.id))) continue;
			const text = v.text == null ? String(v.id) : String(v.text);
			out.push({ what: `node "${v.id}"`, text: html(text), markdown: v.labelType === 'markdown' });
		}
		for (const e of raw.edges) {
			if (e.text && e.stroke !== 'invisible') out.push({ what: `label of ${e.start} → ${e.end}`, text: html(String(e.text)), markdown: e.labelType === 'markdown' });
		}
		for (const s of raw.subGraphs) out.push({ what: `subgraph "${s.id}"`, text: html(String(s.title ?? s.id)), markdown: s.labelType === 'markdown' });
	} else {
		for (const a of raw.actors) out.push({ what: `participant "${a.name}"`, text: seq(String(a.description ?? a.name)), markdown: false });
		for (const b of raw.boxes) if (b.name) out.push({ what: 'box title', text: seq(String(b.name)), markdown: false });
		for (const m of raw.messages) {
			// Skip autonumber settings, block ends and rect colours (22 = rect start).
			if (typeof m.message !== 'string' || m.message === '' || Number(m.type) === 22) continue;
			out.push({ what: Number(m.type) === 2 ? 'note' : `message ${m.from ?? ''} → ${m.to ?? ''}`.trim(), text: seq(m.message), markdown: false });
		}
	}
	return out;
}

export function verifyLabels(svg: string, raw: RawDiagram, labels: LabelParser): void {
	const texts = svgTexts(svg);
	const textsNoMd = texts.map((t) => t.replace(/[*_]/g, ''));
	for (const e of expected(raw, labels)) {
		const want = e.markdown ? squash(e.text).replace(/[*_]/g, '') : squash(e.text);
		if (want === '') continue;
		const pool = e.markdown ? textsNoMd : texts;
		if (!pool.some((t) => t.includes(want))) {
			throw new DiagramError(`Renderer check failed: the ${e.what} text "${e.text.trim()}" is missing from the drawn SVG`, {
				construct: e.what,
				fix: 'This is a bug in the diagram renderer (src/lib/diagrams); rephrase the label to work around it and report the diagram.',
			});
		}
	}
}
