/**
 * `npm run new-case`: scaffold case-studies/<slug>.mdx from templates/case-study.mdx,
 * one section per framework section. Asks for what is missing (again until the answer is
 * valid, and for the slug with a default made from the title), or takes flags:
 *   npm run new-case -- --title "Spotify playlist continuation" --domain recommendation --difficulty intermediate [--slug x]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { loadFramework } from '../src/lib/content/framework.ts';
import { loadDomains } from '../src/lib/content/catalogs.ts';
import { scaffoldCase, validateNewCase, type NewCase } from '../src/lib/content/scaffold.ts';
import { askNewCase, SLUG_MAX } from '../src/lib/content/new-case-answers.ts';
import { CASES_DIR, projectRoot } from '../src/lib/content/project.ts';
import { ContentError } from '../src/lib/content/problems.ts';

const usage = 'Usage: npm run new-case -- --title "…" --domain <domain> --difficulty <foundation|intermediate|advanced> [--slug <slug>]';

try {
	const { values } = parseArgs({ options: { title: { type: 'string' }, domain: { type: 'string' }, difficulty: { type: 'string' }, slug: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
	if (values.help) {
		console.log(usage);
		process.exit(0);
	}
	const root = projectRoot();
	const framework = loadFramework(root);
	const domains = loadDomains(root).map((d) => d.id);
	const answers = await ask(values, domains, root);
	const errors = validateNewCase(answers, domains, root);
	if (errors.length) {
		console.error(`Cannot create the case:\n${errors.map((e) => `  - ${e}`).join('\n')}\n\n${usage}`);
		process.exit(1);
	}
	const { slug, text } = scaffoldCase(answers, framework, root);
	const file = join(CASES_DIR, `${slug}.mdx`);
	writeFileSync(join(root, file), text, { flag: 'wx' });
	if (!answers.slug) console.log(`Slug: ${slug} (from the title; choose another with --slug <slug>, at most ${SLUG_MAX} characters).`);
	console.log(`Created ${file} (draft).\nNext: write each section, then \`npm run dev\` to preview at /cases/${slug}/ and \`npm run check\` before opening a pull request.`);
} catch (error) {
	console.error(error instanceof ContentError ? error.message : `new-case failed: ${(error as Error).message}`);
	process.exit(1);
}

async function ask(values: Partial<Record<keyof NewCase, string>>, domains: string[], root: string): Promise<NewCase> {
	const missing = (['title', 'domain', 'difficulty'] as const).filter((k) => !values[k]);
	if (!missing.length) return { title: values.title!, domain: values.domain!, difficulty: values.difficulty!, slug: values.slug };
	if (!process.stdin.isTTY) {
		console.error(`Missing ${missing.map((m) => `--${m}`).join(', ')} (no terminal to ask on).\n${usage}`);
		process.exit(1);
	}
	const rl = createInterface({ input: process.stdin, output: process.stdout });
	try {
		return await askNewCase({ ask: (q) => rl.question(q), say: (line) => console.log(line) }, values, domains, root);
	} finally {
		rl.close();
	}
}
