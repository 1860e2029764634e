import { readFileSync, statSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import { formatBytes } from '../numbers/estimates.ts';
import { parseYamlSource, type YamlSource } from './yaml-source.ts';
import { problem, type Problem } from './problems.ts';

/** Case files larger than this are refused before parsing. */
export const MAX_CASE_BYTES = 1_000_000;

export interface CaseSource {
	/** Path as shown in messages, relative to the project root. */
	file: string;
	/** Slug from the file name: `case-studies/tiktok-feed.mdx` → `tiktok-feed`. */
	slug: string;
	text?: string;
	frontmatter?: YamlSource;
	/** The MDX body's syntax tree; positions are lines of the whole file. */
	tree?: Root;
	/** Line of the file where the body starts. */
	bodyLine: number;
	problems: Problem[];
}

const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** Reads one case file: size, encoding, frontmatter and MDX syntax. Never throws for content mistakes. */
export function readCaseSource(absPath: string, file: string, slug: string): CaseSource {
	const out: CaseSource = { file, slug, bodyLine: 1, problems: [] };
	const size = statSync(absPath).size;
	if (size > MAX_CASE_BYTES) {
		out.problems.push(problem(file, `file is ${formatBytes(size)}; a case study must be under ${formatBytes(MAX_CASE_BYTES)}`, { fix: 'Split long material into concept pages or trim it; keep images and data out of the MDX file.' }));
		return out;
	}
	const bytes = readFileSync(absPath);
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		const at = firstInvalidUtf8(bytes);
		const line = bytes.subarray(0, at).toString('latin1').split('\n').length;
		out.problems.push(problem(file, `file is not valid UTF-8 (first bad byte at offset ${at})`, { line, fix: 'Re-save the file with UTF-8 encoding (in VS Code: "Save with Encoding" → UTF-8).' }));
		return out;
	}
	text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	out.text = text;
	const fm = /^---\n([\s\S]*?)\n?---[ \t]*(?:\n|$)/.exec(text);
	if (!fm) {
		out.problems.push(problem(file, 'missing frontmatter: the file must start with a line `---`, the YAML fields, and a closing `---`', { line: 1, fix: 'Start from templates/case-study.mdx, or run `npm run new-case`.' }));
		return out;
	}
	out.frontmatter = parseYamlSource(fm[1], file, 1);
	out.problems.push(...out.frontmatter.problems);
	out.bodyLine = fm[0].split('\n').length - (fm[0].endsWith('\n') ? 1 : 0) + 1;
	// Pad with newlines so the body's positions are lines of the whole file.
	const body = '\n'.repeat(out.bodyLine - 1) + text.slice(fm[0].length);
	try {
		out.tree = mdxParser.parse(body) as Root;
	} catch (error) {
		const e = error as { reason?: string; message: string; line?: number; column?: number; place?: { line?: number; column?: number; start?: { line: number; column: number } } };
		const place = e.place && 'start' in e.place ? e.place.start : e.place;
		const reason = (e.reason ?? e.message).split('\n')[0];
		// micromark puts the position in the reason as "(61:1-61:10)" when it is not on the error itself.
		const at = /\((\d+):(\d+)(?:-\d+:\d+)?\)\s*$/.exec(reason);
		out.problems.push(
			problem(file, `MDX syntax error: ${reason.replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)\s*$/, '')}`, {
				line: e.line ?? place?.line ?? (at ? Number(at[1]) : undefined),
				column: e.column ?? place?.column ?? (at ? Number(at[2]) : undefined),
				fix: 'Close every tag you open (`<details>` … `</details>`), and write `<`, `{` and `}` in prose as "less than", `&lt;`, `\\{` and `\\}`, or inside `code`.',
			}),
		);
	}
	return out;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
	// A prefix decodes cleanly (in streaming mode) until it contains the first bad byte: binary search for it.
	const fails = (n: number) => {
		try {
			new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
			return false;
		} catch {
			return true;
		}
	};
	let lo = 0;
	let hi = bytes.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (fails(mid + 1)) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}
