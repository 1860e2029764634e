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
import { toFlowModel } from './flowchart.ts';
import { LabelParser } from './labels.ts';
import { loadMermaid, parseMermaid } from './parse.ts';
import { renderFlowSvg } from './render-flow.ts';
import { renderSequenceSvg } from './render-seq.ts';
import { toSequenceModel } from './sequence.ts';
import { verifyLabels } from './verify.ts';

export { configureDiagramCache, clearMemoryCache, RENDERER_VERSION } from './cache.ts';
export { DiagramError } from './errors.ts';
export { pipelineToMermaid, stageLabel, type PipelineOptions } from './pipeline.ts';
export type { PipelineStage } from '../../schemas/case.ts';

export interface RenderedDiagram {
	svg: string;
	text: string;
	kind: 'flowchart' | 'sequence';
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
	const svg = model.kind === 'flowchart' ? renderFlowSvg(model, id, title, desc) : renderSequenceSvg(model, id, title, desc);
	verifyLabels(svg, raw, window);
	return { svg, text: describe(model), kind: model.kind };
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

function escapeHtml(s: string): string {
	return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The HTML for a page: the SVG in a <figure>, with the text version in a <details> below it. */
export async function renderFigure(source: string): Promise<string> {
	const { svg, text, kind } = await renderDiagram(source);
	return (
		// overflow-x: a wide diagram keeps legible text (see MIN_SCALE in svg.ts) and scrolls instead.
		`<figure class="diagram diagram-${kind}" style="overflow-x:auto">${svg}` +
		`<details class="diagram-text"><summary>Diagram as text</summary><pre>${escapeHtml(text)}</pre></details></figure>`
	);
}

/** Parse and verify only; for the content checker. Returns the error instead of throwing it. */
export async function checkDiagram(source: string): Promise<DiagramError | null> {
	try {
		await renderDiagram(source);
		return null;
	} catch (e) {
		return e as DiagramError;
	}
}
