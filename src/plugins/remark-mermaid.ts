import { isAbsolute, relative } from 'node:path';
import type { Code, Html, Parent, Root } from 'mdast';
import type { VFile } from 'vfile';
import { DiagramError, renderDiagram, renderFigure } from '../lib/diagrams/index.ts';

/**
 * Replaces every ```mermaid code block with the build-time SVG figure (src/lib/diagrams).
 * It works on the Markdown tree, so rehype-stage highlighters (Expressive Code) never see the
 * block; MDX turns the html node into elements through rehype-raw, as Astro configures it.
 * A diagram that cannot be drawn fails the file with `<file>:<line>: <message>. <fix>`,
 * where line is the line in the Markdown/MDX file.
 */
export default function remarkMermaid() {
	return async (tree: Root, file: VFile): Promise<void> => {
		const found: { node: Code; parent: Parent; index: number }[] = [];
		const walk = (parent: Parent) => {
			parent.children.forEach((child, index) => {
				if (child.type === 'code' && child.lang === 'mermaid') found.push({ node: child, parent, index });
				else if ('children' in child) walk(child as Parent);
			});
		};
		walk(tree);
		const figures = await Promise.all(
			found.map(({ node }) =>
				renderFigure(node.value).catch((e: unknown) => {
					if (!(e instanceof DiagramError)) throw e;
					const fence = node.position?.start.line;
					// The diagram's first line is the line after the opening fence.
					const line = fence === undefined ? undefined : e.line === undefined ? fence : fence + e.line;
					const path = displayPath(file);
					const where = line === undefined ? path : `${path}:${line}`;
					file.fail(`${where}: ${e.detail}`, { place: line === undefined ? undefined : { line, column: 1 }, ruleId: 'mermaid', source: 'remark-mermaid', cause: e });
				}),
			),
		);
		// Case files get this warning from the content check; other pages (concepts) from here.
		if (!/(^|\/)case-studies\//.test(file.path ?? '')) {
			for (const { node } of found) {
				const { warning } = await renderDiagram(node.value);
				if (warning) console.warn(`${displayPath(file)}:${node.position?.start.line ?? '?'}: warning: diagram: ${warning.message}. ${warning.fix}`);
			}
		}
		found.forEach(({ node, parent, index }, i) => {
			const html: Html = { type: 'html', value: figures[i]!, position: node.position };
			parent.children[index] = html;
		});
	};
}

function displayPath(file: VFile): string {
	const rel = file.path && isAbsolute(file.path) ? relative(process.cwd(), file.path) : undefined;
	return rel && !rel.startsWith('..') ? rel : file.path || '<input>';
}
