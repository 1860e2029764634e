import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { caseFrontmatterSchema } from '../../src/schemas/case.ts';
import { loadFramework } from '../../src/lib/content/framework.ts';
import { loadPitfalls } from '../../src/lib/content/catalogs.ts';
import { CRIB_PITFALLS, cribSheet, plainText } from '../../src/lib/site/crib.ts';

const source = readFileSync('tests/fixtures/cases/valid.mdx', 'utf8');
const data = caseFrontmatterSchema.parse(parse(/^---\n([\s\S]*?)\n---/.exec(source)![1]));
const framework = loadFramework();

describe('cribSheet', () => {
	it('has the prompt, the at-a-glance numbers, the funnel, and every section in framework order with its key points', () => {
		const crib = cribSheet(data, framework, loadPitfalls());
		expect(crib.prompt).toBe(data.prompt);
		expect(crib.glance).toContainEqual({ label: 'Average QPS', value: '579' });
		expect(crib.funnel).toBe('Candidate generation 500 (40 ms) → Ranking 10 (80 ms)');
		expect(crib.sections.map((s) => s.id)).toEqual(framework.sections.map((s) => s.id));
		expect(crib.sections.find((s) => s.id === 'model')!.points).toEqual(data.keyPoints!.model);
	});

	it("keeps the case's first pitfalls, in its order, with links read as text", () => {
		const many = { ...data, pitfalls: ['temporal-leakage', 'position-bias', 'feedback-loop', 'cold-start', 'popularity-bias'].map((id) => ({ id, note: `Bites here, see [the model](/cases/x/#model) for ${id}.` })) };
		const known = loadPitfalls().map((p) => p.id);
		const listed = many.pitfalls.filter((p) => known.includes(p.id));
		const crib = cribSheet({ ...many, pitfalls: listed }, framework, loadPitfalls());
		expect(crib.pitfalls.map((p) => p.id)).toEqual(listed.slice(0, CRIB_PITFALLS).map((p) => p.id));
		expect(crib.pitfalls[0].note).toBe(`Bites here, see the model for ${listed[0].id}.`);
	});

	it('reads Markdown links as their text', () => {
		expect(plainText('See [a](/x/) and [b c](https://e.org/#d).')).toBe('See a and b c.');
	});
});
