import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleImports, weighPage } from '../../src/lib/tooling/page-weight.ts';

/** A tiny built site: one page, its scripts and stylesheets. */
function site(files: Record<string, string>): string {
	const dist = mkdtempSync(join(tmpdir(), 'mlsd-weight-'));
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(join(dist, path, '..'), { recursive: true });
		writeFileSync(join(dist, path), text);
	}
	return dist;
}

describe('moduleImports', () => {
	it('finds the static and dynamic imports of minified ES modules', () => {
		const code = 'import"./a.js";import{t as e}from"./b.js";export{x}from"../c.js";const m=()=>import("./lazy.js");';
		expect(moduleImports(code)).toEqual({ statics: ['./a.js', './b.js', '../c.js'], dynamics: ['./lazy.js'] });
	});

	it("counts the chunks in Vite's __vite__mapDeps as loaded on demand (weighPage drops those also loaded statically)", () => {
		const code = 'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/ui.js","_astro/helper.js"])))=>i.map(i=>d[i]);\nimport{t as e}from"./helper.js";';
		expect(moduleImports(code)).toEqual({ statics: ['./helper.js'], dynamics: ['_astro/ui.js', '_astro/helper.js'] });
	});
});

describe('weighPage', () => {
	const dist = site({
		'index.html': [
			'<html><head><link rel="stylesheet" href="/_astro/site.css"><link rel="stylesheet" href="/_astro/print.css" media="print">',
			'<link rel="modulepreload" href="/_astro/pre.js"><link rel="icon" href="https://elsewhere.example/icon.svg"></head><body>',
			'<script type="module" src="/_astro/entry.js"></script><script>window.x = 1;</script>',
			'<script type="application/json" id="data">{"not":"code"}</script><script type="module" src="/_astro/entry.js"></script></body></html>',
		].join(''),
		'_astro/entry.js': 'import"./shared.js";const later=()=>import("./lazy.js");',
		'_astro/pre.js': 'import"./shared.js";',
		'_astro/shared.js': 'export const s=1;',
		'_astro/lazy.js': 'import"./lazy-dep.js";',
		'_astro/lazy-dep.js': 'export const d=2;',
		'_astro/site.css': 'body{color:red}',
		'_astro/print.css': 'body{color:black}',
	});
	const w = weighPage(dist, '');

	it('follows entry scripts and modulepreloads through their static imports, each file once', () => {
		expect(w.scripts.map((s) => s.name).sort()).toEqual(['_astro/entry.js', '_astro/pre.js', '_astro/shared.js']);
	});

	it('counts inline scripts but not JSON data blocks', () => {
		expect(w.inline).toHaveLength(1);
		expect(w.inline[0].raw).toBe('window.x = 1;'.length);
	});

	it('lists dynamic imports and their own imports apart, and counts them in the total', () => {
		expect(w.onDemand.map((s) => s.name).sort()).toEqual(['_astro/lazy-dep.js', '_astro/lazy.js']);
		const all = [...w.scripts, ...w.inline, ...w.onDemand];
		expect(w.js.raw).toBe(all.reduce((n, s) => n + s.raw, 0));
		expect(w.eager.raw).toBe([...w.scripts, ...w.inline].reduce((n, s) => n + s.raw, 0));
	});

	it('weighs screen stylesheets only', () => {
		expect(w.css.map((c) => c.name)).toEqual(['_astro/site.css']);
	});

	it('resolves URLs under a base path', () => {
		const sub = site({ 'docs/index.html': '<script type="module" src="/repo/_astro/a.js"></script>', '_astro/a.js': 'export{}' });
		expect(weighPage(sub, 'docs/', '/repo/').scripts.map((s) => s.name)).toEqual(['_astro/a.js']);
	});
});
