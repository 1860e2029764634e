/**
 * The small typed models the renderer works on. Mermaid's parser fills a db; `flowchart.ts`
 * and `sequence.ts` normalise it into these, and the layout/SVG code only ever sees these.
 */

/** A styled piece of text within one line. */
export interface Run {
	text: string;
	bold?: boolean;
	italic?: boolean;
}

/** One line of a label: a list of runs. */
export type Line = Run[];

/** A label as the author meant it: lines of runs, plus its plain text for checks and descriptions. */
export interface Label {
	lines: Line[];
	/** Plain text, lines joined with "\n". */
	plain: string;
}

export type Direction = 'TB' | 'BT' | 'LR' | 'RL';

export type NodeShape =
	| 'rect'
	| 'round'
	| 'stadium'
	| 'subroutine'
	| 'cylinder'
	| 'circle'
	| 'doublecircle'
	| 'ellipse'
	| 'diamond'
	| 'hexagon'
	| 'lean_right'
	| 'lean_left'
	| 'trapezoid'
	| 'inv_trapezoid'
	| 'odd'
	| 'text'
	| 'datastore'
	| 'card'
	| 'lined_rect'
	| 'small_circle'
	| 'framed_circle'
	| 'fork'
	| 'hourglass'
	| 'brace_l'
	| 'brace_r'
	| 'braces'
	| 'bolt'
	| 'document'
	| 'delay'
	| 'h_cylinder'
	| 'lined_cylinder'
	| 'display'
	| 'divided_rect'
	| 'triangle'
	| 'window_pane'
	| 'junction'
	| 'lined_document'
	| 'loop_limit'
	| 'flipped_triangle'
	| 'sloped_rect'
	| 'documents'
	| 'processes'
	| 'paper_tape'
	| 'stored_data'
	| 'crossed_circle'
	| 'tagged_document'
	| 'tagged_rect';

export type EdgeHead = 'none' | 'arrow' | 'circle' | 'cross';
export type EdgeStroke = 'normal' | 'dotted' | 'thick' | 'invisible';

export interface FlowNode {
	id: string;
	label: Label;
	shape: NodeShape;
	/** Id of the innermost subgraph holding the node. */
	parent?: string;
	/** From a `click` line: a site path or same-page anchor, and its tooltip. */
	link?: { href: string; tooltip?: string };
}

export interface FlowEdge {
	from: string;
	to: string;
	label?: Label;
	stroke: EdgeStroke;
	startHead: EdgeHead;
	endHead: EdgeHead;
	/** Rank span requested by longer links (`---->`). */
	minlen: number;
}

export interface FlowCluster {
	id: string;
	title: Label;
	parent?: string;
}

export interface FlowModel {
	kind: 'flowchart';
	direction: Direction;
	title?: string;
	accTitle?: string;
	accDescr?: string;
	nodes: FlowNode[];
	edges: FlowEdge[];
	/** Subgraphs, outermost first. */
	clusters: FlowCluster[];
}

export type ParticipantKind = 'participant' | 'actor' | 'database' | 'boundary' | 'control' | 'entity' | 'collections' | 'queue';

export interface SeqParticipant {
	id: string;
	label: Label;
	kind: ParticipantKind;
	/** Index into SequenceModel.boxes. */
	box?: number;
}

export type SeqArrow = 'filled' | 'open' | 'cross' | 'none';

/**
 * `ref` is the item's index in mermaid's message list, so the label check can tie each drawn
 * text back to what the parser read.
 */
export type SeqItem =
	| {
			type: 'message';
			ref: number;
			from: string;
			to: string;
			label: Label;
			dotted: boolean;
			/** Head at the receiving end. */
			head: SeqArrow;
			/** Arrow at the sending end too (`<<->>`). */
			both: boolean;
			number?: number;
			activate?: boolean;
	  }
	| { type: 'note'; ref: number; placement: 'left' | 'right' | 'over'; actors: string[]; label: Label }
	| { type: 'activate' | 'deactivate'; actor: string }
	| { type: 'blockStart'; ref: number; block: BlockKind; label: Label }
	| { type: 'blockSection'; ref: number; block: BlockKind; label: Label }
	| { type: 'blockEnd'; block: BlockKind };

export type BlockKind = 'loop' | 'alt' | 'opt' | 'par' | 'critical' | 'break' | 'rect';

export interface SequenceModel {
	kind: 'sequence';
	title?: string;
	accTitle?: string;
	accDescr?: string;
	participants: SeqParticipant[];
	boxes: { label: Label }[];
	items: SeqItem[];
}

export type DiagramModel = FlowModel | SequenceModel;
