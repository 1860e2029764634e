/**
 * GitHub's inline math syntax, a dollar sign right outside inline code: $`p = \frac{a}{b}`$.
 * Shared by the body's remark plugin and the inline renderer for catalog and frontmatter text.
 */
import type { InlineCode, PhrasingContent, Text } from 'mdast';

/** An inline formula found among phrasing nodes (TeX source, and where it was). */
export interface InlineMath {
	type: 'inlineMath';
	value: string;
	position?: InlineCode['position'];
}

/**
 * The children with each $`…`$ turned into an InlineMath node, the dollar signs removed from
 * the neighbouring text. Children without formulas come back unchanged (same array).
 */
export function splitInlineMath(children: PhrasingContent[]): (PhrasingContent | InlineMath)[] {
	const isFormula = (i: number) => {
		const [prev, node, next] = [children[i - 1], children[i], children[i + 1]];
		return node?.type === 'inlineCode' && prev?.type === 'text' && next?.type === 'text' && prev.value.endsWith('$') && next.value.startsWith('$');
	};
	if (!children.some((_, i) => isFormula(i))) return children;
	const out: (PhrasingContent | InlineMath)[] = children.map((c) => (c.type === 'text' ? { ...c } : c));
	children.forEach((node, i) => {
		if (!isFormula(i)) return;
		(out[i - 1] as Text).value = (out[i - 1] as Text).value.slice(0, -1);
		(out[i + 1] as Text).value = (out[i + 1] as Text).value.slice(1);
		out[i] = { type: 'inlineMath', value: (node as InlineCode).value, position: node.position };
	});
	return out.filter((c) => c.type !== 'text' || c.value !== '');
}
