import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { smartQuotes } from '../../src/lib/site/typography.ts';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check-content.ts';
import { formatReport } from '../../src/lib/content/problems.ts';
import { loadFramework } from '../../src/lib/content/framework.ts';
import { makeContentRoot, runIn } from '../fixtures/content-root.ts';
import { askNewCase, defaultSlug } from '../../src/lib/content/new-case-answers.ts';
import { CASE_TITLE_MAX } from '../../src/schemas/case.ts';

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
		// A draft: the case standard's minimums are warnings until the case is listed.
		const fields = report.warnings.map((w) => w.field ?? w.message.split(';')[0]);
		expect(fields.filter((f) => !f.startsWith('keyPoints.'))).toEqual(['pitfalls', 'checklist', 'followUps', 'references', 'no authored pipeline diagram', 'no authored sequence diagram']);
		// Every section is listed under keyPoints, empty: each is a warning to fill in, not an error.
		expect(fields.filter((f) => f.startsWith('keyPoints.'))).toEqual(loadFramework().sections.map((s) => `keyPoints.${s.id}`));
	});

	it('derives a short slug from a long title, cut at a word, and says how to choose another', () => {
		const root = makeContentRoot({});
		const { status, output } = newCase(root, '--title', 'Visual search: shop the look from a photo, Pinterest-style', '--domain', 'search', '--difficulty', 'advanced');
		expect(status, output).toBe(0);
		expect(output).toContain('Slug: visual-search-shop-the-look-from-a-photo (from the title; choose another with --slug <slug>, at most 40 characters).');
		expect(existsSync(join(root, 'case-studies/visual-search-shop-the-look-from-a-photo.mdx'))).toBe(true);
	});

	it('refuses a title too long for the page titles built from it', () => {
		const { status, output } = newCase(makeContentRoot({}), '--title', 'x'.repeat(CASE_TITLE_MAX + 1), '--domain', 'search', '--difficulty', 'advanced');
		expect(status).toBe(1);
		expect(output).toContain(`title: ${CASE_TITLE_MAX + 1} characters; at most ${CASE_TITLE_MAX} fit in the page titles built from it.`);
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

describe('npm run new-case, asking on a terminal', () => {
	/** A terminal that gives the answers in order and records the conversation. */
	function terminal(answers: string[]) {
		const transcript: string[] = [];
		return {
			transcript,
			io: {
				ask: async (question: string) => {
					const answer = answers.shift();
					if (answer === undefined) throw new Error(`asked more than expected: ${question}`);
					transcript.push(`${question}${answer}`);
					return answer;
				},
				say: (line: string) => void transcript.push(line),
			},
		};
	}

	it('asks again until each answer is valid, and offers a slug made from the title', async () => {
		const root = makeContentRoot({ 'case-studies/visual-search.mdx': 'taken' });
		const { io, transcript } = terminal(['VS', 'Visual search: shop the look from a photo, Pinterest-style', 'serch', 'search', 'hard', 'advanced', 'visual-search', '']);
		const answers = await askNewCase(io, {}, ['recommendation', 'search', 'ads'], root);
		expect(answers).toEqual({ title: 'Visual search: shop the look from a photo, Pinterest-style', domain: 'search', difficulty: 'advanced', slug: 'visual-search-shop-the-look-from-a-photo' });
		expect(transcript.join('\n')).toMatchInlineSnapshot(`
			"Title (e.g. "Spotify-style playlist continuation"): VS
			  title: expected at least 3 characters, e.g. "Spotify-style playlist continuation".
			Title (e.g. "Spotify-style playlist continuation"): Visual search: shop the look from a photo, Pinterest-style
			Domain (recommendation, search, ads): serch
			  domain: unknown domain "serch". Did you mean "search"? Use one of recommendation, search, ads, or add one to case-studies/domains.yaml.
			Domain (recommendation, search, ads): search
			Difficulty (foundation, intermediate, advanced): hard
			  difficulty: "hard" is not one of foundation, intermediate, advanced.
			Difficulty (foundation, intermediate, advanced): advanced
			Slug: the page address /cases/<slug>/, at most 40 characters [visual-search-shop-the-look-from-a-photo]: visual-search
			  slug: case-studies/visual-search.mdx already exists; it will not be overwritten. Choose another slug with --slug.
			Slug: the page address /cases/<slug>/, at most 40 characters [visual-search-shop-the-look-from-a-photo]: "
		`);
	});

	it('keeps valid flags, asks only for the rest, and asks again for a flag that is wrong', async () => {
		const { io, transcript } = terminal(['recommendation', 'intermediate', 'feed']);
		const answers = await askNewCase(io, { title: 'Spotify playlist continuation', domain: 'recomendation', slug: 'Feed!' }, ['recommendation'], makeContentRoot({}));
		expect(answers.slug).toBe('feed');
		expect(transcript.join('\n')).toMatchInlineSnapshot(`
			"  domain: unknown domain "recomendation". Did you mean "recommendation"? Use one of recommendation, or add one to case-studies/domains.yaml.
			Domain (recommendation): recommendation
			Difficulty (foundation, intermediate, advanced): intermediate
			  slug: "Feed!" is not URL-safe; use lowercase letters, digits and single hyphens, e.g. "playlist-continuation".
			Slug: the page address /cases/<slug>/, at most 40 characters [spotify-playlist-continuation]: feed"
		`);
	});

	it('proposes at most 40 characters, cut at a word', () => {
		expect(defaultSlug('Spotify playlist continuation')).toBe('spotify-playlist-continuation');
		expect(defaultSlug('Ads click-through rate prediction at very large scale for a marketplace').length).toBeLessThanOrEqual(40);
		expect(defaultSlug('Ads click-through rate prediction at very large scale for a marketplace')).toBe('ads-click-through-rate-prediction-at');
	});
});
