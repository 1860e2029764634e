import type { Code, Html, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { sourceLocation } from '../lib/content/source-path.ts';
import { parseEstimate, renderEstimate } from '../lib/site/estimate.ts';

/**
 * Back-of-envelope arithmetic: a fenced block with language `estimate` (one step per line,
 * plain text with × ÷ ≈ =) becomes the workbook's estimate list (src/lib/site/estimate.ts)
 * instead of a code block, so every case shows its arithmetic one way.
 */
export default function remarkEstimate() {
	return (tree: Root, file: VFile): void => {
		visit(tree, 'code', (node: Code, index, parent) => {
			if (node.lang !== 'estimate' || !parent || index === undefined) return;
			if (parseEstimate(node.value).length === 0) {
				const line = node.position?.start.line;
				file.fail(`${sourceLocation(file, line)}: the estimate block is empty. Write one step per line, e.g. "500M users × 40 requests ÷ 86,400 s ≈ 231k QPS", or remove the block.`, {
					place: line === undefined ? undefined : { line, column: 1 },
					ruleId: 'estimate',
					source: 'remark-estimate',
				});
			}
			const html: Html = { type: 'html', value: renderEstimate(node.value), position: node.position };
			parent.children[index] = html;
		});
	};
}
