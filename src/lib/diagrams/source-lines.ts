/** Locating constructs in the diagram source, for error line numbers (mermaid's db has none). */

export function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** 1-based line of the first line matching `re`, or undefined. */
export function findLine(blanked: string, re: RegExp): number | undefined {
	const lines = blanked.split('\n');
	for (let i = 0; i < lines.length; i++) if (re.test(lines[i]!)) return i + 1;
	return undefined;
}

/** Where a flowchart node is defined (with a shape or label) or, failing that, first mentioned. */
export function nodeLine(blanked: string, id: string): number | undefined {
	const e = escapeRegExp(id);
	return (
		findLine(blanked, new RegExp(`(^|[^\\w-])${e}\\s*(@\\{|[\\[({>])`)) ??
		findLine(blanked, new RegExp(`(^|[^\\w-])${e}($|[^\\w-])`))
	);
}
