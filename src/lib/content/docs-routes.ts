/**
 * The Starlight pages under src/content/docs and the heading anchors each one
 * has, so links from cases and the roadmap to `/concepts/metrics/#ndcg` can be
 * checked before anything renders (pass the map as checkContent's extraRoutes).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GithubSlugger } from './slug.ts';
import { projectRoot } from './project.ts';

export const DOCS_DIR = 'src/content/docs';

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
		routes.set(path ? `/${path}/` : '/', headingIds(readFileSync(join(root, DOCS_DIR, file), 'utf8')));
	}
	return routes;
}

/** Ids of the Markdown headings (`## Title`) outside code fences, slugged as Astro slugs them. */
export function headingIds(source: string): string[] {
	const slugger = new GithubSlugger();
	const ids: string[] = [];
	let fence: string | undefined;
	for (const line of source.replace(/^---\n[\s\S]*?\n---\n/, '').split('\n')) {
		const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
		if (marker && (!fence || marker.startsWith(fence))) {
			fence = fence ? undefined : marker;
			continue;
		}
		if (fence) continue;
		const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
		if (heading) ids.push(slugger.slug(plainText(heading[1])));
	}
	return ids;
}

/** Heading text as rendered: links, emphasis and code marks dropped. */
function plainText(markdown: string): string {
	return markdown
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/[*_`]/g, '')
		.replace(/<[^>]+>/g, '');
}
