/** Keeps a design checklist's ticks in localStorage, per case, and shows progress overall and per stage. */
import { openSiteStorage } from '../lib/learning/site-storage.ts';
import { countLabel } from '../lib/site/plural.ts';

const PREFIX = 'mlsd:checklist:v1:';

/** Set on the checklist once its ticks are restored and its counts live. */
export const READY_ATTRIBUTE = 'data-checklist-ready';

/**
 * Restores a checklist only when it is about to be seen or used: when it comes
 * within a screen of the viewport, when the reader points at or focuses
 * anything in it or opens a stage (these come before the change they lead to),
 * or before printing. A case page opens without touching its 80-odd checkboxes.
 */
export function restoreWhenNeeded(root: HTMLElement, win: Window = window): void {
	const triggers = ['pointerdown', 'focusin', 'toggle'] as const;
	let observer: IntersectionObserver | undefined;
	const restore = () => {
		if (root.hasAttribute(READY_ATTRIBUTE)) return;
		root.setAttribute(READY_ATTRIBUTE, '');
		observer?.disconnect();
		// Capture: `toggle` does not bubble, and the ticks must be back before the event's own effect.
		for (const t of triggers) root.removeEventListener(t, restore, true);
		win.removeEventListener('beforeprint', restore);
		restoreChecklist(root);
	};
	for (const t of triggers) root.addEventListener(t, restore, true);
	win.addEventListener('beforeprint', restore);
	if (typeof IntersectionObserver === 'function') {
		observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && restore(), { rootMargin: '100% 0px' });
		observer.observe(root);
	} else restore();
}

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
