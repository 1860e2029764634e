import type { Code, Html, Parent, PhrasingContent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { sourceLocation } from '../lib/content/source-path.ts';
import { MathError, renderMath } from '../lib/numbers/math.ts';
import { splitInlineMath } from '../lib/site/inline-math.ts';

/**
 * Formulas in case and concept bodies, rendered to MathML at build time (no client script):
 * a fenced block with language `math` for display formulas, GitHub's $`…`$ for inline ones.
 * Both stay out of the search index (MathML flattens to unreadable text), as in Math.astro.
 * Invalid TeX fails the file with `<file>:<line>: <the TeX error>` and the fix.
 */
export default function remarkMath() {
	return (tree: Root, file: VFile): void => {
		const render = (tex: string, display: boolean, line: number | undefined): string => {
			try {
				return renderMath(tex, { display });
			} catch (e) {
				if (!(e instanceof MathError)) throw e;
				return file.fail(`${sourceLocation(file, line)}: cannot render the formula "${e.tex}": ${e.reason}. ${MathError.FIX}`, {
					place: line === undefined ? undefined : { line, column: 1 },
					ruleId: 'math',
					source: 'remark-math',
				});
			}
		};
		visit(tree, 'code', (node: Code, index, parent) => {
			if (node.lang !== 'math' || !parent || index === undefined) return;
			// The TeX starts on the line after the opening fence.
			const line = node.position ? node.position.start.line + 1 : undefined;
			// A wide formula scrolls sideways: the scroll box is a labelled tab stop so keyboard users can scroll it too.
			const html: Html = { type: 'html', value: `<div class="math-display not-content" data-pagefind-ignore role="group" tabindex="0" aria-label="Formula">${render(node.value, true, line)}</div>`, position: node.position };
			parent.children[index] = html;
		});
		visit(tree, (node) => {
			if (!('children' in node) || !(node as Parent).children.some((c) => c.type === 'inlineCode')) return;
			const parent = node as Parent;
			const split = splitInlineMath(parent.children as PhrasingContent[]);
			if (split === parent.children) return;
			parent.children = split.map((c) =>
				c.type === 'inlineMath' ? ({ type: 'html', value: `<span class="math-inline not-content" data-pagefind-ignore>${render(c.value, false, c.position?.start.line)}</span>`, position: c.position } satisfies Html) : c,
			) as Parent['children'];
		});
	};
}
