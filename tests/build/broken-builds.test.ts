import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import htmlValidateConfig from '../../.htmlvalidate.mjs';
import { CASE_TITLE_MAX } from '../../src/schemas/case.ts';
import { FIXTURES, makeProjectCopy, runIn } from '../fixtures/content-root.ts';

// One project copy; each test swaps in one broken case and runs the real commands on it.
let root: string;
beforeAll(() => {
	root = makeProjectCopy({});
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const broken = readdirSync(join(FIXTURES, 'broken')).map((f) => f.replace(/\.mdx$/, ''));

function useCase(name: string, content: Buffer | string) {
	for (const f of readdirSync(join(root, 'case-studies'))) if (f.endsWith('.mdx')) rmSync(join(root, 'case-studies', f));
	writeFileSync(join(root, 'case-studies', `${name}.mdx`), content);
}

describe('a broken case fails both `npm run check` and `npm run build`', () => {
	it.each(broken)('%s', (name) => {
		useCase(name, readFileSync(join(FIXTURES, 'broken', `${name}.mdx`)));
		const file = `case-studies/${name}.mdx`;
		for (const [label, args] of [
			['check', ['scripts/check.ts', '--no-types']],
			['build', ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', '.tmp/dist']],
		] as const) {
			const { status, output } = runIn(root, 'node', [...args]);
			expect(status, `${label} must fail for ${name}`).not.toBe(0);
			expect(output, `${label} names the file`).toContain(file);
			expect(output, `${label} gives a fix`).toContain('fix:');
			expect(output, `${label} prints no stack trace`).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
			expect(output).toMatch(/Found \d+ problems? in 1 file\./);
		}
	});

	it('the valid fixture builds, with frontmatter text escaped, never read as HTML', () => {
		// Text with HTML's special characters that is not a tag passes the content check, and must come out as text
		// (quotes may be set typographically, src/lib/site/typography.ts).
		const prompt = `Rank items where p < q && r > s, "quoted" & 'single'.`;
		useCase('minimal', readFileSync(join(FIXTURES, 'valid.mdx'), 'utf8').replace(/^prompt: .*$/m, `prompt: ${JSON.stringify(prompt)}`));
		const { status, output } = runIn(root, 'node', ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', '.tmp/dist']);
		expect(status, output).toBe(0);
		const html = readFileSync(join(root, '.tmp/dist/cases/minimal/index.html'), 'utf8');
		expect(html).toContain('Minimal valid case');
		expect(html).toMatch(/<blockquote>Rank items where p &lt; q &amp;&amp; r &gt; s, (&quot;|&#34;|"|“)quoted(&quot;|&#34;|"|”) &amp; (&#39;|&#x27;|'|‘)single(&#39;|&#x27;|'|’)\.<\/blockquote>/);
		expect(html).not.toContain('p < q &&');
	});

	it('the valid fixture builds, and with the longest title allowed every page built from it is valid HTML', async () => {
		const title = 'Minimal valid case: a news feed '.padEnd(CASE_TITLE_MAX, 'x');
		useCase('minimal', readFileSync(join(FIXTURES, 'valid.mdx'), 'utf8').replace(/^title: .*$/m, `title: "${title}"`));
		const { status, output } = runIn(root, 'node', ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', '.tmp/dist']);
		expect(status, output).toBe(0);
		// A clean build says nothing alarming: warnings are for the contributor's mistakes only.
		expect(output.split('\n').filter((l) => /\[WARN\]/.test(l))).toEqual([]);
		const validator = new HtmlValidate(htmlValidateConfig);
		for (const page of ['cases/minimal/', 'practice/minimal/', 'practice/minimal/blank/', 'print/case/minimal/']) {
			const html = readFileSync(join(root, '.tmp/dist', page, 'index.html'), 'utf8');
			expect(html).toContain(title);
			const report = await validator.validateString(html, page);
			expect(report.results.flatMap((r) => r.messages.map((m) => `${page}: ${m.message} (${m.ruleId})`))).toEqual([]);
		}
	});

	it('a case scaffolded from the template builds, so the template cannot drift from the schema', () => {
		useCase('placeholder', readFileSync(join(FIXTURES, 'valid.mdx')));
		rmSync(join(root, 'case-studies', 'placeholder.mdx'));
		const scaffold = runIn(root, 'node', ['scripts/new-case.ts', '--title', 'Spotify playlist continuation', '--domain', 'recommendation', '--difficulty', 'intermediate']);
		expect(scaffold.status, scaffold.output).toBe(0);
		const { status, output } = runIn(root, 'node', ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', '.tmp/dist']);
		expect(status, output).toBe(0);
		const html = readFileSync(join(root, '.tmp/dist/cases/spotify-playlist-continuation/index.html'), 'utf8');
		expect(html).toContain('Spotify playlist continuation');
	});
});
