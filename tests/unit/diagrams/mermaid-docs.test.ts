/**
 * Mermaid's own documented flowchart and sequence examples (tests/fixtures/diagrams/mermaid-docs,
 * see SOURCE.md there): each is either drawn with every label exact, or refused with a located,
 * named reason. The share drawn must stay at 90 % or more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagramError, renderDiagram } from '../../../src/lib/diagrams/index.ts';
import { fixtures, labelProblems, setUp } from './helpers.ts';

beforeAll(setUp, 60_000);

const examples = fixtures('mermaid-docs');
const drawn: string[] = [];
const refused = new Map<string, string>();

describe("mermaid's documented examples", () => {
	for (const { name, source } of examples) {
		it(name, async () => {
			let svg: string;
			try {
				({ svg } = await renderDiagram(source));
			} catch (e) {
				// A refusal must be one an author can act on, never a renderer bug or a failed label check.
				expect(e).toBeInstanceOf(DiagramError);
				const err = e as DiagramError;
				expect(err.message).not.toMatch(/^(The diagram renderer failed|Renderer check failed)/);
				expect(err.construct, err.message).toBeTruthy();
				expect(err.fix.length).toBeGreaterThan(20);
				refused.set(name, `${err.construct}: ${err.message}`);
				return;
			}
			expect(await labelProblems(source, svg)).toEqual([]);
			drawn.push(name);
		});
	}
});

afterAll(() => {
	if (drawn.length + refused.size !== examples.length) return; // a filtered run: no share to report
	const share = drawn.length / examples.length;
	console.log(`mermaid docs examples: ${drawn.length} of ${examples.length} drawn (${(share * 100).toFixed(1)} %), ${refused.size} refused:\n${[...refused].map(([n, r]) => `  ${n}  ${r}`).join('\n')}`);
	expect(share).toBeGreaterThanOrEqual(0.9);
});
