/**
 * Printing from the browser: CSS cannot open a <details>, and Expressive Code
 * and diagrams pick their colours from `data-theme`. Before printing, open every
 * closed <details> (follow-up answers, "Diagram as text", hints) and switch to
 * the light theme; afterwards put both back as the reader left them.
 */
const installed = new WeakSet<Window>();

export function installPrintExpand(win: Window): void {
	// Installed once per window, even if two components on the page ask for it.
	if (installed.has(win)) return;
	installed.add(win);
	let opened: HTMLDetailsElement[] = [];
	let theme: string | undefined;
	let printing = false;
	win.addEventListener('beforeprint', () => {
		if (printing) return;
		printing = true;
		const root = win.document.documentElement;
		opened = [...win.document.querySelectorAll<HTMLDetailsElement>('details:not([open])')];
		for (const d of opened) d.open = true;
		theme = root.dataset.theme;
		root.dataset.theme = 'light';
	});
	win.addEventListener('afterprint', () => {
		if (!printing) return;
		printing = false;
		for (const d of opened) d.open = false;
		opened = [];
		const root = win.document.documentElement;
		if (theme === undefined) delete root.dataset.theme;
		else root.dataset.theme = theme;
	});
}
