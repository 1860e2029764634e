import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { checkContent } from './src/lib/content/check-content.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { knownWarnings } from './src/integrations/known-warnings.ts';
import { releaseHeap } from './src/integrations/release-heap.ts';
import { buildSidebar, caseTitles } from './src/lib/site/sidebar.ts';
import rehypeBaseLinks from './src/plugins/rehype-base-links.ts';
import rehypeTables from './src/plugins/rehype-tables.ts';
import rehypeCaseSections from './src/plugins/rehype-case-sections.ts';
import remarkMermaid from './src/plugins/remark-mermaid.ts';
import remarkKeyPoints from './src/plugins/remark-key-points.ts';
import { loadFramework } from './src/lib/content/framework.ts';
import remarkMath from './src/plugins/remark-math.ts';
import remarkEstimate from './src/plugins/remark-estimate.ts';
import remarkLinkTitles, { sidebarTitles } from './src/plugins/remark-link-titles.ts';
import { checkDiagram } from './src/lib/diagrams/index.ts';
import { loadMermaid } from './src/lib/diagrams/parse.ts';
import { SEARCH_RANKING } from './src/lib/site/search-ranking.ts';
import { contentSecurityPolicy } from './src/lib/site/csp.ts';
import { cspDiagramStyles } from './src/integrations/csp-diagram-styles.ts';

// The content is checked once, before anything renders: the same checks as `npm run check`.
const report = await checkContent({ checkDiagram });
// Load the diagram parser now: modules imported from here cannot load new modules once the config is loaded,
// and with a warm disk cache the check above may not have needed it.
await loadMermaid();

// Deployments under a sub-path (GitHub Pages project sites) set SITE_URL and BASE_PATH.
const site = process.env.SITE_URL ?? 'https://mlsd-workbook.github.io';
const base = process.env.BASE_PATH ?? '/';

const sidebar = buildSidebar(report.cases);

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	// A mistake that slips past the content check still cannot run: only the site's own hashed
	// scripts and styles execute, no inline handlers, and nothing loads from another origin.
	// Stylesheets as files, never inlined: Astro inlines small component styles into MDX pages without
	// hashing them for the Content-Security-Policy, and the browser would then refuse them.
	build: { inlineStylesheets: 'never' },
	security: { csp: contentSecurityPolicy([fileURLToPath(new URL('./node_modules/@astrojs/starlight/dist/', import.meta.url)), fileURLToPath(new URL('./src/components/', import.meta.url))]) },
	markdown: {
		// Code blocks are highlighted by Starlight's Expressive Code (CSP-safe stylesheets); Shiki's inline styles would be refused.
		syntaxHighlight: false,
		processor: unified({ remarkPlugins: [remarkMermaid, [remarkKeyPoints, { sections: loadFramework().sections }], remarkMath, remarkEstimate, [remarkLinkTitles, { titles: { ...sidebarTitles(sidebar), ...caseTitles(report.cases) } }]], rehypePlugins: [[rehypeBaseLinks, { base }], rehypeTables, rehypeCaseSections] }),
	},
	vite: {
		// A save often reaches the disk in two steps (an editor, or writeFileSync, empties the file and then
		// writes it). Without this the file watcher reports the empty file: Astro's content loader then fails
		// to reload the case and keeps the old version, and the preview shows stale content until the next
		// save. Every watcher (Astro's, Vite's, the content check's) now hears of a file once its size has
		// held still for 150 ms.
		server: { watch: { awaitWriteFinish: { stabilityThreshold: 150, pollInterval: 25 } } },
		build: {
			rollupOptions: {
				onwarn(warning, warn) {
					// Astro marks every MDX module with "use astro:head-inject" and rolldown warns that bundling drops it: known and harmless (withastro/astro#18087).
					if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
					warn(warning);
				},
			},
		},
	},
	integrations: [
		contentCheck(report),
		knownWarnings(),
		// Before Starlight: its astro:build:done runs pagefind.
		releaseHeap(),
		starlight({
			title: 'MLSD Workbook',
			description: 'Machine-learning system design, worked in depth: case studies, timed practice, PDFs.',
			social: [],
			// print.css last: it overrides the screen styles on paper. The case page's own styles are here too,
			// in the one site stylesheet: a separate file per component would cost a phone a render-blocking
			// request each (the case page had three; issue #22).
			customCss: ['./src/styles/workbook.css', './src/styles/tables.css', './src/styles/key-points.css', './src/styles/deep-dives.css', './src/styles/case-sections.css', './src/styles/print.css'],
			// The footer override adds the print script (opens <details>, forces the light theme) to every page;
			// the search override names the header button by its visible text (accessibility).
			components: { Footer: './src/components/overrides/Footer.astro', Search: './src/components/overrides/Search.astro' },
			sidebar,
			// Keeps a sidebar link's #fragment where Starlight's trailing slash would break it, and previous/next in reading order.
			routeMiddleware: './src/route-data.ts',
			lastUpdated: false,
			// src/pages/404.astro replaces Starlight's 404, which has no way back and warns on every build that there is no docs/404 entry.
			disable404Route: true,
			// One ranking for Starlight's search modal and the /search/ page.
			pagefind: { ranking: SEARCH_RANKING },
			// Wrap long code lines: a code block that scrolls sideways becomes an unnamed "region"
			// landmark, and two on one page fail axe's landmark-unique check (tests/e2e/axe.test.ts).
			expressiveCode: { defaultProps: { wrap: true } },
		}),
		mdx(),
		// Print layouts (for PDFs) are noindex and blank worksheets repeat their worksheet: keep both out of the sitemap.
		cspDiagramStyles(),
		sitemap({ filter: (page) => !/\/(print\/|practice\/[^/]+\/blank\/)/.test(page) }),
	],
});
