import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { configureDiagramCache, renderDiagram } from '../../../src/lib/diagrams/index.ts';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/diagrams');

export function fixtures(kind: 'good' | 'bad'): { name: string; source: string }[] {
	const dir = join(FIXTURES, kind);
	return readdirSync(dir)
		.filter((f) => f.endsWith('.mmd'))
		.sort()
		.map((name) => ({ name, source: readFileSync(join(dir, name), 'utf8') }));
}

/** Parses the SVG as XML (throws when it is not well-formed) and returns its document. */
export function parseSvg(svg: string): Document {
	const dom = new JSDOM(svg, { contentType: 'image/svg+xml' });
	const doc = dom.window.document;
	if (doc.getElementsByTagName('parsererror').length) throw new Error('SVG is not well-formed XML');
	return doc;
}

/** Text of every <text> element, as a browser would show it, whitespace removed. */
export function drawnTexts(doc: Document): string[] {
	return [...doc.getElementsByTagName('text')].map((t) => (t.textContent ?? '').replace(/\s+/g, ''));
}

/** Disk cache off, and mermaid loaded up front (the first load takes a few seconds on a busy machine). */
export async function setUp(): Promise<void> {
	configureDiagramCache({ dir: null, memory: true });
	await renderDiagram('flowchart LR\n  warm --> up\n');
	await renderDiagram('sequenceDiagram\n  warm->>up: hi\n');
}
