/**
 * The self-assessment: a score per rubric dimension, the weighted total, the
 * target level (senior, staff) and whether each dimension meets it, and beside
 * each dimension the key-point coverage of the sections graded on it.
 */
import { attemptCoverage, describeCoverage } from '../../lib/learning/practice/coverage.ts';
import { describeTarget, rubricTotal, targetOf, targetVerdicts } from '../../lib/learning/practice/rubric.ts';
import { setText } from './worksheet-dom.ts';
import type { Session } from './worksheet-session.ts';

export function bindRubric(s: Session): { renderScore(): void } {
	const { info, $, $$ } = s;
	const sectionIds = info.sections.map((x) => x.id);

	s.root.addEventListener('change', (event) => {
		const input = event.target as HTMLInputElement | HTMLSelectElement;
		if (input.dataset?.score) s.change({ ...s.attempt, scores: { ...s.attempt.scores, [input.dataset.score]: Number(input.value) } });
		else if (input.matches('[data-target-level]')) s.change({ ...s.attempt, target: input.value });
		else return;
		renderScore();
	});

	function renderScore(): void {
		const { attempt } = s;
		const { total, scored, of } = rubricTotal(info.rubric, attempt.scores);
		setText($('[data-rubric-total]'), String(total));
		setText($('[data-rubric-count]'), `(${scored} of ${of} dimensions scored)`);
		const target = targetOf(info.targetLevels, attempt.target);
		const select = $<HTMLSelectElement>('[data-target-level]');
		if (select) select.value = target.id;
		const verdicts = targetVerdicts(info.rubric, attempt.scores, target);
		for (const v of verdicts) {
			const el = $(`[data-verdict-for="${v.id}"]`);
			const text = v.verdict === 'meets' ? `Meets ${target.title} (${target.score} or more)` : v.verdict === 'below' ? `Below ${target.title}: ${target.title} needs ${target.score}` : `${target.title} needs ${target.score}; not scored yet`;
			setText(el, text);
			el?.setAttribute('data-verdict', v.verdict);
			for (const level of $$(`[data-level-of="${v.id}"]`)) level.classList.toggle('is-target', Number(level.dataset.level) === target.score);
		}
		setText($('[data-target-summary]'), `${describeTarget(verdicts, target)}.`);
		const coverage = attemptCoverage(info.keyPoints, sectionIds, attempt.covered);
		for (const el of $$('[data-rubric-coverage]')) {
			const parts = (el.dataset.rubricCoverage ?? '').split(' ').filter((id) => coverage.sections.get(id)?.total);
			setText(el, parts.map((id) => `${info.sections.find((x) => x.id === id)!.title} ${coverage.sections.get(id)!.covered}/${coverage.sections.get(id)!.total}`).join(' · '));
		}
		setText($('[data-coverage-total]'), describeCoverage(coverage.overall));
	}

	s.onRender(renderScore);
	return { renderScore };
}
