/**
 * Build-time diagrams: mermaid source → themed, accessible inline SVG plus a text version,
 * with no browser and no client JavaScript.
 *
 * Pipeline: mermaid's parser (parse.ts) → typed model (flowchart.ts / sequence.ts) → layout and
 * SVG (render-flow.ts with dagre / render-seq.ts) → label check (verify.ts). Anything that
 * cannot be drawn faithfully is refused with a DiagramError saying how to write it instead.
 */
import { cached, hashText } from './cache.ts';
import { defaultTitle, describe, summary } from './describe.ts';
import { DiagramError } from './errors.ts';
import { FIT_WIDTH, tooWideWarning } from './fit.ts';
import { toFlowModel } from './flowchart.ts';
import { LabelParser } from './labels.ts';
import { loadMermaid, parseMermaid } from './parse.ts';
import { renderFlowSvg } from './render-flow.ts';
import { renderSequenceSvg } from './render-seq.ts';
import { toSequenceModel } from './sequence.ts';
import { verifyLabels } from './verify.ts';
import { escapeHtml } from '../site/escape-html.ts';

export { configureDiagramCache, clearMemoryCache, RENDERER_VERSION } from './cache.ts';
export { DiagramError } from './errors.ts';
export { pipelineToMermaid, stageLabel, type PipelineOptions } from './pipeline.ts';
export type { PipelineStage } from '../../schemas/case.ts';

export interface RenderedDiagram {
	svg: string;
	text: string;
	kind: 'flowchart' | 'sequence';
	/** Natural width in px (the SVG scales down to its column). */
	width: number;
	/** Set when the diagram is wider than a page column can show legibly (fit.ts): what and what to do about it. */
	warning?: { message: string; fix: string };
}

let labelParser: LabelParser | undefined;

async function renderUncached(source: string): Promise<RenderedDiagram> {
	const raw = await parseMermaid(source);
	const { window } = await loadMermaid();
	labelParser ??= new LabelParser(window);
	const labels = labelParser;
	const model = raw.kind === 'flowchart' ? toFlowModel(raw, labels) : toSequenceModel(raw, labels);
	// Ids derive from the content, so the same diagram gets the same ids on every build.
	const id = `dg-${hashText(source, 10)}`;
	const title = defaultTitle(model);
	const desc = model.accDescr || summary(model);
	let drawn: { svg: string; width: number };
	let text: string;
	if (model.kind === 'flowchart') {
		const flow = renderFlowSvg(model, id, title, desc);
		drawn = flow;
		// The text version names the direction the chart is drawn in (a wide LR chart may be turned to fit).
		text = describe({ ...model, direction: flow.direction });
	} else {
		drawn = renderSequenceSvg(model, id, title, desc);
		text = describe(model);
	}
	verifyLabels(drawn.svg, raw, window);
	const out: RenderedDiagram = { svg: drawn.svg, text, kind: model.kind, width: Math.round(drawn.width) };
	if (drawn.width > FIT_WIDTH) out.warning = tooWideWarning(model.kind, drawn.width);
	return out;
}

/**
 * Renders one ```mermaid block. Throws DiagramError (never anything else) when the source is
 * invalid or uses something that cannot be drawn.
 */
export async function renderDiagram(source: string): Promise<RenderedDiagram> {
	try {
		return await cached(source, () => renderUncached(source));
	} catch (e) {
		if (e instanceof DiagramError) throw e;
		const err = new DiagramError(`The diagram renderer failed: ${e instanceof Error ? e.message : String(e)}`, {
			fix: 'This is a bug in src/lib/diagrams; simplify the diagram to work around it and report it.',
		});
		(err as Error & { cause?: unknown }).cause = e;
		throw err;
	}
}

/**
 * The HTML for a page: the SVG in a <figure>, a button for the full-screen view (shown only once
 * src/components/diagram-viewer.ts runs: without JavaScript it could not work), and the
 * text version in a <details> below. `data-too-wide` marks a diagram the build warned about.
 */
export async function renderFigure(source: string): Promise<string> {
	const { svg, text, kind, warning } = await renderDiagram(source);
	return (
		`<figure class="diagram diagram-${kind}"${warning ? ' data-too-wide' : ''}>${svg}` +
		`<button type="button" class="diagram-open">Enlarge diagram</button>` +
		`<details class="diagram-text"><summary>Diagram as text</summary><pre>${escapeHtml(text)}</pre></details></figure>`
	);
}

/** A diagram that renders but is wider than a page column can show legibly. */
export interface DiagramWarning {
	message: string;
	line: number;
	fix: string;
	severity: 'warning';
}

/**
 * Render and verify only; for the content checker. Returns the error instead of throwing it, a
 * warning when the diagram renders too wide to read in the page column, or null.
 */
export async function checkDiagram(source: string): Promise<DiagramError | DiagramWarning | null> {
	try {
		const { warning } = await renderDiagram(source);
		if (!warning) return null;
		return { ...warning, line: 1, severity: 'warning' };
	} catch (e) {
		return e as DiagramError;
	}
}
