import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { parseYamlSource, zodProblems } from './yaml-source.ts';
import { ContentError, problem, type Problem } from './problems.ts';

/** Reads and validates one YAML data file; returns its data or the problems found. */
export function readDataFile<T extends z.ZodType>(root: string, file: string, schema: T): { data?: z.infer<T>; problems: Problem[] } {
	let text: string;
	try {
		text = readFileSync(join(root, file), 'utf8');
	} catch {
		return { problems: [problem(file, 'file is missing', { fix: `Restore ${file} from the repository.` })] };
	}
	const source = parseYamlSource(text, file);
	if (source.problems.length) return { problems: source.problems };
	const parsed = schema.safeParse(source.data);
	if (!parsed.success) return { problems: zodProblems(parsed.error, file, source, source.data, schema) };
	return { data: parsed.data, problems: [] };
}

/** Like readDataFile, but throws a ContentError (the formatted report) when anything is wrong. */
export function loadDataFile<T extends z.ZodType>(root: string, file: string, schema: T): z.infer<T> {
	const { data, problems } = readDataFile(root, file, schema);
	if (problems.length || data === undefined) throw new ContentError(problems);
	return data;
}
