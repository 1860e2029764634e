/**
 * Flowchart layout (dagre, compound graph for subgraphs) and SVG output.
 */
import dagre from '@dagrejs/dagre';
import { escapeHtml } from '../site/escape-html.ts';
import type { FlowEdge, FlowModel, FlowNode, Line } from './model.ts';
import { FIT_WIDTH } from './fit.ts';
import { shapeBox, shapeOutline, shapeSvg } from './shapes.ts';
import { wrapLines } from './text-metrics.ts';
import {
	basisPath,
	FONT_SIZE,
	insetEnd,
	insetStart,
	LINE_HEIGHT,
	MARKER_INSET,
	markerDefs,
	markerId,
	type MarkerKind,
	num,
	type Point,
	styleBlock,
	svgOpen,
	textBlock,
} from './svg.ts';

/** Label wrap widths: narrower when ranks run left to right, where width is what runs out; narrower still when compact. */
interface Sizes {
	node: { vertical: number; horizontal: number };
	edge: number;
	nodesep: number;
	/** Nodes that wrap at the NORMAL width: alone in their rank, they can be wider without widening the chart. */
	roomy?: ReadonlySet<string>;
}
const NORMAL: Sizes = { node: { vertical: 200, horizontal: 150 }, edge: 160, nodesep: 40 };
const COMPACT: Sizes = { node: { vertical: 130, horizontal: 110 }, edge: 110, nodesep: 24 };
const TITLE_MAX_TEXT = 260;
const CLUSTER_PAD = 12;
const MARGIN = 8;

interface NodeGeom {
	node: FlowNode;
	lines: Line[];
	textW: number;
	textH: number;
	w: number;
	h: number;
	/** Shift of the text centre from the node centre. */
	dx: number;
	dy: number;
	/** Ranks run left to right. */
	across: boolean;
	x: number;
	y: number;
}

function nodeSize(node: FlowNode, maxText: number, across: boolean): NodeGeom {
	const m = wrapLines(node.label.lines.length ? node.label.lines : [[]], maxText, FONT_SIZE, LINE_HEIGHT);
	const th = node.label.lines.length ? Math.max(m.height, LINE_HEIGHT) : 0;
	const box = shapeBox(node.shape, m.width, Math.max(th, LINE_HEIGHT), across);
	return { node, lines: m.lines, textW: m.width, textH: th, w: box.w, h: box.h, dx: box.dx, dy: box.dy, across, x: 0, y: 0 };
}

/** Where the ray from the node centre towards `toward` leaves the outline. */
function boundaryPoint(g: NodeGeom, toward: Point): Point {
	const poly = shapeOutline(g.node.shape, g.w, g.h, g.across);
	const dx = toward.x - g.x;
	const dy = toward.y - g.y;
	let best = Infinity;
	for (let i = 0; i < poly.length; i++) {
		const a = poly[i]!;
		const b = poly[(i + 1) % poly.length]!;
		// Solve centre + t*(dx,dy) = a + u*(b-a).
		const ex = b.x - a.x;
		const ey = b.y - a.y;
		const den = dx * ey - dy * ex;
		if (Math.abs(den) < 1e-9) continue;
		const t = (a.x * ey - a.y * ex) / den;
		const u = (a.x * dy - a.y * dx) / den;
		if (t > 1e-6 && u >= -1e-6 && u <= 1 + 1e-6) best = Math.min(best, t);
	}
	if (!isFinite(best) || best > 1) return toward;
	return { x: g.x + dx * best, y: g.y + dy * best };
}

function nodeSvg(g: NodeGeom): string {
	const body = shapeSvg(g.node.shape, g.x, g.y, g.w, g.h, g.across) + textBlock(g.lines, g.x + g.dx, g.y + g.dy, undefined, 'middle', `n:${g.node.id}`);
	const link = g.node.link;
	if (!link) return body;
	// A real link: keyboard-focusable, announced with the node's text; the tooltip becomes its <title>.
	return `<a class="lk" href="${escapeHtml(link.href)}">${link.tooltip ? `<title>${escapeHtml(link.tooltip)}</title>` : ''}${body}</a>`;
}

