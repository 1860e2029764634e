/**
 * The front end: mermaid's own parser, run in Node against a jsdom window.
 *
 * Mermaid is imported once, lazily, with jsdom's window/document set on globalThis only while
 * it loads and while it parses (see withDomGlobals), so nothing leaks into the rest of the
 * build. Calls are serialised because mermaid keeps one db per diagram type.
 */
import { parse as parseYaml } from 'yaml';
import { DiagramError } from './errors.ts';
import { translateParseError } from './parse-errors.ts';

/** The subset of mermaid's API the renderer uses. */
interface MermaidLike {
	initialize(config: Record<string, unknown>): void;
	detectType(text: string): string;
	mermaidAPI: {
		getDiagramFromText(text: string, metadata?: { title?: string }): Promise<{ type: string; db: any }>;
	};
}

interface Loaded {
	mermaid: MermaidLike;
	window: any;
}

let loading: Promise<Loaded> | undefined;

const GLOBALS = ['window', 'document', 'Option'] as const;

/**
 * Runs fn with jsdom's window, document and Option on globalThis, restoring whatever was there
 * before. Mermaid needs them while its module loads (DOMPurify captures the window) and while
 * parsing a few constructs (sequence `box` colours are validated through the DOM).
 */
async function withDomGlobals<T>(win: any, fn: () => Promise<T>): Promise<T> {
	const g = globalThis as Record<string, unknown>;
	const saved = GLOBALS.map((k) => [k, Object.getOwnPropertyDescriptor(g, k)] as const);
	g.window = win;
	g.document = win.document;
	g.Option = win.Option;
	try {
		return await fn();
	} finally {
		for (const [k, d] of saved) {
			if (d) Object.defineProperty(g, k, d);
			else delete g[k];
		}
	}
}

async function load(): Promise<Loaded> {
	const { JSDOM } = await import('jsdom');
	const dom = new JSDOM('<!doctype html><html><body></body></html>');
	const mermaid = await withDomGlobals(dom.window, async () => ((await import('mermaid')) as unknown as { default: MermaidLike }).default);
	// logLevel 5 = fatal only: mermaid otherwise logs warnings to the console during builds.
	mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', logLevel: 5 });
	return { mermaid, window: dom.window };
}

export function loadMermaid(): Promise<Loaded> {
	loading ??= load();
	return loading;
}

/** The jsdom window (loading mermaid if needed), for HTML-fragment parsing of labels. */
export async function getWindow(): Promise<any> {
	return (await loadMermaid()).window;
}

let queue: Promise<unknown> = Promise.resolve();
function serial<T>(fn: () => Promise<T>): Promise<T> {
	const run = queue.then(fn, fn);
	queue = run.catch(() => undefined);
	return run;
}

export interface Preprocessed {
	/** The text handed to mermaid: frontmatter, directives and comments blanked, leading blank lines dropped. */
	text: string;
	/** Lines dropped from the top; mermaid's line N is source line N + offset. */
	offset: number;
	/** `title:` from YAML frontmatter. */
	title?: string;
	/** Source with comments/directives blanked but line numbers kept, for locating constructs. */
	blanked: string;
}

function blankKeepingNewlines(s: string): string {
	return s.replace(/[^\n]/g, '');
}

/**
 * Mermaid strips frontmatter, `%%{…}%%` directives and `%%` comment lines before parsing, which
 * shifts the line numbers in its errors. We blank them ourselves, keeping every newline, so a
 * parse error's line maps straight back to the author's source.
 * Directives and frontmatter `config:` are theme/layout settings and are ignored on purpose.
 */
export function preprocess(source: string): Preprocessed {
	let text = source.replace(/\r\n?/g, '\n');
	let title: string | undefined;
	const fm = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?=\n|$)/.exec(text);
	if (fm) {
		try {
			const data = parseYaml(fm[1]!) as unknown;
			if (data && typeof data === 'object' && 'title' in data && (data as { title: unknown }).title != null) {
				title = String((data as { title: unknown }).title);
			}
		} catch (e) {
			throw new DiagramError(`Invalid YAML frontmatter: ${(e as Error).message.split('\n')[0]}`, {
				line: 1,
				fix: 'Write the frontmatter as `---`, `title: Your title`, `---` or remove it.',
			});
		}
		text = blankKeepingNewlines(fm[0]) + text.slice(fm[0].length);
	}
	text = text.replace(/%%\{[\s\S]*?\}%%/g, blankKeepingNewlines);
	text = text.replace(/^[ \t]*%%.*$/gm, '');
	const blanked = text;
	const lead = /^\s*/.exec(text)![0];
	const offset = (lead.match(/\n/g) ?? []).length;
	return { text: text.slice(lead.length), offset, title, blanked };
}

const FLOW_TYPES = new Set(['flowchart', 'flowchart-v2', 'flowchart-elk']);

