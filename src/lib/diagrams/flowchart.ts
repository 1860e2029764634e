/**
 * Mermaid flowchart db → FlowModel, refusing what cannot be drawn faithfully.
 *
 * Ignored on purpose (purely stylistic, no content is lost): `classDef`, `class`, `:::class`,
 * `style`, `linkStyle` (incl. curve interpolation), edge animation, `%%{init}%%` themes,
 * per-subgraph `direction` (dagre lays the whole graph out in one direction).
 * `click` links to pages of this site become SVG links (links.ts); callbacks and outside URLs are
 * refused. Refused too (they carry content the SVG would not show):
 * Font Awesome icons, `icon:`/`img:` nodes, HTML tags other than simple inline formatting,
 * markdown beyond bold/italic, shapes we do not draw, subgraph metadata, and a node listed in
 * two unrelated subgraphs (mermaid would silently drop it from the second).
 */
import { DiagramError } from './errors.ts';
import { LabelParser, scanTags } from './labels.ts';
import type { Direction, EdgeHead, EdgeStroke, FlowCluster, FlowEdge, FlowModel, FlowNode, Label, NodeShape } from './model.ts';
import type { RawDiagram } from './parse.ts';
import { clickLink } from './links.ts';
import { SHAPES } from './shapes.ts';
import { escapeRegExp, findLine, nodeLine } from './source-lines.ts';

type RawFlow = Extract<RawDiagram, { kind: 'flowchart' }>;

const SHAPE_LIST = 'rect, rounded, stadium, fr-rect, cyl, circle, dbl-circ, diam, hex, lean-r, lean-l, trap-b, trap-t, odd, text, doc, docs, st-rect, datastore, das, lin-cyl, delay, curv-trap, div-rect, lin-rect, notch-rect, notch-pent, tri, flip-tri, sl-rect, win-pane, bow-rect, flag, lin-doc, tag-doc, tag-rect, brace, brace-r, braces, sm-circ, fr-circ, f-circ, cross-circ, fork, hourglass, bolt';

const HEADS: Record<string, [EdgeHead, EdgeHead]> = {
	arrow_point: ['none', 'arrow'],
	double_arrow_point: ['arrow', 'arrow'],
	arrow_open: ['none', 'none'],
	arrow_circle: ['none', 'circle'],
	double_arrow_circle: ['circle', 'circle'],
	arrow_cross: ['none', 'cross'],
	double_arrow_cross: ['cross', 'cross'],
};

function direction(d: string | undefined): Direction {
	switch ((d ?? 'TB').toUpperCase()) {
		case 'LR':
		case '>':
			return 'LR';
		case 'RL':
		case '<':
			return 'RL';
		case 'BT':
		case '^':
			return 'BT';
		default:
			return 'TB';
	}
}