interface ClusterGeom {
	id: string;
	lines: Line[];
	titleW: number;
	titleH: number;
	box?: { l: number; t: number; r: number; b: number };
	depth: number;
	empty: boolean;
}

interface EdgeGeom {
	edge: FlowEdge;
	points: Point[];
	label?: { lines: Line[]; w: number; h: number; x: number; y: number };
}

export interface FlowRender {
	body: string;
	markers: Set<MarkerKind>;
	minX: number;
	minY: number;
	width: number;
	height: number;
}

function headMarker(h: FlowEdge['endHead']): MarkerKind | undefined {
	return h === 'arrow' ? 'arrow' : h === 'circle' ? 'circle' : h === 'cross' ? 'cross' : undefined;
}

export function layoutFlow(model: FlowModel, id: string, sizes: Sizes = NORMAL): FlowRender & { overlap: boolean; alone: string[] } {
	const horizontal = model.direction === 'LR' || model.direction === 'RL';
	let spacing = { nodesep: horizontal ? Math.min(30, sizes.nodesep) : sizes.nodesep, ranksep: horizontal ? 40 : 50 };
	let result: (FlowRender & { overlap: boolean; alone: string[] }) | undefined;
	for (let attempt = 0; attempt < 4; attempt++) {
		const r = tryLayout(model, id, spacing, sizes);
		result = { ...r.render, overlap: r.overlap, alone: r.alone };
		if (!r.overlap) break;
		spacing = { nodesep: spacing.nodesep + 25, ranksep: spacing.ranksep + 20 };
	}
	return result!;
}

