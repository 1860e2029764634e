/**
 * The flowchart shape catalogue: mermaid's shape names → our shapes, and for each shape its
 * size around a label, its outline (where edges end) and its SVG.
 *
 * Mermaid draws some small shapes (start/stop circles, fork bar, junction, bolt, hourglass,
 * crossed circle) without their label; we draw the glyph with the label underneath, so no
 * label is ever dropped.
 */
import type { NodeShape } from './model.ts';
import { num, type Point } from './svg.ts';

/** Mermaid shape names (classic syntax types and `@{ shape: … }` names and aliases) → our shapes. */
export const SHAPES: Record<string, NodeShape> = {};
const alias = (shape: NodeShape, names: string[]) => names.forEach((n) => (SHAPES[n] = shape));
alias('rect', ['square', 'rect', 'proc', 'process', 'rectangle', 'squareRect']);
alias('round', ['round', 'rounded', 'event', 'roundedRect']);
alias('stadium', ['stadium', 'terminal', 'pill']);
alias('subroutine', ['subroutine', 'fr-rect', 'subprocess', 'subproc', 'framed-rectangle']);
alias('cylinder', ['cylinder', 'cyl', 'db', 'database']);
alias('circle', ['circle', 'circ']);
alias('doublecircle', ['doublecircle', 'dbl-circ', 'double-circle']);
alias('ellipse', ['ellipse']);
alias('diamond', ['diamond', 'diam', 'decision', 'question']);
alias('hexagon', ['hexagon', 'hex', 'prepare']);
alias('lean_right', ['lean_right', 'lean-r', 'lean-right', 'in-out']);
alias('lean_left', ['lean_left', 'lean-l', 'lean-left', 'out-in']);
alias('trapezoid', ['trapezoid', 'trap-b', 'priority', 'trapezoid-bottom']);
alias('inv_trapezoid', ['inv_trapezoid', 'trap-t', 'manual', 'trapezoid-top', 'inv-trapezoid']);
alias('odd', ['odd', 'rect_left_inv_arrow']);
alias('text', ['text']);
alias('datastore', ['datastore', 'data-store']);
alias('card', ['notch-rect', 'card', 'notched-rectangle']);
alias('lined_rect', ['lin-rect', 'lined-rectangle', 'lined-process', 'lin-proc', 'shaded-process']);
alias('small_circle', ['sm-circ', 'start', 'small-circle', 'stateStart']);
alias('framed_circle', ['fr-circ', 'stop', 'framed-circle', 'stateEnd']);
alias('fork', ['fork', 'join', 'forkJoin']);
alias('hourglass', ['hourglass', 'collate']);
alias('brace_l', ['brace', 'comment', 'brace-l']);
alias('brace_r', ['brace-r']);
alias('braces', ['braces']);
alias('bolt', ['bolt', 'com-link', 'lightning-bolt']);
alias('document', ['doc', 'document']);
alias('delay', ['delay', 'half-rounded-rectangle']);
alias('h_cylinder', ['h-cyl', 'das', 'horizontal-cylinder']);
alias('lined_cylinder', ['lin-cyl', 'disk', 'lined-cylinder']);
alias('display', ['curv-trap', 'curved-trapezoid', 'display']);
alias('divided_rect', ['div-rect', 'div-proc', 'divided-rectangle', 'divided-process']);
alias('triangle', ['tri', 'extract', 'triangle']);
alias('window_pane', ['win-pane', 'internal-storage', 'window-pane']);
alias('junction', ['f-circ', 'junction', 'filled-circle']);
alias('lined_document', ['lin-doc', 'lined-document']);
alias('loop_limit', ['notch-pent', 'loop-limit', 'notched-pentagon']);
alias('flipped_triangle', ['flip-tri', 'manual-file', 'flipped-triangle']);
alias('sloped_rect', ['sl-rect', 'manual-input', 'sloped-rectangle']);
alias('documents', ['docs', 'documents', 'st-doc', 'stacked-document']);
alias('processes', ['st-rect', 'procs', 'processes', 'stacked-rectangle']);
alias('paper_tape', ['flag', 'paper-tape']);
alias('stored_data', ['bow-rect', 'stored-data', 'bow-tie-rectangle']);
alias('crossed_circle', ['cross-circ', 'summary', 'crossed-circle']);
alias('tagged_document', ['tag-doc', 'tagged-document']);
alias('tagged_rect', ['tag-rect', 'tagged-rectangle', 'tag-proc', 'tagged-process']);

