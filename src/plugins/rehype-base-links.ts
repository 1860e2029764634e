import type { Root, Element } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Authors link with site paths (`/pitfalls/#position-bias`); when the site is
 * deployed under a sub-path (BASE_PATH=/mlsd-workbook/), prefix it so the links still work.
 */
export default function rehypeBaseLinks(options: { base?: string } = {}) {
	const base = (options.base ?? '/').replace(/\/?$/, '/');
	return (tree: Root) => {
		if (base === '/') return;
		visit(tree, 'element', (node: Element) => {
			const href = node.tagName === 'a' ? node.properties?.href : undefined;
			if (typeof href === 'string' && href.startsWith('/') && !href.startsWith('//') && !href.startsWith(base)) {
				node.properties.href = base + href.slice(1);
			}
		});
	};
}
