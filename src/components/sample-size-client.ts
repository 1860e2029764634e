/** Recomputes the sample-size calculator on every keystroke and choice. */
import { computeSampleSize, formatDuration, sampleSizeStatus, type EffectKind, type SampleSizeFields } from '../lib/numbers/calculators.ts';
import { formatInt } from '../lib/numbers/estimates.ts';
import type { VarianceFormula } from '../lib/numbers/stats.ts';
import { choiceValue, paint, readFields, showFieldErrors } from './calculator-form.ts';

export function initSampleSize(root: HTMLElement): void {
	const update = () => {
		const formula = (choiceValue(root, 'formula') ?? 'pooled') as VarianceFormula;
		const outcome = computeSampleSize(readFields(root) as unknown as SampleSizeFields, {
			effectKind: (choiceValue(root, 'effectKind') ?? 'absolute') as EffectKind,
			twoSided: choiceValue(root, 'sides') !== 'one',
			formula,
		});
		for (const block of root.querySelectorAll<HTMLElement>('[data-formula]')) block.hidden = block.dataset.formula !== formula;
		if (!outcome.ok) {
			showFieldErrors(root, outcome.errors);
			paint(root, { perArm: '—', total: '—', days: '—', weeks: '—', status: 'Fix the fields marked above to see a result.' });
			return;
		}
		showFieldErrors(root, {});
		const r = outcome.result;
		paint(root, {
			perArm: formatInt(r.perArm),
			total: formatInt(r.total),
			days: formatDuration(r.days),
			weeks: formatDuration(r.weeks),
			status: sampleSizeStatus(r),
		});
	};
	root.addEventListener('input', update);
	root.addEventListener('change', update);
	update();
}
