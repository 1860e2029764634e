/** Keeps a design checklist's ticks in localStorage, per case, and shows progress. */
import { openSiteStorage } from '../lib/learning/site-storage.ts';

const PREFIX = 'mlsd:checklist:v1:';

export function restoreChecklist(root: HTMLElement): void {
	const key = PREFIX + root.dataset.checklist;
	const localStorage = openSiteStorage(import.meta.env.BASE_URL);
	const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type=checkbox][data-item]')];
	const progress = root.querySelector<HTMLElement>('.checklist-progress');
	let ticked: string[] = [];
	try {
		const parsed: unknown = JSON.parse(localStorage?.getItem(key) ?? '[]');
		if (Array.isArray(parsed)) ticked = parsed.filter((x): x is string => typeof x === 'string');
	} catch {
		// Unreadable or corrupt storage: start with nothing ticked rather than break the page.
	}
	for (const box of boxes) box.checked = ticked.includes(box.dataset.item!);
	const update = () => {
		const done = boxes.filter((b) => b.checked).length;
		if (progress) progress.textContent = `${done} of ${boxes.length} ticked`;
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
