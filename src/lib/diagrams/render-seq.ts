/**
 * Sequence diagram layout (our own: columns for participants, one row per message/note/block
 * edge, top to bottom) and SVG output.
 */
import type { Line, SequenceModel } from './model.ts';
import { textWidth, wrapLines } from './text-metrics.ts';
import {
	esc,
	FONT_SIZE,
	insetEnd,
	insetStart,
	LINE_HEIGHT,
	MARKER_INSET,
	markerDefs,
	markerId,
	type MarkerKind,
	num,
	SEQ_STYLE,
	styleBlock,
	svgOpen,
	textBlock,
} from './svg.ts';

const ACTOR_MIN_W = 90;
const ACTOR_PAD_X = 14;
const MSG_MAX = 260;
const NOTE_MAX = 180;
const BLOCK_LABEL_MAX = 240;
const MARGIN = 10;
const FIGURE_H = 34;

interface Measured {
	lines: Line[];
	w: number;
	h: number;
}

function measure(lines: Line[], max: number): Measured {
	const m = wrapLines(lines.length ? lines : [[]], max, FONT_SIZE, LINE_HEIGHT);
	return { lines: m.lines, w: m.width, h: lines.length ? m.height : 0 };
}

interface Frame {
	kind: string;
	label: Measured;
	top: number;
	sections: { y: number; label: Measured }[];
	l: number;
	r: number;
	bottom: number;
}

