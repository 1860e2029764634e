/**
 * Finishes a print document in the browser: fills in the parts that are other
 * built pages of the site (with their stylesheets), dates the cover, then marks
 * the document ready (`data-print-ready`), which `npm run pdf` waits for.
 */
import { preparePart, type PrintLinkOptions } from '../../lib/pdf/print-links.ts';

export async function finishPrintDocument(doc: HTMLElement): Promise<void> {
	const links = JSON.parse(doc.dataset.printLinks ?? '{}') as PrintLinkOptions;
	const base = new URL(doc.dataset.printBase ?? '/', location.origin);
	const imports = [...doc.querySelectorAll<HTMLElement>('[data-print-import]')];
	await Promise.all(imports.map((el) => importPart(el, base, links).catch((e: unknown) => console.warn(`Not included: ${el.dataset.printImport} (${String(e)})`))));
	// On paper every deep dive is read in full; opening them here makes the print layout show what it prints.
	for (const d of doc.querySelectorAll<HTMLDetailsElement>('details[data-deep-dive]')) d.open = true;
	const today = new Date().toISOString().slice(0, 10);
	for (const el of doc.querySelectorAll<HTMLTimeElement>('time[data-print-date]')) {
		el.dateTime = today;
		el.textContent = today;
	}
	await document.fonts.ready;
	doc.dataset.printReady = 'true';
}

async function importPart(el: HTMLElement, base: URL, links: PrintLinkOptions): Promise<void> {
	const path = el.dataset.printImport!;
	const response = await fetch(new URL(path, base));
	if (!response.ok) throw new Error(`HTTP ${response.status}`);
	const page = new DOMParser().parseFromString(await response.text(), 'text/html');
	const content = page.querySelector('main .sl-markdown-content');
	if (!content) throw new Error('no page content found');
	for (const s of content.querySelectorAll('script, [data-search-facets]')) s.remove();
	const title = page.querySelector('main h1')?.textContent?.trim() ?? path;
	const part = { path, anchor: el.id, prefix: el.dataset.printPrefix ?? el.id };
	const heading = document.createElement('h1');
	heading.id = 'title';
	heading.textContent = title;
	el.innerHTML = preparePart(heading.outerHTML + content.innerHTML, part, links);
	await adoptStyles(page);
	el.hidden = false;
	const entry = document.querySelector<HTMLElement>(`[data-toc-entry="${CSS.escape(el.id)}"]`);
	if (entry) {
		entry.hidden = false;
		const label = entry.querySelector('.toc-title');
		if (label) label.textContent = title;
	}
}

/** Adds the imported page's stylesheets that this document lacks (its components' scoped styles), and waits for them. */
async function adoptStyles(page: Document): Promise<void> {
	const have = new Set([...document.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]')].map((l) => l.href));
	const inline = new Set([...document.querySelectorAll('style')].map((s) => s.textContent));
	const loads: Promise<unknown>[] = [];
	for (const node of page.head.querySelectorAll<HTMLLinkElement | HTMLStyleElement>('link[rel=stylesheet], style')) {
		if (node instanceof HTMLLinkElement) {
			const href = new URL(node.getAttribute('href') ?? '', location.href).href;
			if (have.has(href) || node.media === 'print') continue;
			const link = document.createElement('link');
			link.rel = 'stylesheet';
			link.href = href;
			loads.push(
				new Promise((resolve) => {
					link.onload = link.onerror = resolve;
				}),
			);
			document.head.append(link);
		} else if (!inline.has(node.textContent)) {
			document.head.append(node.cloneNode(true));
		}
	}
	await Promise.all(loads);
}
