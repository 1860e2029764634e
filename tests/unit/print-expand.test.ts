import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { installPrintExpand } from '../../src/components/print-expand.ts';

function page() {
	const dom = new JSDOM('<html data-theme="dark"><body><details id="a"><summary>Q</summary>A</details><details id="b" open><summary>Q</summary>B</details></body></html>');
	const win = dom.window as unknown as Window;
	installPrintExpand(win);
	installPrintExpand(win);
	const details = (id: string) => win.document.getElementById(id) as HTMLDetailsElement;
	return { win, details, theme: () => win.document.documentElement.dataset.theme };
}

describe('installPrintExpand', () => {
	it('opens folded content and uses the light theme while printing, then puts both back', () => {
		const { win, details, theme } = page();
		win.dispatchEvent(new win.Event('beforeprint'));
		expect([details('a').open, details('b').open, theme()]).toEqual([true, true, 'light']);
		win.dispatchEvent(new win.Event('afterprint'));
		expect([details('a').open, details('b').open, theme()]).toEqual([false, true, 'dark']);
	});
});