export function toFlowModel(raw: RawFlow, labels: LabelParser): FlowModel {
	const src = raw.pre.blanked;
	const sgIds = new Set(raw.subGraphs.map((s) => String(s.id)));

	const tag = scanTags(src);
	if (tag) {
		const what = tag.tag === 'img' ? 'an image (<img>)' : tag.tag === 'a' ? 'a link (<a>)' : `the HTML tag <${tag.tag}${tag.attrs ? ' …' : ''}>`;
		throw new DiagramError(`A label uses ${what}, which cannot be drawn`, {
			line: tag.line,
			construct: `<${tag.tag}>`,
			fix:
				tag.tag === 'img' || tag.tag === 'a'
					? 'Describe it in words in the label and put images and links in the text around the diagram.'
					: `Only <br>, <b>, <strong>, <i> and <em> (without attributes) work in labels; to show angle brackets literally write #lt; and #gt;, e.g. A["List#lt;int#gt;"].`,
		});
	}

	const nodes: FlowNode[] = [];
	for (const v of raw.vertices) {
		const id = String(v.id);
		if (sgIds.has(id)) continue; // an edge to a subgraph creates a vertex of the same id; it is the subgraph.
		const line = nodeLine(src, id);
		const link = clickLink(v, raw.tooltips.get(id), id, src);
		if (v.icon) {
			throw new DiagramError(`Node "${id}" is an icon node (icon: "${v.icon}"), which cannot be drawn`, {
				line,
				construct: 'icon',
				fix: `Describe it in words instead, e.g. ${id}["User"] or ${id}@{ shape: rounded, label: "User" }.`,
			});
		}
		if (v.img) {
			throw new DiagramError(`Node "${id}" is an image node (img: …), which cannot be drawn`, {
				line,
				construct: 'img',
				fix: `Describe the picture in words, e.g. ${id}["Architecture sketch"], and show the image next to the diagram.`,
			});
		}
		const rawText = v.text === undefined || v.text === null ? id : String(v.text);
		const fa = /(^|\s)(fa[bklrs]?|fab|fak):fa-[\w-]+/.exec(rawText);
		if (fa) {
			throw new DiagramError(`Node "${id}" uses a Font Awesome icon (${fa[0].trim()}), which cannot be drawn`, {
				line,
				construct: 'fa: icon',
				fix: 'Remove the icon code and say what it stands for in words.',
			});
		}
		const label = toLabel(rawText, v.labelType, labels, { line, what: `Node "${id}"` });
		const type = v.type === undefined ? 'square' : String(v.type);
		const shape = SHAPES[type];
		if (!shape) {
			throw new DiagramError(`Node "${id}" has shape "${type}", which this renderer does not draw`, {
				line,
				construct: `shape: ${type}`,
				fix: `Use one of: ${SHAPE_LIST}, e.g. ${id}@{ shape: rect, label: "…" }.`,
			});
		}
		nodes.push(link ? { id, label, shape, link } : { id, label, shape });
	}

	const clusters: FlowCluster[] = [];
	const parentOf = new Map<string, string>();
	// getSubGraphs lists inner subgraphs first; each lists its direct members (nodes and subgraphs).
	for (const sg of raw.subGraphs) {
		const id = String(sg.id);
		const line = findLine(src, new RegExp(`^\\s*subgraph\\s+${escapeRegExp(id)}\\b`)) ?? findLine(src, /^\s*subgraph\b/);
		if (sg.metadata && Object.keys(sg.metadata).length > 0) {
			throw new DiagramError(`Subgraph "${id}" has @{ … } metadata (${Object.keys(sg.metadata).join(', ')}), which this renderer does not support`, {
				line: findLine(src, new RegExp(`(^|\\s)${escapeRegExp(id)}@\\{`)) ?? line,
				construct: 'subgraph metadata',
				fix: 'Remove the @{ … } block of the subgraph; subgraphs are always drawn expanded.',
			});
		}
		for (const m of sg.nodes as string[]) parentOf.set(String(m), id);
		clusters.push({ id, title: toLabel(String(sg.title ?? id), sg.labelType, labels, { line, what: `Subgraph "${id}"` }) });
	}
	for (const d of raw.dropped) {
		throw new DiagramError(`Node "${d.node}" is listed in subgraph "${d.droppedFrom}" but already belongs to subgraph "${d.keptBy}"; mermaid would silently leave it out of "${d.droppedFrom}"`, {
			line: findLine(src, new RegExp(`^\\s*subgraph\\s+${escapeRegExp(d.droppedFrom)}\\b`)),
			construct: 'node in two subgraphs',
			fix: `A node can belong to one subgraph only: remove "${d.node}" from one of them, or nest one subgraph inside the other.`,
		});
	}
	for (const c of clusters) {
		const p = parentOf.get(c.id);
		if (p) c.parent = p;
	}
	for (const n of nodes) {
		const p = parentOf.get(n.id);
		if (p) n.parent = p;
	}
	// Outermost first, so parents always precede children.
	const depth = (id: string): number => {
		let d = 0;
		for (let p = parentOf.get(id); p; p = parentOf.get(p)) d++;
		return d;
	};
	clusters.sort((a, b) => depth(a.id) - depth(b.id));

	const edges: FlowEdge[] = [];
	for (const e of raw.edges) {
		const from = String(e.start);
		const to = String(e.end);
		const heads = HEADS[String(e.type ?? 'arrow_point')];
		const line = findLine(src, new RegExp(`${escapeRegExp(from)}[^\\n]*${escapeRegExp(to)}`));
		if (!heads) {
			throw new DiagramError(`The link ${from} → ${to} has an arrow type (${e.type}) this renderer does not draw`, {
				line,
				construct: `link type ${e.type}`,
				fix: 'Use -->, ---, --o, --x or their two-headed, dotted (-.->) and thick (==>) forms.',
			});
		}
		const stroke: EdgeStroke = (['normal', 'dotted', 'thick', 'invisible'] as const).includes(e.stroke) ? e.stroke : 'normal';
		const edge: FlowEdge = { from, to, stroke, startHead: heads[0], endHead: heads[1], minlen: Math.max(1, Number(e.length) || 1) };
		const text = e.text === undefined || e.text === null ? '' : String(e.text);
		if (text.trim() !== '') {
			edge.label = toLabel(text, e.labelType, labels, { line, what: `The label of ${from} → ${to}` });
			if (stroke === 'invisible') {
				throw new DiagramError(`The invisible link ${from} ~~~ ${to} has a label, which would not be shown`, {
					line,
					construct: '~~~ with label',
					fix: 'Use a visible link (--- or -->) for a labelled connection.',
				});
			}
		}
		edges.push(edge);
	}

	const model: FlowModel = { kind: 'flowchart', direction: direction(raw.direction), nodes, edges, clusters };
	if (raw.title) model.title = labels.plain(raw.title).plain;
	if (raw.accTitle) model.accTitle = labels.plain(raw.accTitle).plain;
	if (raw.accDescr) model.accDescr = labels.plain(raw.accDescr).plain;
	return model;
}

function toLabel(text: string, labelType: string | undefined, labels: LabelParser, where: { line?: number; what: string }): Label {
	return labelType === 'markdown' ? labels.markdown(text, where) : labels.html(text);
}
