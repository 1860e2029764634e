/** Formulas and estimates must render: the same TeX and block rules as the build's remark plugins, reported as located problems. */
import type { Code, Parent, PhrasingContent, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { MathError, renderMath } from '../numbers/math.ts';
import { parseEstimate } from '../site/estimate.ts';
import { isSafeHref } from '../site/inline-markdown.ts';
import { splitInlineMath } from '../site/inline-math.ts';
import { problem, type Problem } from './problems.ts';

/** Problems with ```math, $`…`$ and ```estimate in a case body. */
export function checkFormulas(tree: Root, file: string): Problem[] {
	const problems: Problem[] = [];
	const tex = (source: string, display: boolean, line: number | undefined) => {
		const p = mathProblem(source, display, file, line);
		if (p) problems.push(p);
	};
	visit(tree, 'code', (node: Code) => {
		const fence = node.position?.start.line;
		if (node.lang === 'math') tex(node.value, true, fence === undefined ? undefined : fence + 1);
		if (node.lang === 'estimate' && parseEstimate(node.value).length === 0) {
			problems.push(problem(file, 'the estimate block is empty', { line: fence, fix: 'Write one step per line, e.g. "500M users × 40 requests ÷ 86,400 s ≈ 231k QPS", or remove the block.' }));
		}
	});
	visit(tree, (node) => {
		if (!('children' in node)) return;
		for (const c of splitInlineMath((node as Parent).children as PhrasingContent[])) if (c.type === 'inlineMath') tex(c.value, false, c.position?.start.line);
	});
	return problems;
}

const inlineParser = unified().use(remarkParse).use(remarkGfm);

/** Problems with a frontmatter or catalog string shown as inline Markdown: formulas that do not render, links that would be dropped. */
export function checkInlineText(text: string, file: string, field: string, line: number | undefined): Problem[] {
	if (!text.includes('`') && !text.includes('](')) return [];
	const problems: Problem[] = [];
	visit(inlineParser.parse(text), (node) => {
		if (node.type === 'link' && !isSafeHref(node.url)) {
			problems.push(problem(file, `link "${node.url}" in "${field}" is not shown as a link; only site paths and https addresses are`, { field, line, fix: 'Link with a site path such as `/pitfalls/#position-bias`, or an https:// address.' }));
		}
		if ('children' in node) {
			for (const c of splitInlineMath((node as Parent).children as PhrasingContent[])) {
				const p = c.type === 'inlineMath' ? mathProblem(c.value, false, file, line, field) : undefined;
				if (p) problems.push(p);
			}
		}
	});
	return problems;
}

function mathProblem(tex: string, display: boolean, file: string, line: number | undefined, field?: string): Problem | undefined {
	try {
		renderMath(tex, { display });
		return undefined;
	} catch (e) {
		if (!(e instanceof MathError)) throw e;
		return problem(file, `cannot render the formula "${e.tex}": ${e.reason}`, { line, field, fix: MathError.FIX });
	}
}
