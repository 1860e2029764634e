import { problem, type Problem } from './problems.ts';
import { checkInlineText } from './check-formulas.ts';

type LineOf = (path: readonly PropertyKey[]) => number | undefined;

const TAG = /<\/?[a-z][a-z0-9-]*(\s[^>]*)?\/?>/i;

/**
 * Frontmatter and catalog text are inline Markdown at most (code, emphasis, site or https links,
 * formulas), rendered safely wherever they are shown: HTML in them would appear as literal tags (and
 * must never be run), and their links and formulas must render, so every string field is checked.
 */
export function checkPlainText(data: unknown, file: string, lineOf: LineOf, what: 'frontmatter' | 'catalog text', path: PropertyKey[] = []): Problem[] {
	if (typeof data === 'string') {
		const field = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
		const tag = TAG.exec(data);
		if (tag) {
			return [problem(file, `HTML tag ${tag[0].slice(0, 40)} in "${field}"; ${what} is shown as text and inline Markdown, never as HTML`, { field, line: lineOf(path), fix: 'Remove the markup; write plain text or inline Markdown (`code`, *emphasis*, [links](/pitfalls/)).' })];
		}
		return checkInlineText(data, file, field, lineOf(path));
	}
	if (Array.isArray(data)) return data.flatMap((v, i) => checkPlainText(v, file, lineOf, what, [...path, i]));
	if (data && typeof data === 'object') return Object.entries(data).flatMap(([k, v]) => checkPlainText(v, file, lineOf, what, [...path, k]));
	return [];
}
