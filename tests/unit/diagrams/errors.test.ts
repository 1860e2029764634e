import { beforeAll, describe, expect, it } from 'vitest';
import { checkDiagram, DiagramError, renderDiagram } from '../../../src/lib/diagrams/index.ts';
import { fixtures, setUp } from './helpers.ts';

beforeAll(setUp, 60_000);

async function failure(source: string): Promise<DiagramError> {
	try {
		await renderDiagram(source);
	} catch (e) {
		expect(e).toBeInstanceOf(DiagramError);
		return e as DiagramError;
	}
	throw new Error('expected the diagram to be refused');
}

const shape = (e: DiagramError) => ({ message: e.message, line: e.line, construct: e.construct, fix: e.fix });

describe('invalid or unsupported diagrams are refused with a fix', () => {
	for (const { name, source } of fixtures('bad')) {
		it(name, async () => {
			const e = await failure(source);
			expect(e.message).not.toContain('\n');
			expect(e.fix.length).toBeGreaterThan(10);
			expect(shape(e)).toMatchSnapshot();
		});
	}
});

describe('error details', () => {
	it('gives mermaid\'s parse message and the line within the diagram', async () => {
		const e = await failure('flowchart LR\n  A --> B\n  B -->> C[unclosed\n');
		expect(e.line).toBe(3);
		expect(e.message).toMatchInlineSnapshot(`"Mermaid parse error in "B -->> C[unclosed": expecting 'AMP', 'COLON', 'PIPE', 'TESTSTR', 'DOWN', 'DEFAULT', …; got 'TAGEND'"`);
	});

	it('counts lines from the top of the source, past frontmatter, directives and comments', async () => {
		const source = '---\ntitle: T\n---\n%%{init: {"theme": "dark"}}%%\n%% comment\n\nsequenceDiagram\n  %% another\n  A->>B hi\n';
		expect((await failure(source)).line).toBe(9);
	});

	it('lists what is supported when the type is not', async () => {
		const e = await failure('classDiagram\n  A <|-- B\n');
		expect(e.construct).toBe('classDiagram');
		expect(e.message).toMatchInlineSnapshot(`"\`classDiagram\` diagrams are not supported; this site draws only flowcharts (\`flowchart\` or \`graph\`, with TB/TD/BT/LR/RL) and sequence diagrams (\`sequenceDiagram\`)"`);
	});

	it('names the construct and says how to write it instead', async () => {
		const e = await failure('flowchart LR\n  A --> B\n  click A href "https://example.com"\n');
		expect({ line: e.line, construct: e.construct, detail: e.detail }).toMatchInlineSnapshot(`
			{
			  "construct": "click",
			  "detail": "Node "A" has a click action (link, callback or tooltip), which a static diagram cannot offer. Remove the \`click\` line and put the link or extra information in the text next to the diagram.",
			  "line": 3,
			}
		`);
	});

	it('checkDiagram returns the error instead of throwing, and null when the diagram is fine', async () => {
		expect(await checkDiagram('flowchart LR\n  A --> B\n')).toBeNull();
		const e = await checkDiagram('pie\n  "a": 1\n');
		expect(e).toBeInstanceOf(DiagramError);
		expect(e!.line).toBe(1);
	});
});