export function renderSequenceSvg(model: SequenceModel, id: string, title: string, desc: string): string {
	const parts = { back: [] as string[], frames: [] as string[], mid: [] as string[], front: [] as string[] };
	const markers = new Set<MarkerKind>();
	const P = model.participants;
	const n = P.length;
	const index = new Map(P.map((p, i) => [p.id, i]));
	const plabel = P.map((p) => measure(p.label.lines, 180));
	const stereo = P.map((p) => (['boundary', 'control', 'entity', 'collections', 'queue'].includes(p.kind) ? `«${p.kind}»` : ''));
	const boxW = P.map((_, i) => Math.max(ACTOR_MIN_W, plabel[i]!.w + 2 * ACTOR_PAD_X));
	const boxH = P.map((p, i) => {
		const text = plabel[i]!.h + (stereo[i] ? 16 : 0);
		if (p.kind === 'actor') return FIGURE_H + 6 + text;
		return Math.max(36, text + 16 + (p.kind === 'database' ? 12 : 0));
	});
	const headerH = Math.max(36, ...boxH);

	// Horizontal spacing: enough for boxes, message labels, notes.
	const dist = P.slice(0, -1).map((_, i) => Math.max((boxW[i]! + boxW[i + 1]!) / 2 + 30, 110));
	let leftExtra = 0;
	let rightExtra = 0;
	const items = model.items.map((item) => {
		if (item.type === 'message') return { item, m: measure(item.label.lines, MSG_MAX) };
		if (item.type === 'note') return { item, m: measure(item.label.lines, NOTE_MAX) };
		if (item.type === 'blockStart' || item.type === 'blockSection') return { item, m: measure(item.label.lines, BLOCK_LABEL_MAX) };
		return { item, m: { lines: [], w: 0, h: 0 } };
	});
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
	const boxTitleH = model.boxes.length ? 26 : 0;
	const titleH = model.title ? 30 : 0;
	const x: number[] = [];
	x[0] = MARGIN + Math.max(leftExtra, 0) + boxW[0]! / 2 + (model.boxes.length ? 10 : 0);
	for (let i = 1; i < n; i++) x[i] = x[i - 1]! + dist[i - 1]!;
	const top = MARGIN + titleH + boxTitleH;
	let y = top + headerH + 16;

	// Vertical pass.
	const active = new Map<string, number[]>();
	const bars: { x: number; y0: number; y1: number }[] = [];
	const frames: Frame[] = [];
	const stack: Frame[] = [];
	let lastArrowY: number | undefined;
	let minX = 0;
	let maxX = x[n - 1]! + boxW[n - 1]! / 2 + rightExtra + MARGIN;
	const touch = (l: number, r: number) => {
		for (const f of stack) {
			f.l = Math.min(f.l, l);
			f.r = Math.max(f.r, r);
		}
	};
	const depth = (actor: string) => active.get(actor)?.length ?? 0;
	const edgeX = (actor: string, toward: number) => {
		const xa = x[index.get(actor)!]!;
		const d = depth(actor);
		if (d === 0) return xa;
		// Nested bars step 4px to the right; arrows stop at the outer edge of the stack.
		return toward >= xa ? xa + 5 + (d - 1) * 4 : xa - 5;
	};
	let prevWasMessage = false;
	for (const { item, m } of items) {
		const wasMessage = prevWasMessage;
		prevWasMessage = item.type === 'message';
		switch (item.type) {
			case 'message': {
				const a = index.get(item.from)!;
				const b = index.get(item.to)!;
				const xa = x[a]!;
				const dash = item.dotted ? ' d' : '';
				const head: MarkerKind | undefined = item.head === 'filled' ? 'arrow' : item.head === 'open' ? 'open' : item.head === 'cross' ? 'cross' : undefined;
				let attrs = '';
				if (head) {
					markers.add(head);
					attrs += ` marker-end="url(#${markerId(id, head)})"`;
					if (item.both) attrs += ` marker-start="url(#${markerId(id, head)})"`;
				}
				const badge = item.number !== undefined;
				if (a === b) {
					y += m.h + 4;
					const x0 = edgeX(item.from, xa + 1);
					parts.front.push(textBlock(m.lines, x0 + 10 + (badge ? 20 : 0), y - m.h / 2 - 2, undefined, 'start'));
					const path = `M${num(x0)} ${num(y)}H${num(x0 + 36)}V${num(y + 22)}H${num(x0 + (head ? MARKER_INSET : 0))}`;
					parts.mid.push(`<path class="e${dash}" d="${path}"${attrs}/>`);
					touch(xa - 10, x0 + 10 + m.w + (badge ? 20 : 0) + 10);
					if (badge) parts.front.push(badgeSvg(x0, y, item.number!));
					lastArrowY = y + 22;
					y += 22 + 14;
				} else {
					const xb = x[b]!;
					// Columns are final now: let the label use the whole span between the lifelines.
					const span = Math.abs(xb - xa) - 30 - (badge ? 22 : 0);
					if (span > MSG_MAX) Object.assign(m, measure(item.label.lines, span));
					y += m.h + 4;
					const x0 = edgeX(item.from, xb);
					const x1 = edgeX(item.to, xa);
					let pts = [
						{ x: x0, y },
						{ x: x1, y },
					];
					if (head) pts = insetEnd(pts, MARKER_INSET);
					if (head && item.both) pts = insetStart(pts, MARKER_INSET);
					parts.mid.push(`<path class="e${dash}" d="M${num(pts[0]!.x)} ${num(y)}H${num(pts[1]!.x)}"${attrs}/>`);
					parts.front.push(textBlock(m.lines, (xa + xb) / 2 + (badge ? 10 * Math.sign(xb - xa) : 0), y - m.h / 2 - 3, undefined));
					if (badge) parts.front.push(badgeSvg(x0, y, item.number!));
					touch(Math.min(xa, xb), Math.max(xa, xb));
					lastArrowY = y;
					y += 14;
				}
				break;
			}
			case 'note': {
				const a = index.get(item.actors[0]!)!;
				const b = index.get(item.actors[1] ?? item.actors[0]!)!;
				const w = m.w + 20;
				const h = m.h + 12;
				let l: number;
				if (item.placement === 'right') l = x[a]! + 15;
				else if (item.placement === 'left') l = x[a]! - 15 - w;
				else {
					const lo = Math.min(x[a]!, x[b]!);
					const hi = Math.max(x[a]!, x[b]!);
					const span = a === b ? w : Math.max(w, hi - lo + 40);
					l = (lo + hi) / 2 - span / 2;
					y += 4;
					parts.front.push(noteSvg(l, y, span, h, m.lines));
					touch(l, l + span);
					y += h + 10;
					break;
				}
				y += 4;
				parts.front.push(noteSvg(l, y, w, h, m.lines));
				touch(l, l + w);
				minX = Math.min(minX, l - MARGIN);
				maxX = Math.max(maxX, l + w + MARGIN);
				y += h + 10;
				break;
			}
			case 'activate': {
				const list = active.get(item.actor) ?? [];
				list.push(wasMessage && lastArrowY !== undefined ? lastArrowY : y);
				active.set(item.actor, list);
				break;
			}
			case 'deactivate': {
				const list = active.get(item.actor);
				const y0 = list?.pop();
				if (y0 !== undefined) {
					const xa = x[index.get(item.actor)!]!;
					bars.push({ x: xa - 5 + (list!.length) * 4, y0, y1: wasMessage && lastArrowY !== undefined ? Math.max(lastArrowY, y0 + 10) : Math.max(y, y0 + 10) });
				}
				break;
			}
			case 'blockStart': {
				y += 6;
				const f: Frame = { kind: item.block, label: m, top: y, sections: [], l: Infinity, r: -Infinity, bottom: 0 };
				stack.push(f);
				frames.push(f);
				y += item.block === 'rect' ? 8 : Math.max(22, m.h + 6) + 8;
				break;
			}
			case 'blockSection': {
				const f = stack[stack.length - 1];
				if (f) {
					y += 4;
					f.sections.push({ y, label: m });
					y += Math.max(18, m.h + 4) + 6;
				}
				break;
			}
			case 'blockEnd': {
				const f = stack.pop();
				if (f) {
					f.bottom = y + 4;
					if (!isFinite(f.l)) {
						f.l = x[0]!;
						f.r = x[n - 1]!;
					}
					const nested = frames.filter((o) => o !== f && o.top > f.top && o.bottom <= f.bottom).length > 0;
					f.l -= nested ? 12 : 16;
					f.r += nested ? 12 : 16;
					if (f.kind !== 'rect') {
						const tab = tabWidth(f.kind);
						const needW = tab + 12 + Math.max(f.label.w, ...f.sections.map((s) => s.label.w)) + 24;
						if (f.r - f.l < needW) f.r = f.l + needW;
					}
					touch(f.l - 4, f.r + 4);
					minX = Math.min(minX, f.l - MARGIN);
					maxX = Math.max(maxX, f.r + MARGIN);
					y += 14;
				}
				break;
			}
		}
	}
	// Unclosed activations run to the end.
	for (const [actor, list] of active) {
		const xa = x[index.get(actor)!]!;
		list.forEach((y0, i) => bars.push({ x: xa - 5 + i * 4, y0, y1: Math.max(y, y0 + 10) }));
	}
	y += 6;
	const bottomTop = y;
	const bottom = bottomTop + headerH;

	// Frames (drawn behind messages), outermost first.
	for (const f of frames) {
		if (f.kind === 'rect') {
			parts.frames.push(`<rect class="rb" x="${num(f.l)}" y="${num(f.top)}" width="${num(f.r - f.l)}" height="${num(f.bottom - f.top)}"/>`);
			continue;
		}
		const tab = tabWidth(f.kind);
		parts.frames.push(`<rect class="f" x="${num(f.l)}" y="${num(f.top)}" width="${num(f.r - f.l)}" height="${num(f.bottom - f.top)}" rx="3"/>`);
		// Tabs, labels and section lines go in front of lifelines and activation bars.
		const fr: string[] = [];
		fr.push(`<path class="ft" d="M${num(f.l)} ${num(f.top + 3)}a3 3 0 0 1 3 -3H${num(f.l + tab)}V${num(f.top + 14)}L${num(f.l + tab - 8)} ${num(f.top + 22)}H${num(f.l)}z"/>`);
		fr.push(`<text class="fk" x="${num(f.l + (tab - 4) / 2)}" y="${num(f.top + 11 + 4.9)}">${esc(f.kind)}</text>`);
		if (f.label.lines.length) fr.push(textBlock(bracket(f.label.lines), f.l + tab + 10, f.top + Math.max(22, f.label.h + 6) / 2, undefined, 'start'));
		for (const s of f.sections) {
			fr.push(`<path class="fd" d="M${num(f.l)} ${num(s.y)}H${num(f.r)}"/>`);
			if (s.label.lines.length) fr.push(textBlock(bracket(s.label.lines), f.l + 10, s.y + Math.max(18, s.label.h + 4) / 2 + 2, undefined, 'start'));
		}
		parts.front.unshift(fr.join(''));
	}

	// Participants, top and bottom, with lifelines.
	const actorSvg = (i: number, y0: number): string => {
		const p = P[i]!;
		const cx = x[i]!;
		const w = boxW[i]!;
		const lab = plabel[i]!;
		const st = stereo[i]!;
		if (p.kind === 'actor') {
			const fy = y0 + (headerH - boxH[i]!);
			const hy = fy + 7;
			return (
				`<g class="af"><circle class="n" cx="${num(cx)}" cy="${num(hy)}" r="7"/>` +
				`<path class="nl" d="M${num(cx)} ${num(hy + 7)}v13M${num(cx - 11)} ${num(hy + 12)}h22M${num(cx)} ${num(hy + 20)}l-9 11M${num(cx)} ${num(hy + 20)}l9 11"/></g>` +
				textBlock(lab.lines, cx, fy + FIGURE_H + 6 + lab.h / 2)
			);
		}
		const l = cx - w / 2;
		let shape: string;
		if (p.kind === 'database') {
			const ry = 6;
			shape =
				`<path class="n" d="M${num(l)} ${num(y0 + ry)}a${num(w / 2)} ${ry} 0 0 1 ${num(w)} 0v${num(headerH - 2 * ry)}a${num(w / 2)} ${ry} 0 0 1 ${num(-w)} 0z"/>` +
				`<path class="nl" d="M${num(l)} ${num(y0 + ry)}a${num(w / 2)} ${ry} 0 0 0 ${num(w)} 0"/>`;
		} else {
			shape = `<rect class="n" x="${num(l)}" y="${num(y0)}" width="${num(w)}" height="${num(headerH)}" rx="4"/>`;
		}
		const textCy = y0 + headerH / 2 + (p.kind === 'database' ? 5 : 0) + (st ? 8 : 0);
		const stSvg = st ? `<text class="st" x="${num(cx)}" y="${num(textCy - lab.h / 2 - 4)}">${esc(st)}</text>` : '';
		return shape + stSvg + textBlock(lab.lines, cx, textCy);
	};
	for (let i = 0; i < n; i++) {
		parts.back.push(`<path class="ll" d="M${num(x[i]!)} ${num(top + headerH)}V${num(bottomTop)}"/>`);
	}
	const actorsSvg: string[] = [];
	for (let i = 0; i < n; i++) actorsSvg.push(actorSvg(i, top), actorSvg(i, bottomTop));
	for (const bar of bars) parts.mid.unshift(`<rect class="ac" x="${num(bar.x)}" y="${num(bar.y0)}" width="10" height="${num(bar.y1 - bar.y0)}"/>`);

	// Participant boxes (`box … end`).
	const boxSvg: string[] = [];
	model.boxes.forEach((bx, bi) => {
		const members = P.map((p, i) => (p.box === bi ? i : -1)).filter((i) => i >= 0);
		if (!members.length) return;
		let l = Math.min(...members.map((i) => x[i]! - boxW[i]! / 2)) - 10;
		let r = Math.max(...members.map((i) => x[i]! + boxW[i]! / 2)) + 10;
		// The title stays on one line (boxTitleH has room for one); the box grows to fit it.
		const m = measure(bx.label.lines.length ? [bx.label.lines.flat()] : [], 10_000);
		if (m.w + 20 > r - l) {
			const grow = (m.w + 20 - (r - l)) / 2;
			l -= grow;
			r += grow;
		}
		boxSvg.push(`<rect class="bx" x="${num(l)}" y="${num(top - boxTitleH)}" width="${num(r - l)}" height="${num(bottom - top + boxTitleH + 8)}" rx="6"/>`);
		if (m.lines.length) boxSvg.push(textBlock(m.lines, (l + r) / 2, top - boxTitleH / 2 - 2, 'ct'));
		minX = Math.min(minX, l - MARGIN);
		maxX = Math.max(maxX, r + MARGIN);
	});

	let titleSvg = '';
	if (model.title) {
		const tw = textWidth(model.title, 16, true);
		if (tw + 2 * MARGIN > maxX - minX) {
			const grow = (tw + 2 * MARGIN - (maxX - minX)) / 2;
			minX -= grow;
			maxX += grow;
		}
		const cx = (minX + maxX) / 2;
		titleSvg = `<text class="tt" x="${num(cx)}" y="${num(MARGIN + 16)}">${esc(model.title)}</text>`;
	}
	const height = bottom + MARGIN + (model.boxes.length ? 8 : 0);
	return (
		svgOpen({ id, minX, minY: 0, width: maxX - minX, height, title, desc, kind: 'sequence' }) +
		styleBlock(id, SEQ_STYLE(id)) +
		markerDefs(id, markers) +
		boxSvg.join('') +
		parts.back.join('') +
		parts.frames.join('') +
		actorsSvg.join('') +
		parts.mid.join('') +
		parts.front.join('') +
		titleSvg +
		'</svg>'
	);
}

function tabWidth(kind: string): number {
	return Math.max(44, kind.length * 8.5 + 18);
}

function bracket(lines: Line[]): Line[] {
	if (!lines.length) return lines;
	const out = lines.map((l) => l.map((r) => ({ ...r })));
	out[0]!.unshift({ text: '[' });
	out[out.length - 1]!.push({ text: ']' });
	return out;
}

function noteSvg(l: number, t: number, w: number, h: number, lines: Line[]): string {
	return `<rect class="nt" x="${num(l)}" y="${num(t)}" width="${num(w)}" height="${num(h)}" rx="2"/>` + textBlock(lines, l + w / 2, t + h / 2);
}

function badgeSvg(cx: number, cy: number, n: number): string {
	return `<circle class="nb" cx="${num(cx)}" cy="${num(cy)}" r="9"/><text class="nbt" x="${num(cx)}" y="${num(cy + 4)}">${n}</text>`;
}

