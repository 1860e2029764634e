/**
 * The Starlight pages under src/content/docs and the heading anchors each one
 * has, so links from cases and the roadmap to `/concepts/metrics/#ndcg` can be
 * checked before anything renders (pass the map as checkContent's extraRoutes).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { GithubSlugger } from './slug.ts';
import { projectRoot } from './project.ts';

export const DOCS_DIR = 'src/content/docs';

const mdParser = unified().use(remarkParse).use(remarkGfm);
const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** Site path → heading ids, for every .md/.mdx page under src/content/docs. */
export function docsRoutes(root = projectRoot()): Map<string, string[]> {
	const routes = new Map<string, string[]>();
	let files: string[];
	try {
		files = readdirSync(join(root, DOCS_DIR), { recursive: true, encoding: 'utf8' });
	} catch {
		return routes;
	}
	for (const file of files.filter((f) => /\.mdx?$/.test(f)).sort()) {
		const path = file.split('\\').join('/').replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '');
		// 404.md is Starlight's not-found page (404.html), not a page anything links to.
		if (path === '404') continue;
		routes.set(path ? `/${path}/` : '/', headingIds(readFileSync(join(root, DOCS_DIR, file), 'utf8'), file.endsWith('.mdx')));
	}
	return routes;
}

/** Ids of the Markdown headings, slugged as Astro slugs them: the headings' text (parsed, not pattern-matched) through github-slugger. */
export function headingIds(source: string, mdx = true): string[] {
	const body = source.replace(/^---\n[\s\S]*?\n---(\n|$)/, '');
	const tree = (mdx ? mdxParser : mdParser).parse(body);
	const slugger = new GithubSlugger();
	const ids: string[] = [];
	visit(tree, 'heading', (h) => {
		ids.push(slugger.slug(toString(h)));
	});
	return ids;
}
