/**
 * `npm test`: every suite, in order. Unit tests, then a build of the site, then
 * tests on the built HTML, then browser tests in real Chromium. Without a
 * browser the browser suite is skipped loudly; with CI=true that is a failure.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { BROWSER_INSTALL_HINT, findChromium } from '../src/lib/tooling/browser.ts';

const ci = process.env.CI === 'true' || process.env.CI === '1';
/** Suites by name, and the other words people use for them. */
const SUITES = ['unit', 'build', 'e2e'];
const ALIASES: Record<string, string> = { browser: 'e2e', chromium: 'e2e', html: 'build', dist: 'build' };
const unknown = process.argv.slice(2).filter((a) => !SUITES.includes(a) && !(a in ALIASES));
if (unknown.length) {
	console.error(`Unknown test suite${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.\nSuites: unit (logic), build (the built HTML; builds the site first), e2e (real Chromium; also "browser").\nExample: npm test -- unit e2e`);
	process.exit(2);
}
const only = process.argv.slice(2).map((a) => ALIASES[a] ?? a);
const totals = { passed: 0, failed: 0, skipped: 0 };
const skippedSuites: string[] = [];
let failed = false;

function run(label: string, cmd: string, args: string[]): boolean {
	console.log(`\n━━ ${label} ━━ ${cmd} ${args.join(' ')}`);
	const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
	return result.status === 0;
}

function vitest(project: string): void {
	if (only.length && !only.includes(project)) return;
	mkdirSync('.tmp', { recursive: true });
	const out = `.tmp/vitest-${project}.json`;
	const ok = run(`${project} tests`, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
	if (existsSync(out)) {
		const r = JSON.parse(readFileSync(out, 'utf8'));
		totals.passed += r.numPassedTests ?? 0;
		totals.failed += r.numFailedTests ?? 0;
		totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
	}
	if (!ok) failed = true;
}

/** How many tests a suite holds, without running any (a name no test has skips them all, hooks included). */
function countTests(project: string): { tests: number; files: number } {
	const out = `.tmp/vitest-${project}-count.json`;
	rmSync(out, { force: true });
	spawnSync('npx', ['vitest', 'run', '--project', project, '--testNamePattern', '^ no test is named this $', '--reporter=json', `--outputFile.json=${out}`], { stdio: 'ignore' });
	if (!existsSync(out)) return { tests: 0, files: 0 };
	const r = JSON.parse(readFileSync(out, 'utf8'));
	return { tests: r.numTotalTests ?? 0, files: r.testResults?.length ?? 0 };
}

vitest('unit');
if (!only.length || only.includes('build') || only.includes('e2e')) {
	if (!run('site build', 'npx', ['astro', 'build'])) {
		console.error('\nThe site did not build; build and browser tests cannot run.');
		process.exit(1);
	}
}
vitest('build');

const browser = await findChromium();
if (browser) {
	console.log(`\nBrowser: ${browser.path} (${browser.source})`);
	vitest('e2e');
} else if (!only.length || only.includes('e2e')) {
	const banner = [
		'',
		'█████████████████████████████████████████████████████████████████████',
		'  BROWSER TESTS SKIPPED: tests/e2e (practice, search, PDF, accessibility)',
		'',
		...BROWSER_INSTALL_HINT.split('\n').map((l) => `  ${l}`),
		'  then run `npm test` again.',
		'█████████████████████████████████████████████████████████████████████',
	].join('\n');
	console.error(banner);
	const count = countTests('e2e');
	totals.skipped += count.tests;
	skippedSuites.push(`e2e (${count.tests} tests in ${count.files} files)`);
	if (ci) {
		console.error('\nCI=true: a missing browser is a failure, not a skip.');
		failed = true;
	}
}

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped${skippedSuites.length ? ` (suite not run: ${skippedSuites.join(', ')})` : ''}`);
process.exit(failed ? 1 : 0);
