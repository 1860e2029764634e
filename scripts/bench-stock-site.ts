/**
 * A stock Starlight site for the benchmarks to measure beside ours: the
 * installed Starlight with its defaults (no component overrides, no custom CSS,
 * no plugins of ours), one docs page holding the text of our
 * /concepts/ml-lifecycle/ page with our components taken out. Built once into
 * .tmp/bench-stock/ and reused while Starlight's version and the text are the same.
 *
 *   node scripts/bench-stock-site.ts     prints the built site's directory
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const SOURCE_PAGE = 'src/content/docs/concepts/ml-lifecycle.mdx';
/** The stock page's path in the stock site. */
export const STOCK_PATH = 'concepts/ml-lifecycle/';

/** Our page's Markdown without MDX imports and components: what a plain Starlight docs page holds. */
export function plainMarkdown(mdx: string): string {
	return mdx
		.replace(/^import .*$/gm, '')
		.replace(/<[A-Z][\w.]*\b[^>]*\/>/g, '')
		.replace(/<([A-Z][\w.]*)\b[^>]*>[\s\S]*?<\/\1>/g, '');
}

/** Builds the stock site if needed and returns its dist directory. */
export function stockSite(root = resolve('.tmp/bench-stock')): string {
	// Neither package exports its package.json or CLI path; both sit in the project's node_modules.
	const starlightVersion = (JSON.parse(readFileSync('node_modules/@astrojs/starlight/package.json', 'utf8')) as { version: string }).version;
	const page = plainMarkdown(readFileSync(SOURCE_PAGE, 'utf8'));
	const stamp = createHash('sha256').update(starlightVersion).update(page).digest('hex').slice(0, 16);
	const dist = join(root, 'dist');
	if (existsSync(join(root, 'stamp')) && readFileSync(join(root, 'stamp'), 'utf8') === stamp && existsSync(join(dist, STOCK_PATH, 'index.html'))) return dist;
	rmSync(root, { recursive: true, force: true });
	mkdirSync(join(root, 'src/content/docs/concepts'), { recursive: true });
	// The project's own node_modules, linked: the same Astro and Starlight as the workbook.
	symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');
	const ours = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
	const dependencies = { astro: ours.dependencies.astro, '@astrojs/starlight': ours.dependencies['@astrojs/starlight'] };
	writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'stock-starlight', private: true, type: 'module', dependencies }));
	writeFileSync(
		join(root, 'astro.config.mjs'),
		`import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\nexport default defineConfig({ integrations: [starlight({ title: 'Stock Starlight ${starlightVersion}', sidebar: [{ label: 'Concepts', items: [{ autogenerate: { directory: 'concepts' } }] }] })] });\n`,
	);
	writeFileSync(
		join(root, 'src/content.config.ts'),
		`import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n`,
	);
	writeFileSync(join(root, 'src/content/docs/index.md'), '---\ntitle: Stock Starlight\n---\n\nA default Starlight site, measured beside the workbook.\n');
	writeFileSync(join(root, 'src/content/docs/concepts/ml-lifecycle.md'), page);
	const astro = resolve('node_modules/astro/bin/astro.mjs');
	const built = spawnSync(process.execPath, [astro, 'build'], { cwd: root, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' } });
	if (built.status !== 0 || !existsSync(join(dist, STOCK_PATH, 'index.html'))) throw new Error(`The stock Starlight site in ${root} did not build:\n${built.stdout}\n${built.stderr}`.slice(-3000));
	writeFileSync(join(root, 'stamp'), stamp);
	return dist;
}

if (import.meta.main) console.log(stockSite());