/** Shapes drawn as a small glyph with the label underneath. */
const GLYPH: Partial<Record<NodeShape, { w: number; h: number }>> = {
	small_circle: { w: 16, h: 16 },
	framed_circle: { w: 22, h: 22 },
	junction: { w: 14, h: 14 },
	fork: { w: 70, h: 10 },
	bolt: { w: 20, h: 32 },
	hourglass: { w: 30, h: 30 },
	crossed_circle: { w: 30, h: 30 },
};
const GLYPH_GAP = 4;

export const PAD_X = 14;
export const PAD_Y = 9;
/** Height of the wave on document-like shapes. */
const WAVE = 10;

export interface ShapeBox {
	w: number;
	h: number;
	/** Offset of the label centre from the node centre. */
	dx: number;
	dy: number;
}

export function cylRy(w: number): number {
	return Math.min(10, Math.max(5, w / 14));
}

/** The node's size around a label of tw × th px. `across` is true when ranks run left to right (a fork bar then stands upright). */
export function shapeBox(shape: NodeShape, tw: number, th: number, across = false): ShapeBox {
	let w = tw + 2 * PAD_X;
	let h = th + 2 * PAD_Y;
	let dx = 0;
	let dy = 0;
	const glyph = GLYPH[shape];
	if (glyph) {
		const g = glyphSize(shape, across);
		const labelH = th > 0 ? th + GLYPH_GAP : 0;
		return { w: Math.max(g.w, tw + 4), h: g.h + labelH, dx: 0, dy: (g.h + labelH) / 2 - th / 2 };
	}
	switch (shape) {
		case 'subroutine':
			w += 16;
			break;
		case 'stadium':
			w = tw + h + 8;
			break;
		case 'cylinder':
			h += 2 * cylRy(w);
			dy = cylRy(w) / 2;
			break;
		case 'lined_cylinder':
			h += 2 * cylRy(w) + 6;
			dy = cylRy(w) / 2 + 3;
			break;
		case 'h_cylinder':
			w += 2 * Math.min(10, h / 4);
			dx = -Math.min(10, h / 4) / 2;
			break;
		case 'circle':
		case 'doublecircle': {
			const d = Math.max(Math.hypot(tw, th) + 14, 40);
			w = h = d + (shape === 'doublecircle' ? 10 : 0);
			break;
		}
		case 'ellipse':
			w *= 1.3;
			h *= 1.3;
			break;
		case 'diamond': {
			const bw = tw + 16;
			const bh = th + 8;
			const b = Math.max(bh, 28);
			w = (2 * bw) / (2 * (1 - bh / (2 * b)));
			h = 2 * b;
			break;
		}
		case 'hexagon':
			w += h / 2;
			break;
		case 'lean_right':
		case 'lean_left':
			w += h * 0.4;
			break;
		case 'trapezoid':
		case 'inv_trapezoid':
			w += h * 0.7;
			break;
		case 'odd':
			w += h / 3;
			dx = h / 6;
			break;
		case 'card':
		case 'loop_limit':
			w += 12;
			break;
		case 'lined_rect':
			w += 12;
			dx = 5;
			break;
		case 'brace_l':
		case 'brace_r':
			w += 10;
			dx = shape === 'brace_l' ? 5 : -5;
			break;
		case 'braces':
			w += 20;
			break;
		case 'document':
		case 'tagged_document':
			h += WAVE;
			dy = -WAVE / 2;
			break;
		case 'lined_document':
			h += WAVE;
			w += 10;
			dx = 5;
			dy = -WAVE / 2;
			break;
		case 'documents':
			w += 10;
			h += WAVE + 10;
			dx = -5;
			dy = -WAVE / 2 + 5;
			break;
		case 'processes':
			w += 8;
			h += 8;
			dx = -4;
			dy = 4;
			break;
		case 'paper_tape':
			h += 2 * WAVE;
			break;
		case 'delay':
			w += h / 2;
			dx = -h / 4;
			break;
		case 'display':
			w += h * 0.6;
			dx = h * 0.05;
			break;
		case 'divided_rect':
			h += 10;
			dy = 5;
			break;
		case 'window_pane':
			w += 10;
			h += 10;
			dx = 5;
			dy = 5;
			break;
		case 'sloped_rect':
			h += 12;
			dy = 6;
			break;
		case 'stored_data':
			w += 2 * h * 0.2;
			break;
		case 'triangle':
		case 'flipped_triangle': {
			// The label sits in the wide half; at its far edge the triangle is still tw + 2·PAD_X wide.
			w = 2 * (tw + 2 * PAD_X);
			h = 2 * (th + PAD_Y) + 8;
			const off = h / 2 - PAD_Y - th / 2;
			dy = shape === 'triangle' ? off : -off;
			break;
		}
		case 'tagged_rect':
			break;
		default:
			break;
	}
	return { w: Math.max(w, 40), h, dx, dy };
}

