import { describe, expect, it } from 'vitest';
import { loadFramework, scaledBudgets, sectionAnchor } from '../../src/lib/content/framework.ts';
import { frameworkSchema } from '../../src/schemas/framework.ts';

const fw = loadFramework();

describe('the framework file', () => {
	it('defines the canonical sections in interview order', () => {
		expect(fw.sections.map((s) => s.id)).toEqual(['requirements', 'estimates', 'framing', 'metrics', 'architecture', 'data', 'features', 'model', 'evaluation', 'serving', 'monitoring']);
	});

	it('budgets add up to the interview length and every section has a question and hints', () => {
		expect(fw.sections.reduce((n, s) => n + s.minutes, 0)).toBe(45);
		for (const s of fw.sections) {
			expect(s.question.endsWith('?')).toBe(true);
			expect(s.hints.length).toBeGreaterThanOrEqual(3);
		}
	});

	it('rubric weights sum to 100 and each dimension has four levels', () => {
		expect(fw.rubric.reduce((n, r) => n + r.weight, 0)).toBe(100);
		for (const r of fw.rubric) expect(r.levels).toHaveLength(4);
		expect(fw.rubric.map((r) => r.id)).toContain('communication');
	});

	it('anchors are the slugs of the titles', () => {
		expect(sectionAnchor(fw.sections[1])).toBe('back-of-envelope-estimates');
	});

	it('rejects budgets that do not add up, unknown rubric dimensions and duplicate ids', () => {
		const broken = structuredClone(fw);
		broken.sections[0].minutes += 1;
		broken.sections[1].rubric = 'charisma';
		broken.sections[2].id = broken.sections[3].id;
		const messages = frameworkSchema.safeParse(broken).error!.issues.map((i) => i.message);
		expect(messages).toEqual(expect.arrayContaining(['section budgets sum to 46 minutes, expected interviewMinutes (45)', 'unknown rubric dimension "charisma"', `duplicate section id "${fw.sections[3].id}"`]));
	});
});

describe('scaledBudgets', () => {
	it.each([35, 45, 60, 90])('scales to %i minutes in whole minutes that still add up', (total) => {
		const budgets = scaledBudgets(fw, total);
		expect(budgets.reduce((a, b) => a + b, 0)).toBe(total);
		budgets.forEach((b, i) => expect(Math.abs(b - (fw.sections[i].minutes * total) / 45)).toBeLessThan(1));
	});

	it('keeps the 45-minute budgets unchanged', () => {
		expect(scaledBudgets(fw, 45)).toEqual(fw.sections.map((s) => s.minutes));
	});
});
