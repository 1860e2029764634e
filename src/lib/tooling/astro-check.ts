import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { problem, type Problem } from '../content/problems.ts';

/** Where `astro sync` writes the generated types that `src/pages` needs (`astro:content`). */
export const GENERATED_TYPES = '.astro/types.d.ts';

export interface TypeCheck {
	problems: Problem[];
	/** Set when the types were not checked, saying why. */
	skipped?: string;
}

/**
 * Type errors from `astro check`, as problems in the same report.
 * With clean content it syncs first, so a fresh clone (no `.astro/`) gets its generated
 * types; with broken content `astro sync` fails, so it reuses existing types or skips.
 * `astro check` prints `path:line:col - error ts(code): message`.
 */
export function astroTypeCheck(cwd: string, contentIsClean: boolean): TypeCheck {
	const haveTypes = existsSync(join(cwd, GENERATED_TYPES));
	if (!contentIsClean && !haveTypes) {
		return { problems: [], skipped: 'TypeScript types not checked: they are generated from the content, which has the problems below. Fix them and run `npm run check` again.' };
	}
	const args = ['astro', 'check', '--minimumSeverity', 'error', ...(contentIsClean ? [] : ['--noSync'])];
	const result = spawnSync('npx', args, { cwd, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' } });
	const output = `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
	const problems = [...output.matchAll(/^(\S[^\n]*?):(\d+):(\d+) - error (ts\(\d+\))?:?\s*(.*)$/gm)].map((m) =>
		problem(m[1], `type error ${m[4] ?? ''}: ${m[5]}`.replace('  ', ' '), { line: Number(m[2]), column: Number(m[3]), fix: 'Fix the type error; `npx astro check` shows the context.' }),
	);
	if (result.status !== 0 && problems.length === 0) {
		problems.push(problem('(astro check)', `astro check failed: ${output.trim().split('\n').slice(-5).join(' / ')}`, { fix: 'Run `npx astro check` to see the full output.' }));
	}
	return { problems };
}
