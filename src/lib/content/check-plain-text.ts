import { problem, type Problem } from './problems.ts';

type LineOf = (path: readonly PropertyKey[]) => number | undefined;

const TAG = /<\/?[a-z][a-z0-9-]*(\s[^>]*)?\/?>/i;

/**
 * Frontmatter and catalog text are plain text, escaped wherever they are shown: HTML in them would
 * appear as literal tags (and must never be run), so every string field is checked for it.
 */
export function checkPlainText(data: unknown, file: string, lineOf: LineOf, what: 'frontmatter' | 'catalog text', path: PropertyKey[] = []): Problem[] {
	if (typeof data === 'string') {
		const tag = TAG.exec(data);
		if (!tag) return [];
		const field = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
		return [problem(file, `HTML tag ${tag[0].slice(0, 40)} in "${field}"; ${what} is plain text and is shown literally, never run`, { field, line: lineOf(path), fix: `Remove the markup; write plain text (Markdown is not rendered in ${what} either).` })];
	}
	if (Array.isArray(data)) return data.flatMap((v, i) => checkPlainText(v, file, lineOf, what, [...path, i]));
	if (data && typeof data === 'object') return Object.entries(data).flatMap(([k, v]) => checkPlainText(v, file, lineOf, what, [...path, k]));
	return [];
}
