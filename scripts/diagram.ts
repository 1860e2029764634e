/**
 * Renders one mermaid diagram to SVG, the way the build does:
 *   node scripts/diagram.ts < diagram.mmd > diagram.svg
 * On a problem, prints `<stdin>:<line>: <message>. <fix>` to stderr and exits 1. A diagram too
 * wide for the page column is still written, with a warning on stderr (exit 0).
 */
import { DiagramError, renderDiagram } from '../src/lib/diagrams/index.ts';

async function readStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

try {
	const { svg, width, warning } = await renderDiagram(await readStdin());
	process.stdout.write(svg + '\n');
	if (warning) process.stderr.write(`<stdin>: warning: ${warning.message}. ${warning.fix}\n`);
	else process.stderr.write(`<stdin>: ${width} px wide; fits the page column.\n`);
} catch (e) {
	if (e instanceof DiagramError) {
		process.stderr.write(`<stdin>${e.line === undefined ? '' : `:${e.line}`}: ${e.detail}\n`);
	} else {
		process.stderr.write(`<stdin>: ${e instanceof Error ? e.message : String(e)}\n`);
	}
	process.exitCode = 1;
}