function tryLayout(model: FlowModel, id: string, spacing: { nodesep: number; ranksep: number }, sizes: Sizes): { render: FlowRender; overlap: boolean; alone: string[] } {
	const horizontal = model.direction === 'LR' || model.direction === 'RL';
	const g = new dagre.graphlib.Graph({ compound: true, multigraph: true });
	g.setGraph({ rankdir: model.direction, nodesep: spacing.nodesep, ranksep: spacing.ranksep, edgesep: 20, marginx: 0, marginy: 0 });
	g.setDefaultEdgeLabel(() => ({}));

	const geoms = new Map<string, NodeGeom>();
	for (const n of model.nodes) {
		const wrap = sizes.roomy?.has(n.id) ? (horizontal ? NORMAL.node.horizontal : NORMAL.node.vertical) : horizontal ? sizes.node.horizontal : sizes.node.vertical;
		const geom = nodeSize(n, wrap, horizontal);
		geoms.set(n.id, geom);
		g.setNode(n.id, { width: geom.w, height: geom.h });
	}
	const clusters = new Map<string, ClusterGeom>();
	const children = new Map<string, string[]>();
	const depthOf = (cid: string): number => {
		let d = 0;
		for (let p = model.clusters.find((c) => c.id === cid)?.parent; p; p = model.clusters.find((c) => c.id === p)?.parent) d++;
		return d;
	};
	for (const c of model.clusters) {
		const m = wrapLines(c.title.lines.length ? c.title.lines : [[]], TITLE_MAX_TEXT, FONT_SIZE, LINE_HEIGHT);
		clusters.set(c.id, { id: c.id, lines: m.lines, titleW: m.width, titleH: c.title.plain.trim() ? m.height : 0, depth: depthOf(c.id), empty: false });
		children.set(c.id, []);
	}
	for (const c of model.clusters) if (c.parent) children.get(c.parent)?.push(c.id);
	for (const n of model.nodes) if (n.parent) children.get(n.parent)?.push(n.id);
	// Leaf descendants, to stand in for a subgraph as an edge end (dagre cannot attach edges to clusters).
	const firstLeaf = (cid: string): string | undefined => {
		for (const ch of children.get(cid) ?? []) {
			if (geoms.has(ch)) return ch;
			const leaf = firstLeaf(ch);
			if (leaf) return leaf;
		}
		return undefined;
	};
	for (const c of model.clusters) {
		const cg = clusters.get(c.id)!;
		if (!firstLeaf(c.id)) {
			// An empty subgraph is laid out as a plain box big enough for its title.
			cg.empty = true;
			g.setNode(c.id, { width: Math.max(cg.titleW + 2 * CLUSTER_PAD, 80), height: cg.titleH + 2 * CLUSTER_PAD + 16 });
		} else g.setNode(c.id, {});
	}
	for (const c of model.clusters) if (c.parent && !clusters.get(c.parent)!.empty) g.setParent(c.id, c.parent);
	for (const n of model.nodes) if (n.parent) g.setParent(n.id, n.parent);

	const endpoint = (ref: string): string => (clusters.has(ref) && !clusters.get(ref)!.empty ? (firstLeaf(ref) ?? ref) : ref);
	const reversed = feedbackEdges(model, endpoint);
	const edgeGeoms: EdgeGeom[] = [];
	model.edges.forEach((e, i) => {
		const label: Record<string, unknown> = { minlen: e.minlen };
		let lab: EdgeGeom['label'];
		if (e.label) {
			const m = wrapLines(e.label.lines, sizes.edge, FONT_SIZE, LINE_HEIGHT);
			lab = { lines: m.lines, w: m.width + 10, h: m.height + 4, x: 0, y: 0 };
			Object.assign(label, { width: lab.w, height: lab.h, labelpos: 'c' });
		}
		if (reversed.has(i)) g.setEdge(endpoint(e.to), endpoint(e.from), label, `e${i}`);
		else g.setEdge(endpoint(e.from), endpoint(e.to), label, `e${i}`);
		edgeGeoms.push({ edge: e, points: [], label: lab });
	});

	dagre.layout(g);

	for (const geom of geoms.values()) {
		const n = g.node(geom.node.id);
		geom.x = n.x;
		geom.y = n.y;
	}
	model.edges.forEach((e, i) => {
		const eg = edgeGeoms[i]!;
		const rev = reversed.has(i);
		const d = (rev ? g.edge(endpoint(e.to), endpoint(e.from), `e${i}`) : g.edge(endpoint(e.from), endpoint(e.to), `e${i}`)) as { points: Point[]; x?: number; y?: number };
		eg.points = d.points.map((p) => ({ x: p.x, y: p.y }));
		if (rev) eg.points.reverse();
		if (eg.label && d.x !== undefined && d.y !== undefined) {
			eg.label.x = d.x;
			eg.label.y = d.y;
		}
	});

	// Subgraph boxes: our own, from their members, with room for the title on top.
	const descendantsNodes = (cid: string): string[] => {
		const out: string[] = [];
		for (const ch of children.get(cid) ?? []) {
			if (geoms.has(ch)) out.push(ch);
			else out.push(...descendantsNodes(ch));
		}
		return out;
	};
	const inCluster = new Map<string, Set<string>>();
	for (const c of model.clusters) inCluster.set(c.id, new Set(descendantsNodes(c.id)));
	const byDepth = [...clusters.values()].sort((a, b) => b.depth - a.depth);
	for (const cg of byDepth) {
		if (cg.empty) {
			const n = g.node(cg.id);
			cg.box = { l: n.x - n.width / 2, t: n.y - n.height / 2, r: n.x + n.width / 2, b: n.y + n.height / 2 };
			continue;
		}
		let l = Infinity;
		let t = Infinity;
		let r = -Infinity;
		let b = -Infinity;
		const add = (x0: number, y0: number, x1: number, y1: number) => {
			l = Math.min(l, x0);
			t = Math.min(t, y0);
			r = Math.max(r, x1);
			b = Math.max(b, y1);
		};
		for (const ch of children.get(cg.id) ?? []) {
			const ng = geoms.get(ch);
			if (ng) add(ng.x - ng.w / 2, ng.y - ng.h / 2, ng.x + ng.w / 2, ng.y + ng.h / 2);
			const cb = clusters.get(ch)?.box;
			if (cb) add(cb.l, cb.t, cb.r, cb.b);
		}
		const members = inCluster.get(cg.id)!;
		for (const eg of edgeGeoms) {
			if (eg.label && members.has(eg.edge.from) && members.has(eg.edge.to)) {
				add(eg.label.x - eg.label.w / 2, eg.label.y - eg.label.h / 2, eg.label.x + eg.label.w / 2, eg.label.y + eg.label.h / 2);
			}
		}
		l -= CLUSTER_PAD;
		r += CLUSTER_PAD;
		b += CLUSTER_PAD;
		t -= CLUSTER_PAD + (cg.titleH ? cg.titleH + 4 : 0);
		const need = cg.titleW + 2 * CLUSTER_PAD;
		if (r - l < need) {
			const grow = (need - (r - l)) / 2;
			l -= grow;
			r += grow;
		}
		cg.box = { l, t, r, b };
	}

	// Edges: end points on the real outline, spread over the side facing the next rank.
	assignPorts(edgeGeoms, geoms, model.direction);
	// Subgraph ends: clipped where the edge crosses the subgraph border.
	for (const eg of edgeGeoms) {
		let pts = eg.points;
		const from = geoms.get(eg.edge.from);
		const to = geoms.get(eg.edge.to);
		const toBox = !to ? clusters.get(eg.edge.to)?.box : undefined;
		if (toBox && !clusters.get(eg.edge.to)!.empty) pts = clipInto(pts, toBox);
		const fromBox = !from ? clusters.get(eg.edge.from)?.box : undefined;
		if (fromBox && !clusters.get(eg.edge.from)!.empty) pts = clipInto([...pts].reverse(), fromBox).reverse();
		eg.points = pts;
	}

	// Overlap check: a subgraph box must not cover nodes or subgraphs it does not contain.
	let overlap = false;
	const hit = (a: { l: number; t: number; r: number; b: number }, b: { l: number; t: number; r: number; b: number }) =>
		a.l < b.r - 1 && b.l < a.r - 1 && a.t < b.b - 1 && b.t < a.b - 1;
	const clusterList = [...clusters.values()];
	const isAncestor = (anc: string, cid: string): boolean => {
		for (let p = model.clusters.find((c) => c.id === cid)?.parent; p; p = model.clusters.find((c) => c.id === p)?.parent) if (p === anc) return true;
		return false;
	};
	for (const cg of clusterList) {
		const members = inCluster.get(cg.id)!;
		for (const ng of geoms.values()) {
			if (members.has(ng.node.id)) continue;
			if (hit(cg.box!, { l: ng.x - ng.w / 2, t: ng.y - ng.h / 2, r: ng.x + ng.w / 2, b: ng.y + ng.h / 2 })) overlap = true;
		}
		for (const other of clusterList) {
			if (other === cg || isAncestor(cg.id, other.id) || isAncestor(other.id, cg.id)) continue;
			if (hit(cg.box!, other.box!)) overlap = true;
		}
	}

	// Output, bottom layer first.
	const parts: string[] = [];
	const markers = new Set<MarkerKind>();
	let l = Infinity;
	let t = Infinity;
	let r = -Infinity;
	let b = -Infinity;
	const add = (x0: number, y0: number, x1: number, y1: number) => {
		l = Math.min(l, x0);
		t = Math.min(t, y0);
		r = Math.max(r, x1);
		b = Math.max(b, y1);
	};
	const sortedClusters = [...clusters.values()].sort((a, c) => a.depth - c.depth);
	for (const cg of sortedClusters) {
		const bx = cg.box!;
		add(bx.l, bx.t, bx.r, bx.b);
		parts.push(`<rect class="c" x="${num(bx.l)}" y="${num(bx.t)}" width="${num(bx.r - bx.l)}" height="${num(bx.b - bx.t)}" rx="6"/>`);
		if (cg.titleH) parts.push(textBlock(cg.lines, (bx.l + bx.r) / 2, bx.t + CLUSTER_PAD / 2 + 2 + cg.titleH / 2, 'ct', 'middle', `c:${cg.id}`));
	}
	for (const eg of edgeGeoms) {
		for (const p of eg.points) add(p.x, p.y, p.x, p.y);
		if (eg.edge.stroke === 'invisible') continue;
		const sm = headMarker(eg.edge.startHead);
		const em = headMarker(eg.edge.endHead);
		let pts = eg.points;
		if (em) pts = insetEnd(pts, MARKER_INSET);
		if (sm) pts = insetStart(pts, MARKER_INSET);
		const cls = `e${eg.edge.stroke === 'dotted' ? ' d' : eg.edge.stroke === 'thick' ? ' k' : ''}`;
		let attrs = '';
		if (sm) {
			markers.add(sm);
			attrs += ` marker-start="url(#${markerId(id, sm)})"`;
		}
		if (em) {
			markers.add(em);
			attrs += ` marker-end="url(#${markerId(id, em)})"`;
		}
		parts.push(`<path class="${cls}" d="${basisPath(pts)}"${attrs}/>`);
	}
	for (const [i, eg] of edgeGeoms.entries()) {
		if (!eg.label || eg.edge.stroke === 'invisible') continue;
		const lb = eg.label;
		add(lb.x - lb.w / 2, lb.y - lb.h / 2, lb.x + lb.w / 2, lb.y + lb.h / 2);
		parts.push(`<rect class="lb" x="${num(lb.x - lb.w / 2)}" y="${num(lb.y - lb.h / 2)}" width="${num(lb.w)}" height="${num(lb.h)}" rx="3"/>`);
		parts.push(textBlock(lb.lines, lb.x, lb.y, 'lt', 'middle', `e:${i}`));
	}
	for (const geom of geoms.values()) {
		add(geom.x - geom.w / 2, geom.y - geom.h / 2, geom.x + geom.w / 2, geom.y + geom.h / 2);
		parts.push(nodeSvg(geom));
	}
	if (!isFinite(l)) {
		l = t = 0;
		r = b = 40;
	}
	if (model.title) {
		const m = wrapLines([[{ text: model.title }]], Math.max(r - l, TITLE_MAX_TEXT), 16, 22);
		const th = m.lines.length * 22;
		const cx = (l + r) / 2;
		const top = t - th - 10;
		parts.unshift(
			`<text class="tt" data-l="t">${m.lines.map((line, i) => `<tspan x="${num(cx)}" y="${num(top + i * 22 + 11 + 5.6)}">${escapeHtml(line.map((x) => x.text).join(''))}</tspan>`).join('')}</text>`,
		);
		add(cx - m.width / 2, top, cx + m.width / 2, t);
	}
	// Nodes with no other node beside them across the flow (same rank band).
	const all = [...geoms.values()];
	const span = (ng: NodeGeom) => (horizontal ? [ng.x - ng.w / 2, ng.x + ng.w / 2] : [ng.y - ng.h / 2, ng.y + ng.h / 2]);
	const alone = all.filter((a) => all.every((o) => o === a || span(o)[1] <= span(a)[0] || span(a)[1] <= span(o)[0])).map((a) => a.node.id);
	return {
		render: { body: parts.join(''), markers, minX: l - MARGIN, minY: t - MARGIN, width: r - l + 2 * MARGIN, height: b - t + 2 * MARGIN },
		overlap,
		alone,
	};
}