function glyphSize(shape: NodeShape, across: boolean): { w: number; h: number } {
	const g = GLYPH[shape]!;
	return shape === 'fork' && across ? { w: g.h, h: g.w } : g;
}

/** The outline as a polygon relative to the centre, for edge end points. */
export function shapeOutline(shape: NodeShape, w: number, h: number, across = false): Point[] {
	const hw = w / 2;
	const hh = h / 2;
	const rect: Point[] = [{ x: -hw, y: -hh }, { x: hw, y: -hh }, { x: hw, y: hh }, { x: -hw, y: hh }];
	const ellipse = (rx: number, ry: number, cx = 0, from = 0, to = 2 * Math.PI, n = 32, cy = 0): Point[] => {
		const pts: Point[] = [];
		for (let i = 0; i <= n; i++) {
			const t = from + ((to - from) * i) / n;
			pts.push({ x: cx + rx * Math.cos(t), y: cy + ry * Math.sin(t) });
		}
		return pts;
	};
	if (GLYPH[shape]) {
		// Edges meet the glyph from above and the label box from below.
		const g = glyphSize(shape, across);
		const top = -hh;
		return [{ x: -g.w / 2, y: top }, { x: g.w / 2, y: top }, { x: g.w / 2, y: top + g.h }, { x: hw, y: top + g.h }, { x: hw, y: hh }, { x: -hw, y: hh }, { x: -hw, y: top + g.h }, { x: -g.w / 2, y: top + g.h }];
	}
	switch (shape) {
		case 'circle':
		case 'doublecircle':
		case 'ellipse':
			return ellipse(hw, hh);
		case 'stadium':
			return [...ellipse(hh, hh, hw - hh, -Math.PI / 2, Math.PI / 2, 12), ...ellipse(hh, hh, -(hw - hh), Math.PI / 2, (3 * Math.PI) / 2, 12)];
		case 'diamond':
			return [{ x: 0, y: -hh }, { x: hw, y: 0 }, { x: 0, y: hh }, { x: -hw, y: 0 }];
		case 'hexagon': {
			const d = h / 4;
			return [{ x: -hw + d, y: -hh }, { x: hw - d, y: -hh }, { x: hw, y: 0 }, { x: hw - d, y: hh }, { x: -hw + d, y: hh }, { x: -hw, y: 0 }];
		}
		case 'lean_right': {
			const s = h * 0.4;
			return [{ x: -hw + s, y: -hh }, { x: hw, y: -hh }, { x: hw - s, y: hh }, { x: -hw, y: hh }];
		}
		case 'lean_left': {
			const s = h * 0.4;
			return [{ x: -hw, y: -hh }, { x: hw - s, y: -hh }, { x: hw, y: hh }, { x: -hw + s, y: hh }];
		}
		case 'trapezoid': {
			const s = h * 0.35;
			return [{ x: -hw + s, y: -hh }, { x: hw - s, y: -hh }, { x: hw, y: hh }, { x: -hw, y: hh }];
		}
		case 'inv_trapezoid': {
			const s = h * 0.35;
			return [{ x: -hw, y: -hh }, { x: hw, y: -hh }, { x: hw - s, y: hh }, { x: -hw + s, y: hh }];
		}
		case 'odd': {
			const s = h / 3;
			return [{ x: -hw, y: -hh }, { x: hw, y: -hh }, { x: hw, y: hh }, { x: -hw, y: hh }, { x: -hw + s, y: 0 }];
		}
		case 'card':
			return [{ x: -hw + 12, y: -hh }, { x: hw, y: -hh }, { x: hw, y: hh }, { x: -hw, y: hh }, { x: -hw, y: -hh + 12 }];
		case 'loop_limit':
			return [{ x: -hw + 12, y: -hh }, { x: hw - 12, y: -hh }, { x: hw, y: -hh + 12 }, { x: hw, y: hh }, { x: -hw, y: hh }, { x: -hw, y: -hh + 12 }];
		case 'triangle':
			return [{ x: 0, y: -hh }, { x: hw, y: hh }, { x: -hw, y: hh }];
		case 'flipped_triangle':
			return [{ x: -hw, y: -hh }, { x: hw, y: -hh }, { x: 0, y: hh }];
		case 'sloped_rect':
			return [{ x: -hw, y: -hh + 12 }, { x: hw, y: -hh }, { x: hw, y: hh }, { x: -hw, y: hh }];
		case 'delay':
			return [{ x: -hw, y: -hh }, ...ellipse(hh, hh, hw - hh, -Math.PI / 2, Math.PI / 2, 12), { x: -hw, y: hh }];
		default:
			return rect;
	}
}