export type RawDiagram =
	| {
			kind: 'flowchart';
			pre: Preprocessed;
			direction: string | undefined;
			vertices: any[];
			edges: any[];
			subGraphs: any[];
			dropped: { node: string; keptBy: string; droppedFrom: string }[];
			tooltips: Map<string, string>;
			title: string;
			accTitle: string;
			accDescr: string;
	  }
	| {
			kind: 'sequence';
			pre: Preprocessed;
			actors: any[];
			messages: any[];
			boxes: any[];
			created: string[];
			destroyed: string[];
			title: string;
			accTitle: string;
			accDescr: string;
	  };

export const SUPPORTED =
	'flowcharts (`flowchart` or `graph`, with TB/TD/BT/LR/RL) and sequence diagrams (`sequenceDiagram`)';

function firstLine(pre: Preprocessed): { line: number; text: string } {
	const lines = pre.blanked.split('\n');
	const i = lines.findIndex((l) => l.trim() !== '');
	return { line: i + 1, text: (lines[i] ?? '').trim() };
}

/** Parses with mermaid and copies what the renderer needs out of its db. */
export async function parseMermaid(source: string): Promise<RawDiagram> {
	const pre = preprocess(source);
	if (pre.text.trim() === '') {
		throw new DiagramError('Empty diagram', {
			line: 1,
			fix: 'Start the diagram with `flowchart LR` (or TB, BT, RL) or `sequenceDiagram`, followed by its content.',
		});
	}
	const { mermaid, window } = await loadMermaid();
	let type: string;
	const head = firstLine(pre);
	try {
		type = mermaid.detectType(pre.text);
	} catch {
		const word = head.text.split(/\s+/)[0] ?? '';
		throw new DiagramError(`Unknown diagram type "${word}"`, {
			line: head.line,
			construct: word,
			fix: `Start the diagram with \`flowchart LR\` (or TB, BT, RL) or \`sequenceDiagram\`; this site draws ${SUPPORTED}.`,
		});
	}
	const isFlow = FLOW_TYPES.has(type);
	if (!isFlow && type !== 'sequence') {
		const word = head.text.split(/[\s:;]+/)[0] ?? type;
		throw new DiagramError(`\`${word}\` diagrams are not supported; this site draws only ${SUPPORTED}`, {
			line: head.line,
			construct: word,
			fix: 'Redraw it as a flowchart or a sequence diagram, or put the information in a table or list next to the text.',
		});
	}
	return serial(async () => {
		let diagram: { type: string; db: any };
		try {
			diagram = await withDomGlobals(window, () => mermaid.mermaidAPI.getDiagramFromText(pre.text, pre.title ? { title: pre.title } : {}));
		} catch (e) {
			throw translateParseError(e, { kind: isFlow ? 'flowchart' : 'sequence', pre, lines: source.replace(/\r\n?/g, '\n').split('\n') });
		}
		const db = diagram.db;
		const common = {
			pre,
			title: String(db.getDiagramTitle?.() ?? ''),
			accTitle: String(db.getAccTitle?.() ?? ''),
			accDescr: String(db.getAccDescription?.() ?? ''),
		};
		if (isFlow) {
			const subGraphs = (db.getSubGraphs() as any[]).map((s) => ({ ...s, nodes: [...s.nodes] }));
			let dropped: { node: string; keptBy: string; droppedFrom: string }[] = [];
			try {
				dropped = db.getData()?.other?.droppedSubGraphMembers ?? [];
			} catch {
				dropped = db.droppedSubGraphMembers ?? [];
			}
			const vertices = [...(db.getVertices() as Map<string, any>).values()].map((v) => ({ ...v }));
			const tooltips = new Map<string, string>();
			for (const v of vertices) {
				const t = db.getTooltip?.(v.id);
				if (t) tooltips.set(v.id, String(t));
			}
			return {
				kind: 'flowchart' as const,
				...common,
				direction: db.getDirection?.(),
				vertices,
				edges: (db.getEdges() as any[]).map((e) => ({ ...e })),
				subGraphs,
				dropped: [...dropped],
				tooltips,
			};
		}
		return {
			kind: 'sequence' as const,
			...common,
			actors: [...(db.getActors() as Map<string, any>).values()].map((a) => ({ ...a, links: { ...a.links }, properties: { ...a.properties } })),
			messages: (db.getMessages() as any[]).map((m) => ({ ...m })),
			boxes: (db.getBoxes?.() ?? []).map((b: any) => ({ ...b, actorKeys: [...b.actorKeys] })),
			created: [...((db.getCreatedActors?.() as Map<string, number> | undefined)?.keys() ?? [])],
			destroyed: [...((db.getDestroyedActors?.() as Map<string, number> | undefined)?.keys() ?? [])],
		};
	});
}
