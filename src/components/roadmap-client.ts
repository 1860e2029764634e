/** Binds the roadmap's checkboxes to localStorage and keeps the progress bar in step. */
import { describeProgress, parseProgress, ROADMAP_STORAGE_KEY, serializeProgress, summarizeProgress } from '../lib/learning/roadmap-progress.ts';
import { openSiteStorage } from '../lib/learning/site-storage.ts';

const localStorage = openSiteStorage(import.meta.env.BASE_URL);

function readStored(): Set<string> {
	try {
		return parseProgress(localStorage?.getItem(ROADMAP_STORAGE_KEY));
	} catch {
		// Storage blocked (private mode, policy): start empty instead of breaking the page.
		return new Set();
	}
}

export function initRoadmapProgress(panel: HTMLElement): void {
	const boxes = [...document.querySelectorAll<HTMLInputElement>('input[type=checkbox][data-tick]')];
	const bar = panel.querySelector<HTMLProgressElement>('progress')!;
	const status = panel.querySelector<HTMLElement>('[data-progress-text]')!;
	const reset = panel.querySelector<HTMLButtonElement>('[data-progress-reset]');
	const weekIds = boxes.filter((b) => b.dataset.kind === 'week').map((b) => b.dataset.tick!);
	const actionIds = boxes.filter((b) => b.dataset.kind !== 'week').map((b) => b.dataset.tick!);
	const done = readStored();

	const paint = (note = '') => {
		const summary = summarizeProgress(done, weekIds, actionIds);
		bar.max = summary.weeksTotal;
		bar.value = summary.weeksDone;
		bar.textContent = `${summary.weeksDone} of ${summary.weeksTotal}`;
		status.textContent = note || describeProgress(summary);
	};
	const save = () => {
		try {
			if (!localStorage) throw new Error('storage blocked');
			localStorage.setItem(ROADMAP_STORAGE_KEY, serializeProgress(done));
			paint();
		} catch {
			paint('Progress cannot be saved in this browser (storage is full or blocked); ticks last until you leave the page.');
		}
	};

	for (const box of boxes) box.checked = done.has(box.dataset.tick!);
	paint();
	document.addEventListener('change', (event) => {
		const box = event.target;
		if (!(box instanceof HTMLInputElement) || !box.dataset.tick) return;
		if (box.checked) done.add(box.dataset.tick);
		else done.delete(box.dataset.tick);
		save();
	});
	reset?.addEventListener('click', () => {
		if (!confirm('Clear every tick on the roadmap?')) return;
		done.clear();
		for (const box of boxes) box.checked = false;
		save();
	});
	if (reset) reset.hidden = false;
}