/** A wavy line from (x0, y) to (x1, y): one full sine period, amplitude a. */
function wave(x0: number, x1: number, y: number, a: number): string {
	const q = (x1 - x0) / 4;
	return `C${num(x0 + q)} ${num(y + a * 2)} ${num(x0 + q)} ${num(y + a * 2)} ${num(x0 + 2 * q)} ${num(y)}S${num(x1 - q + 0)} ${num(y - a * 2)} ${num(x1)} ${num(y)}`;
}

function poly(pts: Point[], x: number, y: number, cls = 'n'): string {
	return `<path class="${cls}" d="M${pts.map((p) => `${num(x + p.x)} ${num(y + p.y)}`).join('L')}z"/>`;
}

/** The shape's SVG, centred on (x, y); the label is drawn separately. */
export function shapeSvg(shape: NodeShape, x: number, y: number, w: number, h: number, across = false): string {
	const l = x - w / 2;
	const t = y - h / 2;
	const r = l + w;
	const b = t + h;
	const rect = (rx: number, cls = 'n', x0 = l, y0 = t, ww = w, hh = h) => `<rect class="${cls}" x="${num(x0)}" y="${num(y0)}" width="${num(ww)}" height="${num(hh)}" rx="${rx}"/>`;
	const line = (d: string) => `<path class="nl" d="${d}"/>`;
	const docPath = (l0: number, t0: number, r0: number, b0: number) => `M${num(l0)} ${num(t0)}H${num(r0)}V${num(b0 - WAVE / 2)}${wave(r0, l0, b0 - WAVE / 2, WAVE / 4)}z`;
	if (GLYPH[shape]) {
		const g = glyphSize(shape, across);
		const cx = x;
		const cy = t + g.h / 2;
		switch (shape) {
			case 'small_circle':
				return `<circle class="nk" cx="${num(cx)}" cy="${num(cy)}" r="${num(g.w / 2)}"/>`;
			case 'framed_circle':
				return `<circle class="n" cx="${num(cx)}" cy="${num(cy)}" r="${num(g.w / 2)}"/><circle class="nk" cx="${num(cx)}" cy="${num(cy)}" r="${num(g.w / 2 - 5)}"/>`;
			case 'junction':
				return `<circle class="nk" cx="${num(cx)}" cy="${num(cy)}" r="${num(g.w / 2)}"/>`;
			case 'fork':
				return rect(2, 'nk', cx - g.w / 2, t, g.w, g.h);
			case 'bolt': {
				const pts = [
					{ x: 4, y: -16 },
					{ x: -7, y: 2 },
					{ x: 1, y: 2 },
					{ x: -4, y: 16 },
					{ x: 8, y: -3 },
					{ x: 0, y: -3 },
				];
				return poly(pts, cx, cy);
			}
			case 'hourglass': {
				const s = g.w / 2;
				return poly([{ x: -s, y: -s }, { x: s, y: -s }, { x: -s, y: s }, { x: s, y: s }], cx, cy);
			}
			case 'crossed_circle': {
				const rr = g.w / 2;
				const d = rr * Math.SQRT1_2;
				return `<circle class="n" cx="${num(cx)}" cy="${num(cy)}" r="${num(rr)}"/>` + line(`M${num(cx - d)} ${num(cy - d)}L${num(cx + d)} ${num(cy + d)}M${num(cx + d)} ${num(cy - d)}L${num(cx - d)} ${num(cy + d)}`);
			}
		}
	}
	switch (shape) {
		case 'rect':
			return rect(4);
		case 'round':
			return rect(12);
		case 'stadium':
			return rect(h / 2);
		case 'subroutine':
			return rect(2) + line(`M${num(l + 8)} ${num(t)}v${num(h)}M${num(r - 8)} ${num(t)}v${num(h)}`);
		case 'lined_rect':
			return rect(2) + line(`M${num(l + 10)} ${num(t)}v${num(h)}`);
		case 'tagged_rect':
			return rect(2) + `<path class="nk" d="M${num(r)} ${num(b - 12)}V${num(b)}H${num(r - 12)}z"/>`;
		case 'divided_rect':
			return rect(2) + line(`M${num(l)} ${num(t + 12)}H${num(r)}`);
		case 'window_pane':
			return rect(2) + line(`M${num(l + 10)} ${num(t)}V${num(b)}M${num(l)} ${num(t + 10)}H${num(r)}`);
		case 'datastore':
			// Open at the sides, as a data-flow diagram draws it.
			return rect(0, 'nf') + line(`M${num(l)} ${num(t)}H${num(r)}M${num(l)} ${num(b)}H${num(r)}`);
		case 'processes':
			return rect(2, 'n', l + 8, t, w - 8, h - 8) + rect(2, 'n', l + 4, t + 4, w - 8, h - 8) + rect(2, 'n', l, t + 8, w - 8, h - 8);
		case 'cylinder':
		case 'lined_cylinder': {
			const ry = cylRy(w);
			const rx = w / 2;
			return (
				`<path class="n" d="M${num(l)} ${num(t + ry)}a${num(rx)} ${num(ry)} 0 0 1 ${num(w)} 0v${num(h - 2 * ry)}a${num(rx)} ${num(ry)} 0 0 1 ${num(-w)} 0z"/>` +
				line(`M${num(l)} ${num(t + ry)}a${num(rx)} ${num(ry)} 0 0 0 ${num(w)} 0${shape === 'lined_cylinder' ? `M${num(l)} ${num(t + ry + 6)}a${num(rx)} ${num(ry)} 0 0 0 ${num(w)} 0` : ''}`)
			);
		}
		case 'h_cylinder': {
			const rx = Math.min(10, h / 4);
			const ry = h / 2;
			return (
				`<path class="n" d="M${num(l + rx)} ${num(t)}H${num(r - rx)}a${num(rx)} ${num(ry)} 0 0 1 0 ${num(h)}H${num(l + rx)}a${num(rx)} ${num(ry)} 0 0 1 0 ${num(-h)}z"/>` +
				line(`M${num(r - rx)} ${num(t)}a${num(rx)} ${num(ry)} 0 0 0 0 ${num(h)}`)
			);
		}
		case 'circle':
			return `<circle class="n" cx="${num(x)}" cy="${num(y)}" r="${num(w / 2)}"/>`;
		case 'doublecircle':
			return `<circle class="n" cx="${num(x)}" cy="${num(y)}" r="${num(w / 2)}"/><circle class="nl" cx="${num(x)}" cy="${num(y)}" r="${num(w / 2 - 5)}"/>`;
		case 'ellipse':
			return `<ellipse class="n" cx="${num(x)}" cy="${num(y)}" rx="${num(w / 2)}" ry="${num(h / 2)}"/>`;
		case 'text':
			return '';
		case 'brace_l':
		case 'brace_r':
		case 'braces': {
			const brace = (bx: number, dir: 1 | -1) => {
				const k = 6 * dir;
				const m = (t + b) / 2;
				return `M${num(bx + k)} ${num(t)}Q${num(bx)} ${num(t)} ${num(bx)} ${num(t + 8)}V${num(m - 6)}Q${num(bx)} ${num(m)} ${num(bx - k)} ${num(m)}Q${num(bx)} ${num(m)} ${num(bx)} ${num(m + 6)}V${num(b - 8)}Q${num(bx)} ${num(b)} ${num(bx + k)} ${num(b)}`;
			};
			const d = [shape !== 'brace_r' ? brace(l + 6, 1) : '', shape !== 'brace_l' ? brace(r - 6, -1) : ''].join('');
			return `<rect class="nf" x="${num(l)}" y="${num(t)}" width="${num(w)}" height="${num(h)}" opacity=".35"/>` + line(d);
		}
		case 'document':
			return `<path class="n" d="${docPath(l, t, r, b)}"/>`;
		case 'lined_document':
			return `<path class="n" d="${docPath(l, t, r, b)}"/>` + line(`M${num(l + 10)} ${num(t)}V${num(b - 4)}`);
		case 'tagged_document':
			return `<path class="n" d="${docPath(l, t, r, b)}"/><path class="nk" d="M${num(r)} ${num(b - WAVE - 14)}V${num(b - WAVE / 2)}L${num(r - 14)} ${num(b - WAVE / 2 + 2)}z"/>`;
		case 'documents':
			return `<path class="n" d="${docPath(l + 10, t, r, b - 10)}"/><path class="n" d="${docPath(l + 5, t + 5, r - 5, b - 5)}"/><path class="n" d="${docPath(l, t + 10, r - 10, b)}"/>`;
		case 'paper_tape':
			return `<path class="n" d="M${num(l)} ${num(t + WAVE)}${wave(l, r, t + WAVE, WAVE / 4)}V${num(b - WAVE)}${wave(r, l, b - WAVE, WAVE / 4)}z"/>`;
		case 'delay':
			return `<path class="n" d="M${num(l)} ${num(t)}H${num(r - h / 2)}a${num(h / 2)} ${num(h / 2)} 0 0 1 0 ${num(h)}H${num(l)}z"/>`;
		case 'display': {
			const c = h * 0.3;
			const m = (t + b) / 2;
			return `<path class="n" d="M${num(l)} ${num(m)}L${num(l + c)} ${num(t)}H${num(r - c)}Q${num(r)} ${num(t)} ${num(r)} ${num(m)}Q${num(r)} ${num(b)} ${num(r - c)} ${num(b)}H${num(l + c)}z"/>`;
		}
		case 'sloped_rect':
			return poly(shapeOutline(shape, w, h), x, y);
		case 'stored_data': {
			const c = h * 0.2;
			const m = (t + b) / 2;
			return `<path class="n" d="M${num(l + c)} ${num(t)}H${num(r)}Q${num(r - 2 * c)} ${num(m)} ${num(r)} ${num(b)}H${num(l + c)}Q${num(l - c)} ${num(m)} ${num(l + c)} ${num(t)}z"/>`;
		}
		default:
			return poly(shapeOutline(shape, w, h), x, y);
	}
}
