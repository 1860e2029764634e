/**
 * The project's one HTML/XML escaper (pages, inline Markdown, diagrams' SVG, PDF links, Anki
 * export): what it writes must read back as the original text in every place it is used.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/lib/site/escape-html.ts';

const nasty = `a < b && c > d, "quoted" and 'single' </text><script>x</script> &amp; stays &amp;`;

describe('escapeHtml', () => {
	it('escapes the five characters that can end text or an attribute, and nothing else', () => {
		expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
		expect(escapeHtml('Ranker → 20 ms · naïve')).toBe('Ranker → 20 ms · naïve');
	});

	it('reads back as the same text in HTML element content and in either kind of quoted attribute', () => {
		const e = escapeHtml(nasty);
		const doc = new JSDOM(`<p id="t">${e}</p><p id="d" title="${e}"></p><p id="s" title='${e}'></p>`).window.document;
		expect(doc.getElementById('t')!.textContent).toBe(nasty);
		expect(doc.getElementById('d')!.getAttribute('title')).toBe(nasty);
		expect(doc.getElementById('s')!.getAttribute('title')).toBe(nasty);
		expect(doc.querySelector('script')).toBeNull();
	});

	it('keeps SVG well-formed XML, in text and attributes', () => {
		const e = escapeHtml(nasty);
		const svg = `<svg xmlns="http://www.w3.org/2000/svg"><text data-l="${e}">${e}</text></svg>`;
		const doc = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
		expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
		const text = doc.getElementsByTagName('text')[0]!;
		expect(text.textContent).toBe(nasty);
		expect(text.getAttribute('data-l')).toBe(nasty);
	});
});
