/**
 * `npm run check`: every content problem at once, grouped by file, with line
 * numbers and fixes, then type errors from `astro check`. Exit 1 when any
 * error; warnings (drafts below the case standard's minimums) fail nothing.
 * Flags: --no-types skips `astro check` (seconds instead of a minute: use it while writing).
 */
import { checkContent } from '../src/lib/content/check-content.ts';
import { checkDiagram } from '../src/lib/diagrams/index.ts';
import { astroTypeCheck } from '../src/lib/tooling/astro-check.ts';
import { formatReport } from '../src/lib/content/problems.ts';
import { projectRoot } from '../src/lib/content/project.ts';

const skipTypes = process.argv.includes('--no-types');
const root = projectRoot();
const report = await checkContent({ root, checkDiagram });
const problems = [...report.problems];
const types = skipTypes ? undefined : astroTypeCheck(root, report.problems.length === 0);
if (types) problems.push(...types.problems);
const drafts = report.cases.filter((c) => c.data.draft).map((c) => c.slug);

console.log(`Checked ${report.filesChecked} content files${types && !types.skipped ? ' and the TypeScript types' : ''}.`);
if (types?.skipped) console.log(types.skipped);
if (drafts.length) console.log(`Drafts (built but not listed): ${drafts.join(', ')}. Remove \`draft: true\` when a case is ready.`);
console.log();
console.log(formatReport([...problems, ...report.warnings]));
process.exit(problems.length ? 1 : 0);
