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
			// In the writer's terms: no grammar token names (SQE, TAGEND, …) and no internal type codes.
			expect(e.message).not.toMatch(/'[A-Z_]{2,}'|\btype \d+\b|expecting/i);
			expect(shape(e)).toMatchSnapshot();
		});
	}
});

describe('error details', () => {
	it('gives mermaid\'s parse message and the line within the diagram', async () => {
		const e = await failure('flowchart LR\n  A --> B\n  B -->> C[unclosed\n');
		expect(e.line).toBe(3);
		expect(e.message).toMatchInlineSnapshot(`""B -->> C[unclosed" opens \`[\` and never closes it with \`]\`"`);
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
			  "construct": "click link",
			  "detail": "Node "A" links to "https://example.com", outside this site; diagrams link only to pages of the workbook. Put the outside link in the text next to the diagram (or in the case's references), and remove the \`click\` line.",
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