/**
 * Edge ends on the side of a node that faces the neighbouring rank are spread evenly along that
 * side (sorted by where each edge heads), and leave/enter square to it through a short stub, so
 * fan-outs do not start from one point and arrowheads line up with the flow. Other ends (same
 * rank, self loops) just meet the outline on the way to their neighbouring point.
 */
function assignPorts(edges: EdgeGeom[], geoms: Map<string, NodeGeom>, direction: FlowModel['direction']): void {
	const horizontal = direction === 'LR' || direction === 'RL';
	const along = (p: Point) => (horizontal ? p.x : p.y);
	const across = (p: Point) => (horizontal ? p.y : p.x);
	const make = (a: number, c: number): Point => (horizontal ? { x: a, y: c } : { x: c, y: a });
	interface End {
		eg: EdgeGeom;
		start: boolean;
		node: NodeGeom;
		neighbour: Point;
		sign: number;
	}
	const groups = new Map<string, End[]>();
	for (const eg of edges) {
		const pts = eg.points;
		if (pts.length < 2) continue;
		const ends: [boolean, NodeGeom | undefined, Point][] = [
			[true, geoms.get(eg.edge.from), pts[1]!],
			[false, geoms.get(eg.edge.to), pts[pts.length - 2]!],
		];
		for (const [start, node, neighbour] of ends) {
			if (!node) continue;
			const half = (horizontal ? node.w : node.h) / 2;
			const d = along(neighbour) - along(node);
			const sign = eg.edge.from === eg.edge.to || Math.abs(d) <= half + 1 ? 0 : Math.sign(d);
			if (sign === 0) {
				const i = start ? 0 : pts.length - 1;
				pts[i] = boundaryPoint(node, pts.length > 2 ? neighbour : pts[start ? pts.length - 1 : 0]!);
				continue;
			}
			const key = `${node.node.id}\0${sign}`;
			if (!groups.has(key)) groups.set(key, []);
			groups.get(key)!.push({ eg, start, node, neighbour, sign });
		}
	}
	for (const group of groups.values()) {
		group.sort((a, b) => across(a.neighbour) - across(b.neighbour));
		const node = group[0]!.node;
		const sideLength = horizontal ? node.h : node.w;
		const n = group.length;
		const step = n > 1 ? Math.min(16, (sideLength * 0.6) / (n - 1)) : 0;
		group.forEach((end, i) => {
			const offset = (i - (n - 1) / 2) * step;
			const half = (horizontal ? node.w : node.h) / 2;
			// Aim well past the side so the ray from the centre leaves through it.
			const aim = make(along(node) + end.sign * half * 4, across(node) + offset * 4);
			const port = boundaryPoint(node, aim);
			const stub = make(along(port) + end.sign * 10, across(port));
			const pts = end.eg.points;
			if (end.start) end.eg.points = [port, stub, ...pts.slice(1)];
			else end.eg.points = [...pts.slice(0, -1), stub, port];
		});
	}
}

