import { describe, expect, it } from 'vitest';
import { splitSections } from '../../src/lib/content/split-sections.ts';

describe('splitSections', () => {
	const html = [
		'<p>before any section</p>',
		'<h2 id="requirements-and-scope">Requirements and scope</h2>',
		'<p>Req <strong>one</strong>.</p>',
		'<h3 id="assumptions">Assumptions</h3>',
		'<ul><li>a</li></ul>',
		'<div class="sl-heading-wrapper level-h2"><h2 id="model">Model</h2><a href="#model">§</a></div>',
		'text &amp; <em>more</em>',
		'<h2 id="not-a-framework-section">Aside</h2>',
		'<p>not part of model</p>',
	].join('\n');

	it("cuts the body at each section's h2, heading (and its wrapper) excluded", () => {
		const parts = splitSections(html, ['requirements-and-scope', 'model']);
		expect([...parts.keys()]).toEqual(['requirements-and-scope', 'model']);
		expect(parts.get('requirements-and-scope')).toBe('<p>Req <strong>one</strong>.</p>\n<h3 id="assumptions">Assumptions</h3>\n<ul><li>a</li></ul>');
		expect(parts.get('model')).toBe('text &amp; <em>more</em>');
	});

	it('leaves out sections that have no heading', () => {
		expect(splitSections(html, ['metrics']).size).toBe(0);
	});
});
