/**
 * Sequence diagram layout (our own: columns for participants, one row per message/note/block
 * edge, top to bottom) and SVG output, in four steps a reader can take one at a time:
 * participants (header boxes), columns (horizontal spacing), rows (the vertical pass over the
 * items, in seq-rows.ts) and drawing (frames, participants, boxes, title).
 */
import type { Line, SequenceModel } from './model.ts';
import { FIT_WIDTH } from './fit.ts';
import { MARGIN, measure, type Measured, type MeasuredItem, SEQ_COMPACT, SEQ_NORMAL, type SeqSizes, tabWidth } from './seq-measure.ts';
import { layoutRows, type Frame, type Rows } from './seq-rows.ts';
import { escapeHtml } from '../site/escape-html.ts';
import { markerDefs, num, SEQ_STYLE, styleBlock, svgOpen, textBlock } from './svg.ts';
import { textWidth } from './text-metrics.ts';

const ACTOR_PAD_X = 14;
const FIGURE_H = 34;
const STEREOTYPED = new Set(['boundary', 'control', 'entity', 'collections', 'queue']);

/** The participant boxes along the top (and bottom): label, «stereotype», width and height. */
export interface Header {
	labels: Measured[];
	stereo: string[];
	boxW: number[];
	boxH: number[];
	height: number;
}

function measureParticipants(model: SequenceModel, sizes: SeqSizes): Header {
	const P = model.participants;
	const labels = P.map((p) => measure(p.label.lines, sizes.actorText));
	const stereo = P.map((p) => (STEREOTYPED.has(p.kind) ? `«${p.kind}»` : ''));
	const boxW = P.map((_, i) => Math.max(sizes.actorMin, labels[i]!.w + 2 * ACTOR_PAD_X));
	const boxH = P.map((p, i) => {
		const text = labels[i]!.h + (stereo[i] ? 16 : 0);
		if (p.kind === 'actor') return FIGURE_H + 6 + text;
		return Math.max(36, text + 16 + (p.kind === 'database' ? 12 : 0));
	});
	return { labels, stereo, boxW, boxH, height: Math.max(36, ...boxH) };
}

function measureItems(model: SequenceModel, sizes: SeqSizes): MeasuredItem[] {
	return model.items.map((item) => {
		if (item.type === 'message') return { item, m: measure(item.label.lines, sizes.msg) };
		if (item.type === 'note') return { item, m: measure(item.label.lines, sizes.note) };
		if (item.type === 'blockStart' || item.type === 'blockSection') return { item, m: measure(item.label.lines, sizes.block) };
		return { item, m: { lines: [], w: 0, h: 0 } };
	});
}

/** Lifeline x positions: far enough apart for the boxes, and for every message and note between them. */
export interface Columns {
	x: number[];
	/** Room needed right of the last lifeline (self-messages, right notes). */
	rightExtra: number;
}

function placeColumns(model: SequenceModel, header: Header, items: MeasuredItem[], sizes: SeqSizes): Columns {
	const { boxW } = header;
	const n = model.participants.length;
	const index = new Map(model.participants.map((p, i) => [p.id, i]));
	const dist = model.participants.slice(0, -1).map((_, i) => Math.max((boxW[i]! + boxW[i + 1]!) / 2 + 30, sizes.gap));
	let leftExtra = 0;
	let rightExtra = 0;
	const widen = (lo: number, hi: number, need: number) => {
		let have = 0;
		for (let i = lo; i < hi; i++) have += dist[i]!;
		if (have < need) for (let i = lo; i < hi; i++) dist[i]! += (need - have) / (hi - lo);
	};
	const needRight = (a: number, w: number) => {
		if (a < n - 1) dist[a] = Math.max(dist[a]!, w);
		else rightExtra = Math.max(rightExtra, w - boxW[a]! / 2);
	};
	const needLeft = (a: number, w: number) => {
		if (a > 0) dist[a - 1] = Math.max(dist[a - 1]!, w);
		else leftExtra = Math.max(leftExtra, w - boxW[a]! / 2);
	};
	for (const { item, m } of items) {
		if (item.type === 'message') {
			const a = index.get(item.from)!;
			const b = index.get(item.to)!;
			const lw = m.w + (item.number !== undefined ? 22 : 0);
			if (a === b) needRight(a, lw + 50);
			else widen(Math.min(a, b), Math.max(a, b), lw + 30);
		} else if (item.type === 'note') {
			const nw = m.w + 20;
			const a = index.get(item.actors[0]!)!;
			const b = index.get(item.actors[1] ?? item.actors[0]!)!;
			if (item.placement === 'right') needRight(a, nw + 25);
			else if (item.placement === 'left') needLeft(a, nw + 25);
			else if (a === b) {
				needRight(a, nw / 2 + 20);
				needLeft(a, nw / 2 + 20);
			} else widen(Math.min(a, b), Math.max(a, b), nw - 40);
		}
	}
	const x: number[] = [MARGIN + Math.max(leftExtra, 0) + boxW[0]! / 2 + (model.boxes.length ? 10 : 0)];
	for (let i = 1; i < n; i++) x[i] = x[i - 1]! + dist[i - 1]!;
	return { x, rightExtra };
}

