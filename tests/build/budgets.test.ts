/**
 * JavaScript budgets, measured on the built site: each page type may load only
 * a little more JS than a plain Starlight page of this same build, and no page
 * ships a diagram library or a UI framework runtime. Figures are gzip bytes
 * (what a host that compresses sends); see src/lib/page-weight.ts for what is
 * counted and src/lib/tooling/page-types.ts for the baseline and the budgets.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BASELINE_PAGE, pageTypes } from '../../src/lib/tooling/page-types.ts';
import { formatBytes, KB } from '../../src/lib/numbers/estimates.ts';
import { weighPage, type Weighed } from '../../src/lib/tooling/page-weight.ts';
import { DIST, allPages } from './dist.ts';

const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
const baseline = weighPage(DIST, BASELINE_PAGE, base);
const types = pageTypes(DIST);

/** Base names of our own modules; a built chunk is named after its first module (`PracticeClient.astro_astro_type_script…`, `search-client.x.js`). */
const ownModules = readdirSync('src', { recursive: true, encoding: 'utf8' })
	.filter((f) => /^(components|lib|pages|plugins)\//.test(f) && /\.(astro|ts)$/.test(f))
	// Starlight's own search, copied only to fix its button's accessible name: its script is Starlight's.
	.filter((f) => f !== 'components/overrides/Search.astro')
	.map((f) => basename(f).replace(/\.(astro|ts)$/, ''));
const isOwn = (w: Weighed) => ownModules.some((m) => basename(w.name).startsWith(`${m}.`));

const figures = (w: ReturnType<typeof weighPage>) =>
	[...w.scripts, ...w.inline, ...w.onDemand].map((s) => `    ${s.name.padEnd(72)} ${formatBytes(s.raw).padStart(9)} ${formatBytes(s.gzip).padStart(9)} gzip`).join('\n');

describe('JavaScript per page type, against the Starlight baseline', () => {
	const rows: string[] = [];
	afterAll(() => console.log([`JS per page (gzip), Starlight baseline ${BASELINE_PAGE}: ${formatBytes(baseline.js.gzip)}`, ...rows].join('\n')));

	it(`the baseline page (${BASELINE_PAGE}) loads no module of ours`, () => {
		const ours = [...baseline.scripts, ...baseline.onDemand].filter(isOwn).map((s) => s.name);
		expect(ours, `the baseline page must stay a plain Starlight page; pick another BASELINE_PAGE in src/lib/tooling/page-types.ts`).toEqual([]);
		expect(baseline.js.gzip).toBeGreaterThan(0);
	});

	it.each(types.map((t) => [t.id, t] as const))('%s stays within its budget', (_, type) => {
		const w = weighPage(DIST, type.path, base);
		const extra = w.js.gzip - baseline.js.gzip;
		const report = [
			`${type.path || '/'}: ${formatBytes(w.js.gzip)} of JS (gzip), ${formatBytes(extra)} over the Starlight baseline ${formatBytes(baseline.js.gzip)}; budget +${type.jsBudgetKB} KB`,
			figures(w),
		].join('\n');
		rows.push(`  ${type.id.padEnd(15)} ${formatBytes(w.js.gzip).padStart(9)}  ${(extra >= 0 ? '+' : '') + formatBytes(extra)} (budget +${type.jsBudgetKB} KB)`);
		expect(extra, report).toBeLessThanOrEqual(type.jsBudgetKB * KB);
	});
});

/** Text that only a diagram library or a UI framework's runtime contains. */
const RUNTIMES: [name: string, pattern: RegExp][] = [
	['mermaid', /mermaidAPI|mermaid\.initialize|flowchart-v2|sequenceDiagram-v2|\bmermaid-\d/],
	['dagre', /\bgraphlib\b|dagre/],
	['react', /Symbol\.for\(["'`]react\.(?:transitional\.)?element["'`]\)|__SECRET_INTERNALS_DO_NOT_USE|__REACT_DEVTOOLS_GLOBAL_HOOK__/],
	['preact', /__PREACT_DEVTOOLS__|\bpreact\b/],
	['vue', /__VUE__|__vue_app__|__VUE_OPTIONS_API__/],
	['svelte', /window\.__svelte|__svelte\b|svelte\/internal/],
	['solid', /\$\$SOLID|solid-js/],
	['lit', /litElementVersions|\blitHtmlVersions\b/],
];

describe('no diagram or framework runtime', () => {
	/**
	 * Starlight's header search box is @pagefind/default-ui, which is compiled Svelte;
	 * it is part of the baseline (every Starlight site ships it), so it is the one exception.
	 */
	const starlightOwn = new Set([...baseline.scripts, ...baseline.onDemand].map((s) => s.name));

	it('the patterns recognise the real libraries', () => {
		const match = (file: string) => RUNTIMES.filter(([, pattern]) => pattern.test(readFileSync(file, 'utf8'))).map(([name]) => name);
		expect(match('node_modules/mermaid/dist/mermaid.min.js')).toContain('mermaid');
		expect(match('node_modules/@dagrejs/dagre/dist/dagre.min.js')).toContain('dagre');
	});

	it('no JS file in _astro/ carries mermaid, dagre or a UI framework runtime (Starlight’s search UI aside)', () => {
		const dir = join(DIST, '_astro');
		const found: string[] = [];
		for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
			const code = readFileSync(join(dir, file), 'utf8');
			for (const [name, pattern] of RUNTIMES) {
				if (!pattern.test(code)) continue;
				if (starlightOwn.has(`_astro/${file}`) && name === 'svelte') continue;
				found.push(`_astro/${file}: ${name}`);
			}
		}
		expect(found).toEqual([]);
	});

	it('no page has a framework island', () => {
		const islands = allPages().filter((p) => readFileSync(join(DIST, p), 'utf8').includes('<astro-island'));
		expect(islands).toEqual([]);
	});
});
