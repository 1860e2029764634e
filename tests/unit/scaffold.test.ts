import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { smartQuotes } from '../../src/lib/site/typography.ts';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { formatReport } from '../../src/lib/content/problems.ts';
import { loadFramework } from '../../src/lib/content/framework.ts';
import { makeContentRoot, runIn } from '../fixtures/content-root.ts';

const script = join(process.cwd(), 'scripts/new-case.ts');
const newCase = (root: string, ...args: string[]) => runIn(process.cwd(), 'node', [script, ...args], { MLSD_ROOT: root });

describe('npm run new-case', () => {
	it('writes a case from the template with every framework section, and it passes the checks', async () => {
		const root = makeContentRoot({});
		const { status, output } = newCase(root, '--title', 'Spotify playlist continuation', '--domain', 'recommendation', '--difficulty', 'intermediate');
		expect(status, output).toBe(0);
		expect(output).toContain('Created case-studies/spotify-playlist-continuation.mdx');
		const text = readFileSync(join(root, 'case-studies/spotify-playlist-continuation.mdx'), 'utf8');
		const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
		expect(headings).toEqual(loadFramework().sections.map((s) => s.title));
		for (const s of loadFramework().sections) expect(text).toContain(s.hints[0]);
		expect(text).toMatch(/^draft: true$/m);
		const report = await checkContent({ root });
		expect(formatReport(report.problems)).toBe('No problems found.');
		// The draft lists every section under keyPoints, empty: each is a warning to fill in, not an error.
		expect(report.warnings.map((w) => w.field)).toEqual(loadFramework().sections.map((s) => `keyPoints.${s.id}`));
		expect(report.warnings[0].message).toBe('"Requirements and scope" has 0 key points; expected 3–6');
	});

	it('takes an explicit slug', () => {
		const root = makeContentRoot({});
		expect(newCase(root, '--title', 'Uber ETA', '--domain', 'search', '--difficulty', 'foundation', '--slug', 'eta-prediction').status).toBe(0);
		expect(existsSync(join(root, 'case-studies/eta-prediction.mdx'))).toBe(true);
	});

	it('refuses to overwrite an existing case', () => {
		const root = makeContentRoot({ 'case-studies/uber-eta.mdx': 'mine' });
		const { status, output } = newCase(root, '--title', 'Uber ETA', '--domain', 'search', '--difficulty', 'foundation');
		expect(status).toBe(1);
		expect(output).toContain('case-studies/uber-eta.mdx already exists; it will not be overwritten');
		expect(readFileSync(join(root, 'case-studies/uber-eta.mdx'), 'utf8')).toBe('mine');
	});

	it('rejects a slug that is not URL-safe, an unknown domain and difficulty, all at once', () => {
		const root = makeContentRoot({});
		const { status, output } = newCase(root, '--title', 'X feed', '--domain', 'recomendation', '--difficulty', 'hard', '--slug', 'My Feed!');
		expect(status).toBe(1);
		expect(output).toMatchInlineSnapshot(`
			"
			Cannot create the case:
			  - domain: unknown domain "recomendation". Did you mean "recommendation"? Use one of recommendation, search, ads, vision, integrity, risk, forecasting, genai, or add one to case-studies/domains.yaml.
			  - difficulty: "hard" is not one of foundation, intermediate, advanced.
			  - slug: "My Feed!" is not URL-safe; use lowercase letters, digits and single hyphens, e.g. "playlist-continuation".

			Usage: npm run new-case -- --title "…" --domain <domain> --difficulty <foundation|intermediate|advanced> [--slug <slug>]
			"
		`);
	});

	it('asks for what is missing, and without a terminal says which flags to pass', () => {
		const root = makeContentRoot({});
		const { status, output } = newCase(root, '--title', 'Only a title');
		expect(status).toBe(1);
		expect(output).toContain('Missing --domain, --difficulty (no terminal to ask on).');
	});

	it('escapes quotes in the title so the frontmatter stays valid', async () => {
		const root = makeContentRoot({});
		expect(newCase(root, '--title', 'The "smart" reply', '--domain', 'search', '--difficulty', 'foundation').status).toBe(0);
		const report = await checkContent({ root });
		// The YAML stays valid and keeps the title as typed; loading it sets the quotes typographically.
		expect(readFileSync(join(root, 'case-studies/the-smart-reply.mdx'), 'utf8')).toMatch(/^title: .*smart.*$/m);
		expect(report.cases[0].data.title).toBe('The \u201csmart\u201d reply');
	});

	it.each([["Dollar $' and $& and $$ and $1"], ["Ranking at $`scale`$'s edge"]])('keeps the title %j as typed, and the file intact', async (title) => {
		const root = makeContentRoot({});
		const { status, output } = newCase(root, '--title', title, '--domain', 'search', '--difficulty', 'foundation', '--slug', 'odd-title');
		expect(status, output).toBe(0);
		const text = readFileSync(join(root, 'case-studies/odd-title.mdx'), 'utf8');
		expect(text.match(/^## /gm)).toHaveLength(loadFramework().sections.length);
		const report = await checkContent({ root });
		// The file holds the title as typed (checked through the YAML); loading sets typographic quotes.
		expect(text).toContain(`title: "${title}"`);
		expect(report.cases[0].data.title).toBe(smartQuotes(title));
		expect(report.cases[0].data.domain).toBe('search');
	});
});