/** Draws the diagram with normal sizes, or compact ones when that is wider than the page column (fit.ts). */
export function renderSequenceSvg(model: SequenceModel, id: string, title: string, desc: string): { svg: string; width: number } {
	const normal = drawSequence(model, id, title, desc, SEQ_NORMAL);
	if (normal.width <= FIT_WIDTH) return normal;
	const compact = drawSequence(model, id, title, desc, SEQ_COMPACT);
	return compact.width < normal.width ? compact : normal;
}

function drawSequence(model: SequenceModel, id: string, title: string, desc: string, sizes: SeqSizes): { svg: string; width: number } {
	const header = measureParticipants(model, sizes);
	const items = measureItems(model, sizes);
	const cols = placeColumns(model, header, items, sizes);
	const n = model.participants.length;
	const boxTitleH = model.boxes.length ? 26 : 0;
	const top = MARGIN + (model.title ? 30 : 0) + boxTitleH;
	const bounds = { minX: 0, maxX: cols.x[n - 1]! + header.boxW[n - 1]! / 2 + cols.rightExtra + MARGIN };
	const rows = layoutRows(model, items, cols.x, top + header.height + 16, id, bounds, sizes);
	const bottomTop = rows.y + 6;
	const bottom = bottomTop + header.height;

	const frames = drawFrames(rows.frames);
	const lifelines = cols.x.map((cx) => `<path class="ll" d="M${num(cx)} ${num(top + header.height)}V${num(bottomTop)}"/>`);
	const actors = model.participants.flatMap((_, i) => [participantSvg(model, header, cols.x, i, top), participantSvg(model, header, cols.x, i, bottomTop)]);
	// Reversed: bars close inner first, and outer bars must be drawn under inner ones.
	const bars = [...rows.bars].reverse().map((bar) => `<rect class="ac" x="${num(bar.x)}" y="${num(bar.y0)}" width="10" height="${num(bar.y1 - bar.y0)}"/>`);
	const boxes = drawBoxes(model, header, cols.x, top, boxTitleH, bottom, bounds);
	const titleSvg = drawTitle(model, bounds);
	const height = bottom + MARGIN + (model.boxes.length ? 8 : 0);
	const svg =
		svgOpen({ id, minX: bounds.minX, minY: 0, width: bounds.maxX - bounds.minX, height, title, desc, kind: 'sequence' }) +
		styleBlock(id, SEQ_STYLE(id)) +
		markerDefs(id, rows.markers) +
		boxes +
		lifelines.join('') +
		frames.behind +
		actors.join('') +
		bars.join('') +
		rows.mid.join('') +
		frames.front +
		rows.front.join('') +
		titleSvg +
		'</svg>';
	return { svg, width: bounds.maxX - bounds.minX };
}

/** Block frames: the outline behind the messages, the tab, label and section lines in front of the lifelines. */
function drawFrames(frames: Frame[]): { behind: string; front: string } {
	const behind: string[] = [];
	const front: string[] = [];
	for (const f of frames) {
		if (f.kind === 'rect') {
			behind.push(`<rect class="rb" x="${num(f.l)}" y="${num(f.top)}" width="${num(f.r - f.l)}" height="${num(f.bottom - f.top)}"/>`);
			continue;
		}
		const tab = tabWidth(f.kind);
		behind.push(`<rect class="f" x="${num(f.l)}" y="${num(f.top)}" width="${num(f.r - f.l)}" height="${num(f.bottom - f.top)}" rx="3"/>`);
		front.push(`<path class="ft" d="M${num(f.l)} ${num(f.top + 3)}a3 3 0 0 1 3 -3H${num(f.l + tab)}V${num(f.top + 14)}L${num(f.l + tab - 8)} ${num(f.top + 22)}H${num(f.l)}z"/>`);
		front.push(`<text class="fk" x="${num(f.l + (tab - 4) / 2)}" y="${num(f.top + 11 + 4.9)}">${escapeHtml(f.kind)}</text>`);
		if (hasText(f.label.lines)) front.push(textBlock(bracket(f.label.lines), f.l + tab + 10, f.top + Math.max(22, f.label.h + 6) / 2, undefined, 'start', `m:${f.ref}`));
		for (const s of f.sections) {
			front.push(`<path class="fd" d="M${num(f.l)} ${num(s.y)}H${num(f.r)}"/>`);
			if (hasText(s.label.lines)) front.push(textBlock(bracket(s.label.lines), f.l + 10, s.y + Math.max(18, s.label.h + 4) / 2 + 2, undefined, 'start', `m:${s.ref}`));
		}
	}
	return { behind: behind.join(''), front: front.join('') };
}

