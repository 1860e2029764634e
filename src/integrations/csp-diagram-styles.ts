import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { addStyleHashes } from '../lib/site/csp.ts';

/**
 * Diagrams are inline SVGs with their own `<style>` (fonts and colours per diagram), written by the
 * remark plugin where Astro's CSP hashing cannot see them. After the build, each page's policy gets
 * the hashes of the `<style>` elements inside its `<svg>`s, the only place our renderer puts them
 * (a case body can hold no raw SVG or HTML, so nothing from content is hashed).
 */
export function cspDiagramStyles(): AstroIntegration {
	return {
		name: 'mlsd:csp-diagram-styles',
		hooks: {
			'astro:build:done': ({ dir }) => {
				const root = fileURLToPath(dir);
				for (const f of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
					if (!f.endsWith('.html')) continue;
					const html = readFileSync(join(root, f), 'utf8');
					const out = addStyleHashes(html);
					if (out !== html) writeFileSync(join(root, f), out);
				}
			},
		},
	};
}
