import type { Heading, List, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { inlineNodes } from '../lib/site/inline-markdown.ts';

/**
 * Puts each section's key points (frontmatter `keyPoints`, keyed by framework
 * section id) right after its `##` heading, so they lead the section wherever
 * the body renders: the case page, its print layout and PDF, search. Built as
 * Markdown nodes with the shared inline parser (src/lib/site/inline-markdown.ts), so a key point
 * reads the same here as on the crib sheet, the practice page and the flashcards, and its text is
 * escaped like any other.
 */
export interface KeyPointsOptions {
	/** The framework's sections: the heading title a section has, and its id. */
	sections: readonly { id: string; title: string }[];
}

export const KEY_POINTS_CLASS = 'key-points';

export default function remarkKeyPoints(options: KeyPointsOptions) {
	const idOf = new Map(options.sections.map((s) => [s.title, s.id]));
	return (tree: Root, file: VFile): void => {
		const frontmatter = (file.data.astro as { frontmatter?: { keyPoints?: unknown } } | undefined)?.frontmatter;
		const keyPoints = frontmatter?.keyPoints;
		if (!keyPoints || typeof keyPoints !== 'object') return;
		const children: RootContent[] = [];
		for (const node of tree.children) {
			children.push(node);
			if (node.type !== 'heading' || node.depth !== 2) continue;
			const id = idOf.get(toString(node as Heading).trim());
			const points = id ? (keyPoints as Record<string, unknown>)[id] : undefined;
			if (id && Array.isArray(points) && points.length) children.push(keyPointsBlock(id, points.map(String)));
		}
		tree.children = children;
	};
}

function keyPointsBlock(section: string, points: string[]): RootContent {
	const label: Paragraph = { type: 'paragraph', data: { hProperties: { className: ['key-points-label'] } }, children: [{ type: 'text', value: 'Key points' }] };
	const list: List = {
		type: 'list',
		ordered: false,
		spread: false,
		children: points.map((p) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: inlineNodes(p) }] })),
	};
	// An unknown node type with hName becomes that element; mdast has no generic container.
	return { type: 'keyPoints', data: { hName: 'div', hProperties: { className: [KEY_POINTS_CLASS], dataKeyPoints: section } }, children: [label, list] } as unknown as RootContent;
}
