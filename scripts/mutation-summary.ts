/**
 * After `stryker run` (npm run test:mutation): the mutation score per module from Stryker's JSON
 * report, printed and written into bench/RESULTS.md's "Mutation testing" section (between its
 * markers; the notes below them, such as survivors judged equivalent, are kept).
 *
 * A run over some modules only (`npx stryker run --mutate src/lib/numbers/stats.ts`, then
 * `node scripts/mutation-summary.ts`) replaces those modules' rows and keeps the others, each row
 * with the date it was measured, so the table can be brought up to date one module at a time.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const REPORT = '.cache/mutation-report.json';
const RESULTS = 'bench/RESULTS.md';
const START = '<!-- mutation:start -->';
const END = '<!-- mutation:end -->';

interface Row {
	file: string;
	killed: number;
	survived: number;
	noCoverage: number;
	/** Mutants whose test run broke outside any test (Stryker's RuntimeError and CompileError): left out of the score. */
	errors: number;
	ignored: number;
	date: string;
}

if (!existsSync(REPORT)) {
	console.error(`${REPORT} is missing: run \`npx stryker run\` first (npm run test:mutation does both).`);
	process.exit(1);
}
const report: { files: Record<string, { mutants: { status: string }[] }> } = JSON.parse(readFileSync(REPORT, 'utf8'));
const today = new Date().toISOString().slice(0, 10);
const measured: Row[] = Object.entries(report.files).map(([file, { mutants }]) => {
	const count = (...s: string[]) => mutants.filter((m) => s.includes(m.status)).length;
	return { file, killed: count('Killed', 'Timeout'), survived: count('Survived'), noCoverage: count('NoCoverage'), errors: count('RuntimeError', 'CompileError'), ignored: count('Ignored'), date: today };
});

const text = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmark results\n';
const rows = new Map(previousRows(text).map((r) => [r.file, r]));
for (const r of measured) rows.set(r.file, r);

const tested = (r: Pick<Row, 'killed' | 'survived' | 'noCoverage'>) => r.killed + r.survived + r.noCoverage;
const score = (r: Pick<Row, 'killed' | 'survived' | 'noCoverage'>) => (tested(r) ? (100 * r.killed) / tested(r) : 100);
const sorted = [...rows.values()].sort((a, b) => a.file.localeCompare(b.file));
const all = sorted.reduce((t, r) => ({ killed: t.killed + r.killed, survived: t.survived + r.survived, noCoverage: t.noCoverage + r.noCoverage, errors: t.errors + r.errors, ignored: t.ignored + r.ignored }), { killed: 0, survived: 0, noCoverage: 0, errors: 0, ignored: 0 });
const dates = [...new Set(sorted.map((r) => r.date))].sort();

const table = [
	'| Module | Killed | Survived | No coverage | Broke the test run | Static (skipped) | Score | Measured |',
	'| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
	...sorted.map((r) => `| \`${r.file}\` | ${r.killed} | ${r.survived} | ${r.noCoverage} | ${r.errors} | ${r.ignored} | ${score(r).toFixed(1)} % | ${r.date} |`),
	`| **All** | ${all.killed} | ${all.survived} | ${all.noCoverage} | ${all.errors} | ${all.ignored} | **${score(all).toFixed(1)} %** | |`,
].join('\n');
console.log(table);

const block = `${START}\nStryker ${dates.join(', ')}: \`npm run test:mutation\`, or one module at a time with \`npx stryker run --mutate <file>\` then \`node scripts/mutation-summary.ts\` (vitest runner, per-test coverage, static mutants skipped). Score = killed (incl. timeouts) ÷ (killed + survived + no coverage); a mutant that broke the test run outside any test (a module that no longer loads, a failing \`beforeAll\`) is counted apart, as Stryker does.\n\n${table}\n${END}`;
const next = text.includes(START) ? text.replace(new RegExp(`${START}[\\s\\S]*?${END}`), () => block) : `${text.trimEnd()}\n\n## Mutation testing\n\n${block}\n`;
writeFileSync(RESULTS, next);
console.log(`\nWritten to ${RESULTS}.`);

/** The rows of the table already in RESULTS.md (a table without a date column counts as measured on the block's first date, one without an errors column as 0 errors). */
function previousRows(results: string): Row[] {
	const block = results.slice(results.indexOf(START), results.indexOf(END));
	if (!results.includes(START)) return [];
	const blockDate = /Stryker (\d{4}-\d{2}-\d{2})/.exec(block)?.[1] ?? 'unknown';
	return [...block.matchAll(/^\| `([^`]+)` \| (\d+) \| (\d+) \| (\d+) \|(?: (\d+) \|)? (\d+) \| [\d.]+ % \|(?: (\d{4}-\d{2}-\d{2}) \|)?$/gm)].map((m) => ({
		file: m[1]!,
		killed: Number(m[2]),
		survived: Number(m[3]),
		noCoverage: Number(m[4]),
		errors: Number(m[5] ?? 0),
		ignored: Number(m[6]),
		date: m[7] ?? blockDate,
	}));
}
