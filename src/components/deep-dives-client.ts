/**
 * Deep dives on a case page: one button expands or collapses them all, and the
 * choice is remembered for the site (so it survives navigation to the next
 * case); a link to a deep dive, or to anything inside one, opens it.
 */
import { openSiteStorage } from '../lib/learning/site-storage.ts';

export const DEEP_DIVES_KEY = 'mlsd:deep-dives:v1';

export function initDeepDives(doc: Document): void {
	const dives = [...doc.querySelectorAll<HTMLDetailsElement>('details[data-deep-dive]')];
	const control = doc.querySelector<HTMLElement>('[data-deep-dive-control]');
	const button = control?.querySelector<HTMLButtonElement>('[data-deep-dive-toggle]');
	const storage = openSiteStorage(import.meta.env.BASE_URL);
	const read = () => {
		try {
			return storage?.getItem(DEEP_DIVES_KEY) === 'expanded';
		} catch {
			return false;
		}
	};
	const show = (expanded: boolean) => {
		if (!button) return;
		button.setAttribute('aria-pressed', String(expanded));
		button.textContent = expanded ? 'Collapse all deep dives' : 'Expand all deep dives';
	};
	const setAll = (expanded: boolean) => {
		for (const d of dives) d.open = expanded;
		show(expanded);
	};

	if (dives.length && control && button) {
		control.hidden = false;
		setAll(read());
		button.addEventListener('click', () => {
			const expanded = button.getAttribute('aria-pressed') !== 'true';
			setAll(expanded);
			try {
				storage?.setItem(DEEP_DIVES_KEY, expanded ? 'expanded' : 'collapsed');
			} catch {
				// Storage full or blocked: the choice holds for this page only.
			}
		});
	}
	openTarget(doc);
	addEventListener('hashchange', () => openTarget(doc));
}

/** Opens the deep dive the URL's fragment names, or the ones around the element it names, and scrolls to it. */
function openTarget(doc: Document): void {
	const id = decodeURIComponent(location.hash.slice(1));
	const target = id ? doc.getElementById(id) : null;
	if (!target) return;
	let opened = false;
	// closest() includes the target itself, so a link to the deep dive opens it too.
	for (let details = target.closest('details'); details; details = details.parentElement?.closest('details') ?? null) {
		if (!details.open) {
			details.open = true;
			opened = true;
		}
	}
	if (opened) target.scrollIntoView();
}
