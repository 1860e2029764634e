/** Helpers for tests that read the built site (run after `astro build`; see scripts/run-tests.ts). */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const DIST = process.env.MLSD_DIST ?? 'dist';

/** The HTML of a built page, by site path (`cases/tiktok-feed/`). */
export function readPage(path: string): string {
	const file = join(DIST, path.replace(/^\//, ''), path.endsWith('.html') ? '' : 'index.html');
	if (!existsSync(file)) throw new Error(`${file} was not built; run \`npx astro build\` first (npm test does).`);
	return readFileSync(file, 'utf8');
}

/** Every built HTML file, relative to dist. */
export function allPages(): string[] {
	return readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).sort();
}

/** Text content of an HTML fragment, tags stripped and whitespace folded. */
export function textOf(html: string): string {
	return html
		.replace(/<script[\s\S]*?<\/script>/g, ' ')
		.replace(/<style[\s\S]*?<\/style>/g, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/\s+/g, ' ')
		.trim();
}
