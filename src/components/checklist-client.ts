/** Keeps a design checklist's ticks in localStorage, per case, and shows progress overall and per stage. */
import { openSiteStorage } from '../lib/learning/site-storage.ts';
import { countLabel } from '../lib/site/plural.ts';

const PREFIX = 'mlsd:checklist:v1:';

export function restoreChecklist(root: HTMLElement): void {
	const key = PREFIX + root.dataset.checklist;
	const localStorage = openSiteStorage(import.meta.env.BASE_URL);
	const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type=checkbox][data-item]')];
	const progress = root.querySelector<HTMLElement>('.checklist-progress');
	const groups = [...root.querySelectorAll<HTMLElement>('[data-checklist-group]')].map((el) => ({
		boxes: [...el.querySelectorAll<HTMLInputElement>('input[type=checkbox][data-item]')],
		count: el.querySelector<HTMLElement>('[data-checklist-count]'),
	}));
	let ticked: string[] = [];
	try {
		const parsed: unknown = JSON.parse(localStorage?.getItem(key) ?? '[]');
		if (Array.isArray(parsed)) ticked = parsed.filter((x): x is string => typeof x === 'string');
	} catch {
		// Unreadable or corrupt storage: start with nothing ticked rather than break the page.
	}
	for (const box of boxes) box.checked = ticked.includes(box.dataset.item!);
	const done = (list: HTMLInputElement[]) => list.filter((b) => b.checked).length;
	const update = () => {
		if (progress) progress.textContent = `${done(boxes)} of ${countLabel(boxes.length, 'question')} ticked`;
		for (const g of groups) {
			if (!g.count) continue;
			g.count.textContent = `${done(g.boxes)} of ${g.boxes.length} ticked`;
			g.count.classList.toggle('is-complete', done(g.boxes) === g.boxes.length);
		}
	};
	update();
	root.addEventListener('change', () => {
		const now = boxes.filter((b) => b.checked).map((b) => b.dataset.item!);
		try {
			if (!localStorage) throw new Error('storage blocked');
			localStorage.setItem(key, JSON.stringify(now));
		} catch {
			if (progress) progress.textContent = 'Ticks cannot be saved in this browser (storage is full or blocked).';
			return;
		}
		update();
	});
}
