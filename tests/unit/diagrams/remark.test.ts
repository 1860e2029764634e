import { beforeAll, describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import remarkMermaid from '../../../src/plugins/remark-mermaid.ts';
import { setUp } from './helpers.ts';

beforeAll(setUp, 60_000);

async function run(markdown: string, path = 'case-studies/example.mdx'): Promise<Root> {
	const processor = unified().use(remarkParse).use(remarkMermaid);
	return (await processor.run(processor.parse(markdown), new VFile({ path, value: markdown }))) as Root;
}

async function message(markdown: string, path?: string): Promise<string> {
	try {
		await run(markdown, path);
	} catch (e) {
		return (e as Error).message;
	}
	throw new Error('expected the file to fail');
}

describe('remark-mermaid', () => {
	it('replaces mermaid code blocks with the figure and leaves other code alone', async () => {
		const tree = await run('# Title\n\n```mermaid\nflowchart LR\n  A --> B\n```\n\n```js\nlet x = 1;\n```\n');
		expect(tree.children.map((c) => c.type)).toEqual(['heading', 'html', 'code']);
		const html = tree.children[1] as { value: string };
		expect(html.value).toMatch(/^<figure class="diagram diagram-flowchart"[^>]*><svg /);
		expect(html.value).toContain('<summary>Diagram as text</summary>');
	});

	it('finds diagrams nested in lists and block quotes', async () => {
		const tree = await run('- item\n\n  ```mermaid\n  sequenceDiagram\n    A->>B: hi\n  ```\n');
		expect(JSON.stringify(tree)).toContain('diagram-sequence');
	});

	it('fails the file with file:line pointing at the line in the Markdown file', async () => {
		// The fence opens on line 5, so diagram line 3 is file line 8.
		const md = '# Title\n\nSome text.\n\n```mermaid\nflowchart LR\n  A --> B\n  B -->> C[x\n```\n';
		expect(await message(md)).toMatchInlineSnapshot(
			`"case-studies/example.mdx:8: "B -->> C[x" opens \`[\` and never closes it with \`]\`. Close the label with \`]\` on the same line, e.g. C[x]."`,
		);
	});

	it('reports refusals on their line too, with the fix', async () => {
		const md = 'Intro.\n\n```mermaid\nflowchart TD\n  A --> B\n  click B href "https://example.com"\n```\n';
		expect(await message(md, '/abs/elsewhere/case.mdx')).toMatchInlineSnapshot(
			`"/abs/elsewhere/case.mdx:6: Node "B" links to "https://example.com", outside this site; diagrams link only to pages of the workbook. Put the outside link in the text next to the diagram (or in the case's references), and remove the \`click\` line."`,
		);
	});

	it('points an unsupported diagram type at its first line', async () => {
		expect(await message('```mermaid\npie\n  "a": 1\n```\n')).toMatch(/^case-studies\/example\.mdx:2: `pie` diagrams are not supported/);
	});
});
