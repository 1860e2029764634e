/**
 * `<DeepDive title="…">` in a case body: each needs a plain-text title, unique in
 * the case, whose slug (the deep dive's id and link anchor) no heading already uses.
 */
import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { slugify } from './slug.ts';
import { problem, type Problem } from './problems.ts';

export const DEEP_DIVE = 'DeepDive';

export interface DeepDiveCheck {
	/** Ids of the deep dives, in body order (the slugs of their titles). */
	anchors: string[];
	problems: Problem[];
}

/** `headingAnchors`: every other id on the page, which a deep dive's id must not repeat. */
export function checkDeepDives(tree: Root, file: string, headingAnchors: readonly string[]): DeepDiveCheck {
	const out: DeepDiveCheck = { anchors: [], problems: [] };
	const seen = new Map<string, number | undefined>();
	walk(tree, false, (el, nested) => {
		const line = el.position?.start.line;
		if (el.type === 'mdxJsxTextElement') {
			out.problems.push(problem(file, '<DeepDive> inside a paragraph; a deep dive is a block of its own', { line, fix: 'Put `<DeepDive title="…">` and `</DeepDive>` on lines of their own, with blank lines around the content.' }));
			return;
		}
		if (nested) {
			out.problems.push(problem(file, '<DeepDive> inside another deep dive; deep dives do not nest', { line, fix: 'Close the outer deep dive first, or make this one a `###` subsection of it.' }));
		}
		const attr = el.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'title');
		const title = attr && typeof attr.value === 'string' ? attr.value.trim() : '';
		if (!title) {
			// A missing title, or one that is an expression or has no value, is reported by checkNoCode: one message per mistake.
			if (attr && typeof attr.value === 'string') out.problems.push(problem(file, '<DeepDive> with an empty title; the title is what a reader sees while it is collapsed', { line, fix: 'Write `<DeepDive title="What is inside">`, a plain quoted string.' }));
		} else {
			const id = slugify(title);
			if (seen.has(id)) {
				out.problems.push(problem(file, `deep dive "${title}" has the same anchor #${id} as the deep dive on line ${seen.get(id)}`, { line, fix: 'Give each deep dive in the case its own title.' }));
			} else if (headingAnchors.includes(id)) {
				out.problems.push(problem(file, `deep dive "${title}" has the anchor #${id}, which a heading of the page already uses`, { line, fix: 'Reword the title so it differs from the heading, e.g. say what the deep dive adds.' }));
			} else out.anchors.push(id);
			seen.set(id, line);
		}
		if (!el.children.some((c) => c.type !== 'mdxFlowExpression')) {
			out.problems.push(problem(file, `deep dive "${title || '(untitled)'}" is empty`, { line, fix: 'Write its content between `<DeepDive …>` and `</DeepDive>`, with a blank line after the opening tag and before the closing one.' }));
		}
	});
	return out;
}

type JsxElement = MdxJsxFlowElement | (Omit<MdxJsxFlowElement, 'type'> & { type: 'mdxJsxTextElement' });

/** Calls `visit` for every DeepDive element, in document order, saying whether it sits inside another. */
function walk(node: { type: string; children?: unknown[] }, inside: boolean, visit: (el: JsxElement, nested: boolean) => void): void {
	const isDeepDive = (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && (node as JsxElement).name === DEEP_DIVE;
	if (isDeepDive) visit(node as JsxElement, inside);
	for (const child of (node.children ?? []) as { type: string; children?: unknown[] }[]) walk(child, inside || isDeepDive, visit);
}
