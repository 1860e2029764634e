import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../../src/lib/content/framework.ts';
import { embeddedJson, worksheetInfo } from '../../../src/lib/learning/practice/worksheet.ts';
import type { CaseFrontmatter } from '../../../src/schemas/case.ts';

const data = { title: 'T', prompt: 'Design </script><script>alert(1)</script>', context: 'C' } as CaseFrontmatter;

describe('worksheetInfo', () => {
	const fw = loadFramework();

	it('offers 35, 45 and 60 minutes, each with section budgets that add up to the length', () => {
		const info = worksheetInfo('t', data, fw);
		expect(info.lengths).toEqual([35, 45, 60]);
		expect(info.defaultMinutes).toBe(45);
		for (const m of info.lengths) {
			const budgets = info.budgets[String(m)];
			expect(Object.keys(budgets)).toEqual(fw.sections.map((s) => s.id));
			expect(Object.values(budgets).reduce((a, b) => a + b, 0)).toBe(m);
		}
	});

	it("always offers the framework's own length", () => {
		const info = worksheetInfo('t', data, { ...fw, interviewMinutes: 50, sections: fw.sections.map((s, i) => (i === 0 ? { ...s, minutes: s.minutes + 5 } : s)) });
		expect(info.lengths).toEqual([35, 45, 50, 60]);
		expect(info.budgets['50']).toBeDefined();
	});
});

describe('embeddedJson', () => {
	it('cannot close the <script> element it is embedded in, and parses back to the same value', () => {
		const text = embeddedJson({ prompt: data.prompt, line: 'a\u2028b' });
		expect(text).not.toContain('</script');
		expect(text).not.toContain('<');
		expect(JSON.parse(text)).toEqual({ prompt: data.prompt, line: 'a\u2028b' });
	});
});
