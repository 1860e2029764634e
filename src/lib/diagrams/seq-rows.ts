/**
 * The vertical pass of a sequence diagram: one row per message, note or block edge, top to
 * bottom, with activation bars and block frames growing around what they hold. Each kind of
 * item has its own small function; they share the cursor and outputs in a `Rows` state.
 */
import type { MarkerKind } from './svg.ts';
import type { SeqItem, SequenceModel } from './model.ts';
import { MARGIN, measure, type Measured, type MeasuredItem, type SeqSizes, tabWidth } from './seq-measure.ts';
import { insetEnd, insetStart, MARKER_INSET, markerId, num, textBlock } from './svg.ts';

export interface Frame {
	kind: string;
	/** Index of the block's start in mermaid's message list (for the label check). */
	ref: number;
	label: Measured;
	top: number;
	sections: { y: number; ref: number; label: Measured }[];
	l: number;
	r: number;
	bottom: number;
}

export interface Rows {
	/** Cursor: the bottom of what has been laid out so far. */
	y: number;
	/** Message lines (drawn over lifelines and bars). */
	mid: string[];
	/** Texts, notes and number badges (drawn on top). */
	front: string[];
	markers: Set<MarkerKind>;
	bars: { x: number; y0: number; y1: number }[];
	frames: Frame[];
	/** Horizontal extent, widened by notes and frames that reach past the outer lifelines. */
	bounds: { minX: number; maxX: number };
}

interface State extends Rows {
	x: number[];
	index: Map<string, number>;
	id: string;
	/** Message wrap width; a message may use more when its lifelines are further apart. */
	msgMax: number;
	/** Open activations per participant: the y where each started. */
	active: Map<string, number[]>;
	/** Frames still open, innermost last. */
	stack: Frame[];
	lastArrowY: number | undefined;
	prevWasMessage: boolean;
}

type Message = Extract<SeqItem, { type: 'message' }>;
type Note = Extract<SeqItem, { type: 'note' }>;

export function layoutRows(model: SequenceModel, items: MeasuredItem[], x: number[], y0: number, id: string, bounds: Rows['bounds'], sizes: SeqSizes): Rows {
	const s: State = {
		y: y0,
		mid: [],
		front: [],
		markers: new Set(),
		bars: [],
		frames: [],
		bounds,
		x,
		index: new Map(model.participants.map((p, i) => [p.id, i])),
		id,
		msgMax: sizes.msg,
		active: new Map(),
		stack: [],
		lastArrowY: undefined,
		prevWasMessage: false,
	};
	for (const { item, m } of items) {
		const afterMessage = s.prevWasMessage;
		s.prevWasMessage = item.type === 'message';
		switch (item.type) {
			case 'message':
				if (item.from === item.to) selfMessage(s, item, m);
				else message(s, item, m);
				break;
			case 'note':
				note(s, item, m);
				break;
			case 'activate':
				activate(s, item.actor, afterMessage);
				break;
			case 'deactivate':
				deactivate(s, item.actor, afterMessage);
				break;
			case 'blockStart':
				blockStart(s, item.block, item.ref, m);
				break;
			case 'blockSection':
				blockSection(s, item.ref, m);
				break;
			case 'blockEnd':
				blockEnd(s, x);
				break;
		}
	}
	// Activations never closed run to the end.
	for (const [actor, list] of s.active) {
		const xa = x[s.index.get(actor)!]!;
		list.forEach((start, i) => s.bars.push({ x: xa - 5 + i * 4, y0: start, y1: Math.max(s.y, start + 10) }));
	}
	return s;
}

/** Widens every open frame to cover [l, r]. */
function touch(s: State, l: number, r: number): void {
	for (const f of s.stack) {
		f.l = Math.min(f.l, l);
		f.r = Math.max(f.r, r);
	}
}

/** Where an arrow meets a lifeline: at the edge of its activation bars, on the side it comes from. */
function edgeX(s: State, actor: string, toward: number): number {
	const xa = s.x[s.index.get(actor)!]!;
	const d = s.active.get(actor)?.length ?? 0;
	if (d === 0) return xa;
	// Nested bars step 4px to the right; arrows stop at the outer edge of the stack.
	return toward >= xa ? xa + 5 + (d - 1) * 4 : xa - 5;
}

function arrowAttrs(s: State, item: Message): { attrs: string; head: MarkerKind | undefined } {
	const head: MarkerKind | undefined = item.head === 'filled' ? 'arrow' : item.head === 'open' ? 'open' : item.head === 'cross' ? 'cross' : undefined;
	if (!head) return { attrs: '', head };
	s.markers.add(head);
	const url = `url(#${markerId(s.id, head)})`;
	return { attrs: ` marker-end="${url}"${item.both ? ` marker-start="${url}"` : ''}`, head };
}

function message(s: State, item: Message, m: Measured): void {
	const xa = s.x[s.index.get(item.from)!]!;
	const xb = s.x[s.index.get(item.to)!]!;
	const badge = item.number !== undefined;
	const { attrs, head } = arrowAttrs(s, item);
	// Columns are final now: let the label use the whole span between the lifelines.
	const span = Math.abs(xb - xa) - 30 - (badge ? 22 : 0);
	if (span > s.msgMax) Object.assign(m, measure(item.label.lines, span));
	s.y += m.h + 4;
	const x0 = edgeX(s, item.from, xb);
	const x1 = edgeX(s, item.to, xa);
	let pts = [
		{ x: x0, y: s.y },
		{ x: x1, y: s.y },
	];
	if (head) pts = insetEnd(pts, MARKER_INSET);
	if (head && item.both) pts = insetStart(pts, MARKER_INSET);
	s.mid.push(`<path class="e${item.dotted ? ' d' : ''}" d="M${num(pts[0]!.x)} ${num(s.y)}H${num(pts[1]!.x)}"${attrs}/>`);
	s.front.push(textBlock(m.lines, (xa + xb) / 2 + (badge ? 10 * Math.sign(xb - xa) : 0), s.y - m.h / 2 - 3, undefined, 'middle', `m:${item.ref}`));
	if (badge) s.front.push(badgeSvg(x0, s.y, item.number!));
	touch(s, Math.min(xa, xb), Math.max(xa, xb));
	s.lastArrowY = s.y;
	s.y += 14;
}

