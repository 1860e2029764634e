/** The helper table in CONTRIBUTING.md ("The number helpers") shows what each helper returns: hold it to that. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as estimates from '../../src/lib/numbers/estimates.ts';
import * as stats from '../../src/lib/numbers/stats.ts';

const helpers: Record<string, unknown> = { ...estimates, ...stats };
const doc = readFileSync('CONTRIBUTING.md', 'utf8');
const table = doc.slice(doc.indexOf('### The number helpers'));
/** Backticked pieces of a table cell: `a`, `b` → [a, b]. */
const codes = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
const rows = table
	.split('\n')
	.filter((l) => /^\| `\w+\(/.test(l))
	.map((l) => l.split(' | ').map((c) => c.replace(/^\| |\s\|$/g, '')))
	.flatMap(([, examples, results]) => codes(examples).map((example, i) => ({ example, shown: results.split(/`,\s*`/).length > 1 ? codes(results)[i] : results })));

const run = (code: string) => new Function(...Object.keys(helpers), `return (${code});`)(...Object.values(helpers));

describe('CONTRIBUTING.md number helpers', () => {
	it('lists every exported helper that a numbers test uses', () => {
		expect(rows.length).toBeGreaterThanOrEqual(20);
	});

	it.each(rows)('$example gives what the table shows', ({ example, shown }) => {
		const value = run(example);
		const text = codes(shown)[0] ?? shown;
		if (text.startsWith('"')) expect(value).toBe(JSON.parse(text));
		else if (text.startsWith('{')) expect(value).toEqual(run(text));
		else if (text.endsWith('…')) expect(String(value).startsWith(text.slice(0, -1))).toBe(true);
		else if (shown.includes('(≈)')) expect(Math.round(value as number)).toBe(Number(text.replace(/,/g, '')));
		else expect(value).toBe(Number(text.replace(/,/g, '')));
	});
});
