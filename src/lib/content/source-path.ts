import { isAbsolute, relative } from 'node:path';
import type { VFile } from 'vfile';

/** `file.path` relative to the project root for messages (`case-studies/x.mdx:12: …`), with the line when known. */
export function sourceLocation(file: VFile, line?: number): string {
	const rel = file.path && isAbsolute(file.path) ? relative(process.cwd(), file.path) : undefined;
	const path = rel && !rel.startsWith('..') ? rel : file.path || '<input>';
	return line === undefined ? path : `${path}:${line}`;
}
