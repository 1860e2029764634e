/** The back-of-envelope calculators: traffic, storage and latency budget, recomputed as the reader types. */
import { computeLatency, computeQps, computeStorage, type QpsFields, type StorageFields } from '../lib/numbers/calculators.ts';
import { formatBytes, formatCount, formatInt } from '../lib/numbers/estimates.ts';
import { paint, readFields, showFieldErrors } from './calculator-form.ts';

function live(root: HTMLElement, update: () => void): void {
	root.addEventListener('input', update);
	update();
}

export function initQps(root: HTMLElement): void {
	live(root, () => {
		const outcome = computeQps(readFields(root) as unknown as QpsFields);
		showFieldErrors(root, outcome.ok ? {} : outcome.errors);
		paint(root, outcome.ok ? { requestsPerDay: formatCount(outcome.result.requestsPerDay), averageQps: formatInt(outcome.result.averageQps), peakQps: formatInt(outcome.result.peakQps) } : { requestsPerDay: '—', averageQps: '—', peakQps: '—' });
	});
}

export function initStorage(root: HTMLElement): void {
	live(root, () => {
		const outcome = computeStorage(readFields(root) as unknown as StorageFields);
		showFieldErrors(root, outcome.ok ? {} : outcome.errors);
		paint(root, outcome.ok ? { bytesPerDay: formatBytes(outcome.result.bytesPerDay), bytesPerYear: formatBytes(outcome.result.bytesPerYear) } : { bytesPerDay: '—', bytesPerYear: '—' });
	});
}

export function initLatency(root: HTMLElement): void {
	const bar = root.querySelector<HTMLElement>('[data-latency-bar]');
	live(root, () => {
		const fields = readFields(root);
		const names = [...root.querySelectorAll<HTMLInputElement>('input[data-stage-name]')];
		const stages = names.map((input) => ({ name: input.value, ms: fields[`stage-${input.dataset.stageName}`] ?? '' }));
		const outcome = computeLatency(fields.total ?? '', stages);
		showFieldErrors(root, outcome.ok ? {} : outcome.errors);
		if (!outcome.ok) {
			paint(root, { usedMs: '—', remainingMs: '—', warning: '' });
			if (bar) bar.replaceChildren();
			return;
		}
		const r = outcome.result;
		const ms = (n: number) => `${Number(n.toFixed(1))} ms`;
		paint(root, {
			usedMs: ms(r.usedMs),
			remainingMs: ms(r.remainingMs),
			warning: r.over ? `The stages take ${ms(r.usedMs)}, ${ms(r.usedMs - r.totalMs)} over the ${ms(r.totalMs)} budget.` : '',
		});
		root.classList.toggle('calc-over', r.over);
		if (bar) {
			const scale = Math.max(r.totalMs, r.usedMs) || 1;
			bar.replaceChildren(
				...r.stages.map((s) => {
					const seg = document.createElement('span');
					seg.style.width = `${(100 * s.ms) / scale}%`;
					seg.title = `${s.name}: ${s.ms} ms`;
					return seg;
				}),
			);
			bar.style.setProperty('--budget', `${(100 * r.totalMs) / scale}%`);
		}
	});
}