/**
 * Breaks cycles the way the author reads the chart: depth-first from nodes in source order, so
 * a feedback link (`serve -.-> logs`) is the one drawn backwards, not the main flow. Dagre's own
 * cycle breaking starts from source-less nodes and can flip a whole chain instead.
 */
function feedbackEdges(model: FlowModel, endpoint: (ref: string) => string): Set<number> {
	const out = new Map<string, { to: string; i: number }[]>();
	model.edges.forEach((e, i) => {
		const from = endpoint(e.from);
		const to = endpoint(e.to);
		if (from === to) return;
		if (!out.has(from)) out.set(from, []);
		out.get(from)!.push({ to, i });
	});
	const back = new Set<number>();
	const state = new Map<string, 1 | 2>(); // 1 = on the stack, 2 = done
	const visit = (v: string) => {
		state.set(v, 1);
		for (const { to, i } of out.get(v) ?? []) {
			const s = state.get(to);
			if (s === 1) back.add(i);
			else if (s === undefined) visit(to);
		}
		state.set(v, 2);
	};
	const order = [...model.nodes.map((n) => n.id), ...model.clusters.map((c) => c.id)].map(endpoint);
	for (const v of order) if (!state.has(v)) visit(v);
	return back;
}

/** Cuts a polyline where it first enters `box` (the polyline ends inside it). */
function clipInto(pts: Point[], box: { l: number; t: number; r: number; b: number }): Point[] {
	const inside = (p: Point) => p.x > box.l && p.x < box.r && p.y > box.t && p.y < box.b;
	if (pts.length < 2 || inside(pts[0]!)) return pts;
	for (let i = 0; i < pts.length - 1; i++) {
		const a = pts[i]!;
		const c = pts[i + 1]!;
		if (!inside(a) && inside(c)) {
			// Binary search the crossing on segment a→c.
			let lo = 0;
			let hi = 1;
			for (let k = 0; k < 30; k++) {
				const mid = (lo + hi) / 2;
				if (inside({ x: a.x + (c.x - a.x) * mid, y: a.y + (c.y - a.y) * mid })) hi = mid;
				else lo = mid;
			}
			return [...pts.slice(0, i + 1), { x: a.x + (c.x - a.x) * hi, y: a.y + (c.y - a.y) * hi }];
		}
	}
	return pts;
}

