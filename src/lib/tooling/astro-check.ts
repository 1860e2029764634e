import { spawnSync } from 'node:child_process';
import { problem, type Problem } from '../content/problems.ts';

/**
 * Type errors from `astro check`, as problems in the same report.
 * `astro check` prints `path:line:col - error ts(code): message`.
 */
export function astroCheckProblems(cwd: string): Problem[] {
	const result = spawnSync('npx', ['astro', 'check', '--minimumSeverity', 'error', '--noSync'], { cwd, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' } });
	const output = `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
	const problems = [...output.matchAll(/^(\S[^\n]*?):(\d+):(\d+) - error (ts\(\d+\))?:?\s*(.*)$/gm)].map((m) =>
		problem(m[1], `type error ${m[4] ?? ''}: ${m[5]}`.replace('  ', ' '), { line: Number(m[2]), column: Number(m[3]), fix: 'Fix the type error; `npx astro check` shows the context.' }),
	);
	if (result.status !== 0 && problems.length === 0) {
		problems.push(problem('(astro check)', `astro check failed: ${output.trim().split('\n').slice(-5).join(' / ')}`, { fix: 'Run `npx astro check` to see the full output.' }));
	}
	return problems;
}
