/**
 * Small helpers for writing SVG by hand (text is escaped by the project's one escaper,
 * src/lib/site/escape-html.ts): number formatting, text blocks, markers and
 * the themed stylesheet. Colours come from Starlight's CSS variables so the diagram follows the
 * site's light/dark theme (and Starlight's print stylesheet, which forces light colours); the
 * fallbacks are Starlight's light-theme values, for SVGs viewed on their own.
 */
import { escapeHtml } from '../site/escape-html.ts';
import type { Line } from './model.ts';

export const FONT_SIZE = 14;
export const LINE_HEIGHT = 18;
export const FONT_FAMILY = `-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue","Noto Sans",Arial,sans-serif`;

/** Offset from a line's vertical centre to its baseline, for a typical sans-serif. */
const BASELINE = 0.35 * FONT_SIZE;

/** Number for an attribute: at most one decimal, no trailing zeros. */
export function num(x: number): string {
	const r = Math.round(x * 10) / 10;
	return Object.is(r, -0) ? '0' : String(r);
}

export function runsToSvg(line: Line): string {
	return line
		.map((r) => {
			const t = escapeHtml(r.text);
			if (!r.bold && !r.italic) return t;
			return `<tspan${r.bold ? ' font-weight="bold"' : ''}${r.italic ? ' font-style="italic"' : ''}>${t}</tspan>`;
		})
		.join('');
}

/**
 * A block of lines centred on (cx, cy) — or starting at x when anchor is "start".
 * Each line is its own positioned tspan so no `dominant-baseline` support is needed.
 * `key` names what the text labels (`n:A` node A, `e:2` third edge, …) for the label check (verify.ts).
 */
export function textBlock(lines: Line[], cx: number, cy: number, cls?: string, anchor: 'middle' | 'start' = 'middle', key?: string): string {
	if (lines.length === 0) return '';
	const top = cy - (lines.length * LINE_HEIGHT) / 2;
	const parts = lines.map((line, i) => {
		const y = top + i * LINE_HEIGHT + LINE_HEIGHT / 2 + BASELINE;
		return `<tspan x="${num(cx)}" y="${num(y)}">${runsToSvg(line)}</tspan>`;
	});
	const classes = [cls, anchor === 'start' ? 's' : undefined].filter(Boolean).join(' ');
	const attrs = (classes ? ` class="${classes}"` : '') + (key === undefined ? '' : ` data-l="${escapeHtml(key)}"`);
	return `<text${attrs}>${parts.join('')}</text>`;
}

const C = {
	text: 'var(--sl-color-white,#17181c)',
	g2: 'var(--sl-color-gray-2,#353841)',
	g3: 'var(--sl-color-gray-3,#555962)',
	g4: 'var(--sl-color-gray-4,#888c96)',
	g5: 'var(--sl-color-gray-5,#c1c3c8)',
	g6: 'var(--sl-color-gray-6,#edeef3)',
	bg: 'var(--sl-color-black,#fff)',
	accLow: 'var(--sl-color-accent-low,#cfd4fc)',
	acc: 'var(--sl-color-accent,#3d50f5)',
	orLow: 'var(--sl-color-orange-low,#fceac5)',
	or: 'var(--sl-color-orange,#f5bb3d)',
};

/** The stylesheet, scoped to one SVG by id (an inline SVG's <style> applies to the whole page). */
export function styleBlock(id: string, extra = ''): string {
	const s = `#${id}`;
	return (
		`<style>` +
		`${s}{font-family:${FONT_FAMILY};font-size:${FONT_SIZE}px}` +
		`${s} text{fill:${C.text};text-anchor:middle}` +
		`${s} .n{fill:${C.accLow};stroke:${C.acc};stroke-width:1.5}` +
		`${s} .nl{fill:none;stroke:${C.acc};stroke-width:1.5}` +
		`${s} .nf{fill:${C.accLow};stroke:none}` +
		`${s} .nk{fill:${C.acc};stroke:${C.acc};stroke-width:1.5}` +
		`${s} .c{fill:${C.g6};stroke:${C.g4};stroke-width:1}` +
		`${s} .ct{fill:${C.g2};font-weight:600}` +
		`${s} .e{fill:none;stroke:${C.g3};stroke-width:1.5}` +
		`${s} .d{stroke-dasharray:5 4}` +
		`${s} .k{stroke-width:3}` +
		`${s} .h{fill:${C.g3}}` +
		`${s} .hx{fill:none;stroke:${C.g3};stroke-width:1.5}` +
		`${s} .lb{fill:${C.bg}}` +
		`${s} .lt{fill:${C.g2}}` +
		`${s} .tt{font-size:16px;font-weight:600}` +
		`${s} .s{text-anchor:start}` +
		`${s} .lk text{text-decoration:underline}` +
		`${s} .lk:focus-visible{outline:2px solid ${C.acc};outline-offset:2px}` +
		extra +
		`</style>`
	);
}

export const SEQ_STYLE = (id: string): string => {
	const s = `#${id}`;
	return (
		`${s} .ll{stroke:${C.g4};stroke-width:1;stroke-dasharray:3 3}` +
		`${s} .nt{fill:${C.orLow};stroke:${C.or};stroke-width:1}` +
		`${s} .f{fill:none;stroke:${C.g4};stroke-width:1}` +
		`${s} .fd{stroke:${C.g4};stroke-width:1;stroke-dasharray:4 3}` +
		`${s} .ft{fill:${C.g6};stroke:${C.g4};stroke-width:1}` +
		`${s} .fk{font-weight:600}` +
		`${s} .ac{fill:${C.g6};stroke:${C.g3};stroke-width:1}` +
		`${s} .rb{fill:${C.accLow};opacity:.35}` +
		`${s} .bx{fill:none;stroke:${C.g4};stroke-width:1}` +
		`${s} .nb{fill:${C.g3}}` +
		`${s} .nb+text,${s} .nbt{fill:${C.bg};font-size:11px;font-weight:600}` +
		`${s} .st{font-size:12px;fill:${C.g2}}`
	);
};

