import { describe, expect, it } from 'vitest';
import { MathError, renderMath } from '../../src/lib/numbers/math.ts';

describe('renderMath', () => {
	it('renders inline TeX as a MathML element with its TeX annotation', () => {
		const html = renderMath(String.raw`\frac{TP}{TP + FP}`);
		expect(html).toMatch(/^<math>/);
		expect(html).toContain('<mfrac>');
		expect(html).toContain('<annotation encoding="application/x-tex">\\frac{TP}{TP + FP}</annotation>');
		expect(html).not.toContain('<script');
	});

	it('marks display math as a block', () => {
		expect(renderMath('x^2', { display: true })).toMatch(/^<math display="block"/);
	});

	it('throws a MathError that quotes the broken formula', () => {
		expect(() => renderMath(String.raw`\frac{a`)).toThrow(MathError);
		expect(() => renderMath(String.raw`\frac{a`)).toThrow(/Cannot render the formula "\\frac\{a"/);
		expect(() => renderMath(String.raw`\notacommand x`)).toThrow(MathError);
		expect(() => renderMath('  ')).toThrow(/empty/);
	});
});