/** A message to oneself: a loop out to the right and back, the label beside it. */
function selfMessage(s: State, item: Message, m: Measured): void {
	const xa = s.x[s.index.get(item.from)!]!;
	const badge = item.number !== undefined;
	const { attrs, head } = arrowAttrs(s, item);
	s.y += m.h + 4;
	const x0 = edgeX(s, item.from, xa + 1);
	s.front.push(textBlock(m.lines, x0 + 10 + (badge ? 20 : 0), s.y - m.h / 2 - 2, undefined, 'start', `m:${item.ref}`));
	s.mid.push(`<path class="e${item.dotted ? ' d' : ''}" d="M${num(x0)} ${num(s.y)}H${num(x0 + 36)}V${num(s.y + 22)}H${num(x0 + (head ? MARKER_INSET : 0))}"${attrs}/>`);
	touch(s, xa - 10, x0 + 10 + m.w + (badge ? 20 : 0) + 10);
	if (badge) s.front.push(badgeSvg(x0, s.y, item.number!));
	s.lastArrowY = s.y + 22;
	s.y += 22 + 14;
}

function note(s: State, item: Note, m: Measured): void {
	const a = s.index.get(item.actors[0]!)!;
	const b = s.index.get(item.actors[1] ?? item.actors[0]!)!;
	const w = m.w + 20;
	const h = m.h + 12;
	let l: number;
	let width = w;
	if (item.placement === 'right') l = s.x[a]! + 15;
	else if (item.placement === 'left') l = s.x[a]! - 15 - w;
	else {
		const lo = Math.min(s.x[a]!, s.x[b]!);
		const hi = Math.max(s.x[a]!, s.x[b]!);
		width = a === b ? w : Math.max(w, hi - lo + 40);
		l = (lo + hi) / 2 - width / 2;
	}
	s.y += 4;
	s.front.push(`<rect class="nt" x="${num(l)}" y="${num(s.y)}" width="${num(width)}" height="${num(h)}" rx="2"/>` + textBlock(m.lines, l + width / 2, s.y + h / 2, undefined, 'middle', `m:${item.ref}`));
	touch(s, l, l + width);
	if (item.placement !== 'over') {
		s.bounds.minX = Math.min(s.bounds.minX, l - MARGIN);
		s.bounds.maxX = Math.max(s.bounds.maxX, l + width + MARGIN);
	}
	s.y += h + 10;
}

/** A bar starts at the arrow that activated it (`->>+`) or at the current row. */
function activate(s: State, actor: string, afterMessage: boolean): void {
	const list = s.active.get(actor) ?? [];
	list.push(afterMessage && s.lastArrowY !== undefined ? s.lastArrowY : s.y);
	s.active.set(actor, list);
}

function deactivate(s: State, actor: string, afterMessage: boolean): void {
	const list = s.active.get(actor);
	const y0 = list?.pop();
	if (y0 === undefined) return;
	const xa = s.x[s.index.get(actor)!]!;
	const y1 = afterMessage && s.lastArrowY !== undefined ? Math.max(s.lastArrowY, y0 + 10) : Math.max(s.y, y0 + 10);
	s.bars.push({ x: xa - 5 + list!.length * 4, y0, y1 });
}

function blockStart(s: State, kind: string, ref: number, m: Measured): void {
	s.y += 6;
	const f: Frame = { kind, ref, label: m, top: s.y, sections: [], l: Infinity, r: -Infinity, bottom: 0 };
	s.stack.push(f);
	s.frames.push(f);
	s.y += kind === 'rect' ? 8 : Math.max(22, m.h + 6) + 8;
}

/** `else` / `and` / `option`: a dashed divider with its label. */
function blockSection(s: State, ref: number, m: Measured): void {
	const f = s.stack[s.stack.length - 1];
	if (!f) return;
	s.y += 4;
	f.sections.push({ y: s.y, ref, label: m });
	s.y += Math.max(18, m.h + 4) + 6;
}

function blockEnd(s: State, x: number[]): void {
	const f = s.stack.pop();
	if (!f) return;
	f.bottom = s.y + 4;
	if (!isFinite(f.l)) {
		f.l = x[0]!;
		f.r = x[x.length - 1]!;
	}
	const nested = s.frames.some((o) => o !== f && o.top > f.top && o.bottom <= f.bottom);
	f.l -= nested ? 12 : 16;
	f.r += nested ? 12 : 16;
	if (f.kind !== 'rect') {
		const needW = tabWidth(f.kind) + 12 + Math.max(f.label.w, ...f.sections.map((sec) => sec.label.w)) + 24;
		if (f.r - f.l < needW) f.r = f.l + needW;
	}
	touch(s, f.l - 4, f.r + 4);
	s.bounds.minX = Math.min(s.bounds.minX, f.l - MARGIN);
	s.bounds.maxX = Math.max(s.bounds.maxX, f.r + MARGIN);
	s.y += 14;
}

function badgeSvg(cx: number, cy: number, n: number): string {
	return `<circle class="nb" cx="${num(cx)}" cy="${num(cy)}" r="9"/><text class="nbt" x="${num(cx)}" y="${num(cy + 4)}">${n}</text>`;
}
