/**
 * Key points agree with the body: every number a case's key points state appears in
 * its body or in its "at a glance" box, compared by value as the page prints them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseFrontmatterSchema } from '../../../src/schemas/case.ts';
import { atAGlance, funnel } from '../../../src/lib/site/case-view.ts';
import { unsupportedNumbers } from '../../../src/lib/content/key-point-numbers.ts';
import { parse } from 'yaml';

const dir = new URL('../../../case-studies/', import.meta.url);
const cases = readdirSync(dir)
	.filter((f) => f.endsWith('.mdx'))
	.map((f) => {
		const source = readFileSync(new URL(f, dir), 'utf8');
		const [, yaml, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source)!;
		return { slug: f.replace(/\.mdx$/, ''), data: caseFrontmatterSchema.parse(parse(yaml)), body };
	});

describe.each(cases)('key points of $slug', ({ slug, data, body }) => {
	it('exist for the case', () => {
		expect(data.keyPoints, `${slug} has no keyPoints`).toBeDefined();
	});

	it('state only numbers found in the body or the at-a-glance box', () => {
		const glance = [...atAGlance(data).flatMap((r) => [r.value, r.detail ?? '']), ...funnel(data.pipeline).map((s) => `${s.items} ${s.latencyMs ?? ''}`), ...Object.values(data.scale).map(String)];
		const missing = Object.entries(data.keyPoints ?? {}).flatMap(([section, points]) =>
			points.flatMap((text, i) => {
				const numbers = unsupportedNumbers(text, [body, ...glance]);
				return numbers.length ? [`keyPoints.${section}[${i}]: ${numbers.join(', ')} in "${text}"`] : [];
			}),
		);
		expect(missing, `${slug}: numbers in key points that the page does not state`).toEqual([]);
	});
});