/** One participant box (or stick figure, or database) with its top at y0. */
function participantSvg(model: SequenceModel, header: Header, x: number[], i: number, y0: number): string {
	const p = model.participants[i]!;
	const cx = x[i]!;
	const w = header.boxW[i]!;
	const lab = header.labels[i]!;
	const st = header.stereo[i]!;
	const key = `p:${p.id}`;
	if (p.kind === 'actor') {
		const fy = y0 + (header.height - header.boxH[i]!);
		const hy = fy + 7;
		return (
			`<g class="af"><circle class="n" cx="${num(cx)}" cy="${num(hy)}" r="7"/>` +
			`<path class="nl" d="M${num(cx)} ${num(hy + 7)}v13M${num(cx - 11)} ${num(hy + 12)}h22M${num(cx)} ${num(hy + 20)}l-9 11M${num(cx)} ${num(hy + 20)}l9 11"/></g>` +
			textBlock(lab.lines, cx, fy + FIGURE_H + 6 + lab.h / 2, undefined, 'middle', key)
		);
	}
	const l = cx - w / 2;
	const h = header.height;
	let shape: string;
	if (p.kind === 'database') {
		const ry = 6;
		shape =
			`<path class="n" d="M${num(l)} ${num(y0 + ry)}a${num(w / 2)} ${ry} 0 0 1 ${num(w)} 0v${num(h - 2 * ry)}a${num(w / 2)} ${ry} 0 0 1 ${num(-w)} 0z"/>` +
			`<path class="nl" d="M${num(l)} ${num(y0 + ry)}a${num(w / 2)} ${ry} 0 0 0 ${num(w)} 0"/>`;
	} else {
		shape = `<rect class="n" x="${num(l)}" y="${num(y0)}" width="${num(w)}" height="${num(h)}" rx="4"/>`;
	}
	const textCy = y0 + h / 2 + (p.kind === 'database' ? 5 : 0) + (st ? 8 : 0);
	const stSvg = st ? `<text class="st" x="${num(cx)}" y="${num(textCy - lab.h / 2 - 4)}">${escapeHtml(st)}</text>` : '';
	return shape + stSvg + textBlock(lab.lines, cx, textCy, undefined, 'middle', key);
}

/** Participant groups (`box … end`): a frame around their members with the title on one line above. */
function drawBoxes(model: SequenceModel, header: Header, x: number[], top: number, boxTitleH: number, bottom: number, bounds: Rows['bounds']): string {
	const out: string[] = [];
	model.boxes.forEach((bx, bi) => {
		const members = model.participants.map((p, i) => (p.box === bi ? i : -1)).filter((i) => i >= 0);
		if (!members.length) return;
		let l = Math.min(...members.map((i) => x[i]! - header.boxW[i]! / 2)) - 10;
		let r = Math.max(...members.map((i) => x[i]! + header.boxW[i]! / 2)) + 10;
		// The title stays on one line (boxTitleH has room for one); the box grows to fit it.
		const m = measure(bx.label.lines.length ? [bx.label.lines.flat()] : [], 10_000);
		if (m.w + 20 > r - l) {
			const grow = (m.w + 20 - (r - l)) / 2;
			l -= grow;
			r += grow;
		}
		out.push(`<rect class="bx" x="${num(l)}" y="${num(top - boxTitleH)}" width="${num(r - l)}" height="${num(bottom - top + boxTitleH + 8)}" rx="6"/>`);
		if (m.lines.length) out.push(textBlock(m.lines, (l + r) / 2, top - boxTitleH / 2 - 2, 'ct', 'middle', `b:${bi}`));
		bounds.minX = Math.min(bounds.minX, l - MARGIN);
		bounds.maxX = Math.max(bounds.maxX, r + MARGIN);
	});
	return out.join('');
}

function drawTitle(model: SequenceModel, bounds: Rows['bounds']): string {
	if (!model.title) return '';
	const tw = textWidth(model.title, 16, true);
	if (tw + 2 * MARGIN > bounds.maxX - bounds.minX) {
		const grow = (tw + 2 * MARGIN - (bounds.maxX - bounds.minX)) / 2;
		bounds.minX -= grow;
		bounds.maxX += grow;
	}
	const cx = (bounds.minX + bounds.maxX) / 2;
	return `<text class="tt" data-l="t"><tspan x="${num(cx)}" y="${num(MARGIN + 16)}">${escapeHtml(model.title)}</tspan></text>`;
}

/** Block labels are drawn in brackets, as mermaid does: `loop [every second]`. */
function bracket(lines: Line[]): Line[] {
	if (!lines.length) return lines;
	const out = lines.map((l) => l.map((r) => ({ ...r })));
	out[0]!.unshift({ text: '[' });
	out[out.length - 1]!.push({ text: ']' });
	return out;
}

/** An empty block label (a bare `and` or `else`) draws no `[]`, as mermaid draws none. */
function hasText(lines: Line[]): boolean {
	return lines.some((l) => l.some((r) => r.text.trim() !== ''));
}
