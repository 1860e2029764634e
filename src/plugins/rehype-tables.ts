import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** From this many columns a table's rows stack on a phone. */
export const STACK_TABLE_COLUMNS = 3;
/** From this many columns a table sits in a scroll container (it may not fit the column at mid widths). */
export const WIDE_TABLE_COLUMNS = 4;

/**
 * Tables in Markdown bodies, readable at any width and searchable (cells stay separate words): each body cell carries its column's header
 * (`data-label`), so on a phone a row of a STACK_TABLE_COLUMNS-column table stacks as label/value
 * pairs (src/styles/tables.css); a table of WIDE_TABLE_COLUMNS or more sits in a labelled, keyboard-focusable scroll container whose
 * shadows show that more is off to the side.
 */
export default function rehypeTables() {
	return (tree: Root) => {
		visit(tree, 'element', (node: Element, index, parent) => {
			if (node.tagName !== 'table' || !parent || index === undefined) return;
			if ((parent as Element).properties?.dataTableWrap !== undefined) return;
			spaceCells(node);
			const headers = headerTexts(node);
			if (headers.length === 0) return;
			for (const row of rows(node, 'tbody')) {
				cells(row).forEach((cell, i) => {
					if (headers[i]) cell.properties = { ...cell.properties, dataLabel: headers[i] };
				});
			}
			if (headers.length < STACK_TABLE_COLUMNS) return;
			node.properties = { ...node.properties, className: ['table-stack'] };
			if (headers.length < WIDE_TABLE_COLUMNS) return;
			const wrap: Element = {
				type: 'element',
				tagName: 'div',
				properties: { className: ['table-wrap'], dataTableWrap: '', role: 'group', tabIndex: 0, ariaLabel: `Table: ${headers.join(', ')}` },
				children: [node],
			};
			parent.children[index] = wrap;
		});
	};
}

/** A space between adjacent cells, so text extracted from the page (the search index, excerpts) keeps cells as separate words. */
function spaceCells(table: Element): void {
	for (const row of [...rows(table, 'thead'), ...rows(table, 'tbody')]) {
		// A plain space: the newlines Markdown leaves between cells are dropped when the page is minified.
		const cellsOnly = row.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
		row.children = cellsOnly.flatMap((c, i) => (i > 0 ? [{ type: 'text' as const, value: ' ' }, c] : [c]));
	}
}

function rows(table: Element, section: 'thead' | 'tbody'): Element[] {
	const part = table.children.find((c): c is Element => c.type === 'element' && c.tagName === section);
	return (part?.children ?? []).filter((c): c is Element => c.type === 'element' && c.tagName === 'tr');
}

function cells(row: Element): Element[] {
	return row.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
}

function headerTexts(table: Element): string[] {
	const head = rows(table, 'thead')[0];
	return head ? cells(head).map((c) => text(c).replace(/\s+/g, ' ').trim()) : [];
}

function text(node: ElementContent): string {
	if (node.type === 'text') return node.value;
	return node.type === 'element' ? node.children.map(text).join('') : '';
}
