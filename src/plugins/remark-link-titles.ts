import type { Link, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

/**
 * A link written as its own address, `[/cases/tiktok-feed/](/cases/tiktok-feed/)`, reads as a
 * raw path: show the page's title instead ("TikTok-style “For You” short-video feed").
 * `titles` maps site paths (without base, with trailing slash) to page titles; other links are left alone.
 */
export default function remarkLinkTitles(options: { titles?: Record<string, string> } = {}) {
	const titles = options.titles ?? {};
	return (tree: Root) => {
		visit(tree, 'link', (node: Link) => {
			const text = toString(node).trim();
			if (text !== node.url || !text.startsWith('/')) return;
			const title = titles[text.replace(/#.*$/, '')];
			if (title) node.children = [{ type: 'text', value: title }];
		});
	};
}

/** Site path → title for every page the sidebar lists (cases included), from Starlight's sidebar config. */
export function sidebarTitles(items: readonly unknown[], base = '/'): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (list: readonly unknown[]) => {
		for (const item of list as { label: string; link?: string; items?: unknown[] }[]) {
			if (item.link) out['/' + item.link.slice(base.length).replace(/^\//, '')] = item.label;
			if (item.items) walk(item.items);
		}
	};
	walk(items);
	return out;
}
