/**
 * `npm run check`: every content problem at once, grouped by file, with line
 * numbers and fixes, then type errors from `astro check`. Exit 1 when any.
 * Flags: --no-types skips `astro check` (faster while writing content).
 */
import { checkContent } from '../src/lib/content/check-content.ts';
import { checkDiagram } from '../src/lib/diagrams/index.ts';
import { astroCheckProblems } from '../src/lib/tooling/astro-check.ts';
import { formatReport } from '../src/lib/content/problems.ts';
import { projectRoot } from '../src/lib/content/project.ts';

const skipTypes = process.argv.includes('--no-types');
const root = projectRoot();
const report = await checkContent({ root, checkDiagram });
const problems = [...report.problems];
if (!skipTypes) problems.push(...astroCheckProblems(root));
const drafts = report.cases.filter((c) => c.data.draft).map((c) => c.slug);

console.log(`Checked ${report.filesChecked} content files${skipTypes ? '' : ' and the TypeScript types'}.`);
if (drafts.length) console.log(`Drafts (built but not listed): ${drafts.join(', ')}. Remove \`draft: true\` when a case is ready.`);
console.log();
console.log(formatReport([...problems, ...report.warnings]));
// Warnings (unfinished drafts) are shown but do not fail the check.
process.exit(problems.length ? 1 : 0);
