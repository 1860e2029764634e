import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { didYouMeanPhrase } from './suggest.ts';
import { problem, type Problem } from './problems.ts';

export interface YamlSource {
	data: unknown;
	/** Line (1-based, in the whole file) where the value at `path` starts; the nearest parent's when absent. */
	lineOf(path: readonly PropertyKey[]): number | undefined;
	problems: Problem[];
}

/**
 * Parses YAML and keeps positions so problems can name lines.
 * `lineOffset` is the number of file lines before the YAML (1 for frontmatter after `---`).
 */
export function parseYamlSource(text: string, file: string, lineOffset = 0): YamlSource {
	const counter = new LineCounter();
	const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
	// Only the first syntax error is reliable; the ones after it usually cascade from it.
	const problems = doc.errors.slice(0, 1).map((e) =>
		problem(file, `YAML syntax error: ${e.message.split('\n')[0]}`, {
			line: counter.linePos(e.pos[0]).line + lineOffset,
			column: counter.linePos(e.pos[0]).col,
			fix: `Check indentation, colons and quotes on this line; quote strings that contain ": " or start with a special character.${doc.errors.length > 1 ? ` (${doc.errors.length - 1} more YAML error${doc.errors.length > 2 ? 's' : ''} after this one may go away with it.)` : ''}`,
		}),
	);
	const lineOf = (path: readonly PropertyKey[]) => {
		for (let n = path.length; n >= 0; n--) {
			const node = doc.getIn(path.slice(0, n) as unknown[], true);
			if (isNode(node) && node.range) return counter.linePos(node.range[0]).line + lineOffset;
			// A missing key: point at its parent map's key line instead.
		}
		return undefined;
	};
	return { data: problems.length ? undefined : doc.toJS(), lineOf, problems };
}

/** Turns zod issues into problems naming the field, the line, what was expected and the fix. */
export function zodProblems(error: z.ZodError, file: string, source: Pick<YamlSource, 'lineOf'>, data: unknown, schema: z.ZodType, fieldPrefix = ''): Problem[] {
	return error.issues.map((issue) => {
		const path = issue.path;
		const field = fieldPrefix + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
		const line = source.lineOf(issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]] : path);
		const value = getIn(data, path);
		const { message, fix } = describeIssue(issue, field, value, schema);
		return problem(file, message, { line, field: field || undefined, fix });
	});
}

function getIn(data: unknown, path: readonly PropertyKey[]): unknown {
	let v: unknown = data;
	for (const key of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
	return v;
}

const show = (v: unknown) => (typeof v === 'string' ? `"${v.length > 60 ? v.slice(0, 57) + '…' : v}"` : JSON.stringify(v));

function describeIssue(issue: z.core.$ZodIssue, field: string, value: unknown, schema: z.ZodType): { message: string; fix: string } {
	const name = field || 'frontmatter';
	switch (issue.code) {
		case 'invalid_type': {
			if (value === undefined) return { message: `missing required field "${name}" (expected ${issue.expected})`, fix: `Add \`${name.split('.').pop()}:\` with a ${issue.expected} value; see templates/case-study.mdx for an example.` };
			const got = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
			return { message: `expected ${issue.expected} for "${name}", got ${got} ${show(value)}`, fix: issue.expected === 'number' ? `Write a plain number without quotes or units, e.g. \`${name.split('.').pop()}: 200\`.` : `Change "${name}" to a ${issue.expected}.` };
		}
		case 'unrecognized_keys': {
			const known = keysAt(schema, issue.path);
			const keys = issue.keys.map((k) => `"${k}"${didYouMeanPhrase(k, known).replace(/^ Did you mean (.*)\?$/, ' (did you mean $1?)')}`);
			return { message: `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys.join(', ')}${field ? ` in "${field}"` : ''}`, fix: `Remove or rename it. Allowed keys: ${known.join(', ')}.` };
		}
		case 'invalid_value': {
			const options = issue.values.map(String);
			return { message: `unexpected value ${show(value)} for "${name}"; expected one of ${options.map((o) => `"${o}"`).join(', ')}.${didYouMeanPhrase(String(value), options)}`, fix: `Use one of: ${options.join(', ')}.` };
		}
		case 'too_small':
		case 'too_big': {
			if (issue.origin === 'string' && typeof value === 'string') {
				// Zod's own wording starts "Too big"/"Too small"; anything else is the schema's reason.
				const reason = /^Too (small|big)/.test(issue.message) ? '' : `: ${issue.message}`;
				const limit = issue.code === 'too_big' ? `at most ${issue.maximum}` : `at least ${issue.minimum}`;
				return { message: `"${name}" is ${value.length} characters; expected ${limit}${reason} (got ${show(value)})`, fix: issue.code === 'too_big' ? `Shorten "${name}" to ${issue.maximum} characters or fewer.` : `Write at least ${issue.minimum} characters for "${name}".` };
			}
			return { message: `"${name}" ${issue.message.replace(/^Too (small|big): expected /, 'should be ')} (got ${show(value)})`, fix: issue.origin === 'array' ? `Adjust the number of entries in "${name}".` : `Adjust the value of "${name}".` };
		}
		case 'invalid_format':
			return { message: `${issue.message} for "${name}" (got ${show(value)})`, fix: issue.format === 'url' ? 'Use a full https:// URL to the document itself.' : `Fix the format of "${name}".` };
		default:
			return { message: `${issue.message} for "${name}"`, fix: `Fix "${name}"; see the schema in src/schemas/.` };
	}
}

/** The keys an object schema allows at `path`, for "allowed keys" and "did you mean" hints. */
export function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
	let node: any = schema;
	const unwrap = () => {
		while (node?.def && ['default', 'optional', 'nullable', 'prefault', 'readonly', 'catch'].includes(node.def.type)) node = node.def.innerType;
		if (node?.def?.type === 'pipe') node = node.def.in;
	};
	unwrap();
	for (const key of path) {
		if (node?.def?.type === 'object') node = node.shape[key as string];
		else if (node?.def?.type === 'array') node = node.def.element;
		else if (node?.def?.type === 'record') node = node.def.valueType;
		else return [];
		unwrap();
	}
	return node?.def?.type === 'object' ? Object.keys(node.shape) : [];
}
