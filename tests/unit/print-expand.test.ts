import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { installPrintExpand } from '../../src/components/print-expand.ts';

function page() {
	const dom = new JSDOM('<html data-theme="dark"><body><details id="a"><summary>Q</summary>A</details><details id="b" open><summary>Q</summary>B</details></body></html>');
	const win = dom.window as unknown as Window;
	installPrintExpand(win);
	installPrintExpand(win);
	const details = (id: string) => win.document.getElementById(id) as HTMLDetailsElement;
	const fire = (type: string) => win.dispatchEvent(new dom.window.Event(type));
	return { fire, details, theme: () => win.document.documentElement.dataset.theme };
}

describe('installPrintExpand', () => {
	it('opens folded content and uses the light theme while printing, then puts both back', () => {
		const { fire, details, theme } = page();
		fire('beforeprint');
		expect([details('a').open, details('b').open, theme()]).toEqual([true, true, 'light']);
		fire('afterprint');
		expect([details('a').open, details('b').open, theme()]).toEqual([false, true, 'dark']);
	});
});