export type MarkerKind = 'arrow' | 'circle' | 'cross' | 'open';

/** How far an edge path stops short of its end point when it carries a marker; the marker reaches the rest of the way. */
export const MARKER_INSET = 4;

/** Marker ids are unique per diagram: `${id}-a` etc. */
const MARKER_SUFFIX: Record<MarkerKind, string> = { arrow: 'a', circle: 'o', cross: 'x', open: 'v' };
export function markerId(id: string, kind: MarkerKind): string {
	return `${id}-${MARKER_SUFFIX[kind]}`;
}

export function markerDefs(id: string, kinds: Iterable<MarkerKind>): string {
	const out: string[] = [];
	for (const kind of new Set(kinds)) {
		const common = `id="${markerId(id, kind)}" viewBox="0 0 10 10" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto-start-reverse"`;
		// refX puts the marker's far edge exactly MARKER_INSET beyond the path end, i.e. on the outline.
		if (kind === 'arrow') out.push(`<marker ${common} refX="${10 - MARKER_INSET}"><path class="h" d="M0 1L10 5L0 9z"/></marker>`);
		if (kind === 'open') out.push(`<marker ${common} refX="${10 - MARKER_INSET}"><path class="hx" d="M1 1L9.5 5L1 9"/></marker>`);
		if (kind === 'circle') out.push(`<marker ${common} refX="${9 - MARKER_INSET}"><circle class="h" cx="5" cy="5" r="4"/></marker>`);
		if (kind === 'cross') out.push(`<marker ${common} refX="${9 - MARKER_INSET}"><path class="hx" d="M1.5 1.5L8.5 8.5M8.5 1.5L1.5 8.5"/></marker>`);
	}
	return out.length ? `<defs>${out.join('')}</defs>` : '';
}

export interface SvgFrame {
	id: string;
	minX: number;
	minY: number;
	width: number;
	height: number;
	title: string;
	desc: string;
	kind: 'flowchart' | 'sequence';
	/** The diagram holds links: a group (whose links a screen reader can reach), not a flat image. */
	links?: boolean;
}

/**
 * Never wider than its natural size, never wider than its column: no sideways scroll box that hides
 * part of a diagram. Renderers keep diagrams narrow enough for legible text (fit.ts); the page adds
 * a full-screen view for small screens. `--dg-h` lets print CSS keep tall diagrams legible.
 */
function sizeStyle(width: number, height: number): string {
	return `max-width:${Math.ceil(width)}px;height:auto;--dg-h:${Math.ceil(height)}px`;
}

/** The root element: scales to its container (width 100%, capped at natural size), no fixed height. */
export function svgOpen(f: SvgFrame): string {
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" id="${f.id}" class="mlsd-diagram mlsd-${f.kind}" viewBox="${num(f.minX)} ${num(f.minY)} ${num(f.width)} ${num(f.height)}"` +
		` width="100%" style="${sizeStyle(f.width, f.height)}" role="${f.links ? 'group' : 'img'}" aria-labelledby="${f.id}-t ${f.id}-d">` +
		`<title id="${f.id}-t">${escapeHtml(f.title)}</title><desc id="${f.id}-d">${escapeHtml(f.desc)}</desc>`
	);
}

export interface Point {
	x: number;
	y: number;
}

/** d3's curveBasis (a uniform cubic B-spline through the points' hull), as path data. */
export function basisPath(pts: Point[]): string {
	if (pts.length === 0) return '';
	const f = (p: Point) => `${num(p.x)} ${num(p.y)}`;
	if (pts.length <= 2) return `M${f(pts[0]!)}${pts.length === 2 ? `L${f(pts[1]!)}` : ''}`;
	let d = `M${f(pts[0]!)}`;
	let x0 = pts[0]!.x;
	let y0 = pts[0]!.y;
	let x1 = pts[1]!.x;
	let y1 = pts[1]!.y;
	d += `L${num((5 * x0 + x1) / 6)} ${num((5 * y0 + y1) / 6)}`;
	const bez = (x: number, y: number) => {
		d += `C${num((2 * x0 + x1) / 3)} ${num((2 * y0 + y1) / 3)} ${num((x0 + 2 * x1) / 3)} ${num((y0 + 2 * y1) / 3)} ${num((x0 + 4 * x1 + x) / 6)} ${num((y0 + 4 * y1 + y) / 6)}`;
	};
	for (let i = 2; i < pts.length; i++) {
		const { x, y } = pts[i]!;
		bez(x, y);
		x0 = x1;
		y0 = y1;
		x1 = x;
		y1 = y;
	}
	bez(x1, y1);
	d += `L${f({ x: x1, y: y1 })}`;
	return d;
}

/** Moves the end point `inset` px back along the last segment (so a marker can sit on the outline). */
export function insetEnd(pts: Point[], inset: number): Point[] {
	if (pts.length < 2) return pts;
	const a = pts[pts.length - 2]!;
	const b = pts[pts.length - 1]!;
	const len = Math.hypot(b.x - a.x, b.y - a.y);
	if (len < inset * 1.5) return pts;
	const k = (len - inset) / len;
	return [...pts.slice(0, -1), { x: a.x + (b.x - a.x) * k, y: a.y + (b.y - a.y) * k }];
}

export function insetStart(pts: Point[], inset: number): Point[] {
	return insetEnd([...pts].reverse(), inset).reverse();
}
