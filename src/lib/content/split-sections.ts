/**
 * Cuts a rendered case body into its `##` sections, by heading id. Used at build
 * time (practice worksheets embed each section's reference answer separately).
 */
import { JSDOM } from 'jsdom';

/**
 * Maps each anchor in `anchors` to the HTML between its `<h2 id="anchor">` and
 * the next `<h2>`, heading excluded. A heading may sit inside a wrapper element
 * (as some heading-link plugins emit); the wrapper is dropped with it. Anchors
 * with no heading are missing from the result. `drop` removes what matches a
 * selector first.
 */
export function splitSections(html: string, anchors: readonly string[], options: { drop?: string } = {}): Map<string, string> {
	const { document } = new JSDOM('').window;
	const body = document.createElement('div');
	body.innerHTML = html;
	if (options.drop) for (const el of body.querySelectorAll(options.drop)) el.remove();
	// Case bodies wrap each section in <section class="case-section"> (src/plugins/rehype-case-sections.ts): cut through the wrappers.
	for (const wrapper of body.querySelectorAll(':scope > section.case-section')) wrapper.replaceWith(...wrapper.childNodes);
	const groups = new Map<string, Node[]>();
	let current: Node[] | undefined;
	for (const node of [...body.childNodes]) {
		const heading = node.nodeType === 1 ? headingOf(node as Element) : undefined;
		if (heading) {
			current = anchors.includes(heading.id) && !groups.has(heading.id) ? [] : undefined;
			if (current) groups.set(heading.id, current);
			continue;
		}
		current?.push(node);
	}
	const out = new Map<string, string>();
	for (const [id, nodes] of groups) {
		const holder = document.createElement('div');
		holder.append(...nodes);
		out.set(id, holder.innerHTML.trim());
	}
	return out;
}

function headingOf(el: Element): Element | undefined {
	if (el.tagName === 'H2') return el;
	const inner = el.querySelector(':scope > h2');
	return inner && el.tagName === 'DIV' ? inner : undefined;
}
