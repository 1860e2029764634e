/**
 * Renders one mermaid diagram to SVG, the way the build does:
 *   node scripts/diagram.ts < diagram.mmd > diagram.svg
 * On a problem, prints `<stdin>:<line>: <message>. <fix>` to stderr and exits 1.
 */
import { DiagramError, renderDiagram } from '../src/lib/diagrams/index.ts';

async function readStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

try {
	const { svg } = await renderDiagram(await readStdin());
	process.stdout.write(svg + '\n');
} catch (e) {
	if (e instanceof DiagramError) {
		process.stderr.write(`<stdin>${e.line === undefined ? '' : `:${e.line}`}: ${e.detail}\n`);
	} else {
		process.stderr.write(`<stdin>: ${e instanceof Error ? e.message : String(e)}\n`);
	}
	process.exitCode = 1;
}