/** A drawn flowchart: the SVG, its natural width, and the direction it was drawn in. */
export interface FlowSvg {
	svg: string;
	width: number;
	direction: FlowModel['direction'];
}

/**
 * Draws the chart as written if it fits the page column (fit.ts); otherwise a wide left-to-right
 * chart is turned top to bottom, then labels wrap narrower, and the narrowest try is kept.
 */
export function renderFlowSvg(model: FlowModel, id: string, title: string, desc: string): FlowSvg {
	const turned: FlowModel['direction'] = model.direction === 'RL' ? 'BT' : 'TB';
	const tries: [FlowModel['direction'], Sizes][] = [[model.direction, NORMAL]];
	if (model.direction === 'LR' || model.direction === 'RL') tries.push([turned, NORMAL]);
	tries.push([tries[tries.length - 1]![0], COMPACT]);
	let best: { r: FlowRender & { overlap: boolean; alone: string[] }; direction: FlowModel['direction']; sizes: Sizes } | undefined;
	// Better: no subgraph box over another's nodes, then narrower.
	const better = (a: FlowRender & { overlap: boolean }, b: FlowRender & { overlap: boolean }) => (a.overlap !== b.overlap ? !a.overlap : a.width < b.width);
	for (const [direction, sizes] of tries) {
		const r = layoutFlow({ ...model, direction }, id, sizes);
		if (!best || better(r, best.r)) best = { r, direction, sizes };
		if (r.width <= FIT_WIDTH && !r.overlap) break;
	}
	// Compact wrapping makes lone nodes tall (a page-high chart cannot print whole); they wrap at the normal width when that keeps the chart as narrow.
	if (best!.sizes === COMPACT && best!.r.alone.length > 0) {
		const r = layoutFlow({ ...model, direction: best!.direction }, id, { ...COMPACT, roomy: new Set(best!.r.alone) });
		if (!r.overlap && r.width <= Math.max(best!.r.width, FIT_WIDTH) && r.height < best!.r.height) best = { r, direction: best!.direction, sizes: COMPACT };
	}
	const { r, direction } = best!;
	const svg =
		svgOpen({ id, minX: r.minX, minY: r.minY, width: r.width, height: r.height, title, desc, kind: 'flowchart', links: model.nodes.some((n) => n.link) }) +
		styleBlock(id) +
		markerDefs(id, r.markers) +
		r.body +
		'</svg>';
	return { svg, width: r.width, direction };
}
