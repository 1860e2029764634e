import { describe, expect, it } from 'vitest';
import { attemptCoverage, describeCoverage, sectionCoverage, toggleCovered } from '../../../src/lib/learning/practice/coverage.ts';
import { describeTarget, targetOf, targetVerdicts } from '../../../src/lib/learning/practice/rubric.ts';
import { info } from './helpers.ts';

describe('key-point coverage', () => {
	it('counts each ticked key point once, and only the ones the section has', () => {
		expect(sectionCoverage(3, [0, 2, 2, 5, -1, 1.5])).toEqual({ covered: 2, total: 3 });
		expect(sectionCoverage(4, undefined)).toEqual({ covered: 0, total: 4 });
	});

	it('sums sections in framework order, sections without key points counting nothing', () => {
		const { sections, overall } = attemptCoverage(info.keyPoints, ['requirements', 'model', 'serving'], { requirements: [0, 1, 2], model: [1] });
		expect([...sections]).toEqual([
			['requirements', { covered: 3, total: 3 }],
			['model', { covered: 1, total: 2 }],
			['serving', { covered: 0, total: 0 }],
		]);
		expect(overall).toEqual({ covered: 4, total: 5 });
		expect(describeCoverage(overall)).toBe('4 of 5 key points covered');
		expect(describeCoverage({ covered: 0, total: 1 })).toBe('0 of 1 key point covered');
	});

	it('toggles a tick on and off, sorted and without duplicates', () => {
		expect(toggleCovered([2], 0, true)).toEqual([0, 2]);
		expect(toggleCovered([0, 2], 0, true)).toEqual([0, 2]);
		expect(toggleCovered([0, 2], 2, false)).toEqual([0]);
		expect(toggleCovered(undefined, 1, true)).toEqual([1]);
	});
});

describe('target level', () => {
	const staff = targetOf(info.targetLevels, 'staff');
	const senior = targetOf(info.targetLevels, undefined);

	it('falls back to the first level for an attempt without one, or with one no longer defined', () => {
		expect(senior.id).toBe('senior');
		expect(targetOf(info.targetLevels, 'principal').id).toBe('senior');
	});

	it('says per dimension whether the score reaches the level', () => {
		const scores = { 'problem-understanding': 3, modeling: 4 };
		expect(targetVerdicts(info.rubric, scores, senior)).toEqual([
			{ id: 'problem-understanding', verdict: 'meets', score: 3 },
			{ id: 'modeling', verdict: 'meets', score: 4 },
		]);
		const v = targetVerdicts(info.rubric, scores, staff);
		expect(v.map((x) => x.verdict)).toEqual(['below', 'meets']);
		expect(describeTarget(v, staff)).toBe('Meets Staff on 1 of 2 dimensions');
		const partial = targetVerdicts(info.rubric, { modeling: 2 }, senior);
		expect(partial.map((x) => x.verdict)).toEqual(['unscored', 'below']);
		expect(describeTarget(partial, senior)).toBe('Meets Senior on 0 of 2 dimensions (1 not scored)');
	});
});
