/**
 * After `stryker run` (npm run test:mutation): the mutation score per module from Stryker's JSON
 * report, printed and written into bench/RESULTS.md's "Mutation testing" section (between its
 * markers; the notes below them, such as survivors judged equivalent, are kept).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const REPORT = '.cache/mutation-report.json';
const RESULTS = 'bench/RESULTS.md';
const START = '<!-- mutation:start -->';
const END = '<!-- mutation:end -->';

interface Mutant {
	status: string;
}
if (!existsSync(REPORT)) {
	console.error(`${REPORT} is missing: run \`npx stryker run\` first (npm run test:mutation does both).`);
	process.exit(1);
}
const report: { files: Record<string, { mutants: Mutant[] }> } = JSON.parse(readFileSync(REPORT, 'utf8'));

const rows = Object.entries(report.files)
	.sort(([a], [b]) => a.localeCompare(b))
	.map(([file, { mutants }]) => {
		const count = (...s: string[]) => mutants.filter((m) => s.includes(m.status)).length;
		const killed = count('Killed', 'Timeout');
		const survived = count('Survived');
		const noCoverage = count('NoCoverage');
		const ignored = count('Ignored');
		const tested = killed + survived + noCoverage;
		return { file, killed, survived, noCoverage, ignored, tested, score: tested ? (100 * killed) / tested : 100 };
	});
const all = rows.reduce((t, r) => ({ killed: t.killed + r.killed, tested: t.tested + r.tested, survived: t.survived + r.survived, noCoverage: t.noCoverage + r.noCoverage, ignored: t.ignored + r.ignored }), { killed: 0, tested: 0, survived: 0, noCoverage: 0, ignored: 0 });

const table = [
	'| Module | Killed | Survived | No coverage | Static (skipped) | Score |',
	'| --- | ---: | ---: | ---: | ---: | ---: |',
	...rows.map((r) => `| \`${r.file}\` | ${r.killed} | ${r.survived} | ${r.noCoverage} | ${r.ignored} | ${r.score.toFixed(1)} % |`),
	`| **All** | ${all.killed} | ${all.survived} | ${all.noCoverage} | ${all.ignored} | **${((100 * all.killed) / all.tested).toFixed(1)} %** |`,
].join('\n');
console.log(table);

const block = `${START}\nStryker ${new Date().toISOString().slice(0, 10)}, \`npm run test:mutation\` (vitest runner, per-test coverage, static mutants skipped). Score = killed (incl. timeouts) ÷ (killed + survived + no coverage).\n\n${table}\n${END}`;
const text = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmark results\n';
const next = text.includes(START) ? text.replace(new RegExp(`${START}[\\s\\S]*?${END}`), block) : `${text.trimEnd()}\n\n## Mutation testing\n\n${block}\n`;
writeFileSync(RESULTS, next);
console.log(`\nWritten to ${RESULTS}.`);
