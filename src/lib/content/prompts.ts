import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promptIndexSchema, type InterviewPrompt } from '../../schemas/prompts.ts';
import { loadDataFile } from './data-file.ts';
import { CASES_DIR, projectRoot } from './project.ts';

/** The prompt index's data file: interview prompts mapped to the cases that answer them. */
export const PROMPTS_FILE = `${CASES_DIR}/prompts.yaml`;

/**
 * Every prompt of case-studies/prompts.yaml, validated. The index is optional: a content
 * root without it (a test fixture with only its own cases) simply has no prompts.
 */
export function loadPrompts(root = projectRoot()): InterviewPrompt[] {
	if (!existsSync(join(root, PROMPTS_FILE))) return [];
	return loadDataFile(root, PROMPTS_FILE, promptIndexSchema).prompts;
}
