/**
 * The concept pages, the calculators page and the notebook-to-production guide,
 * as built: formulas are MathML rendered at build time with no math script, the
 * calculators show their first result without JavaScript, sources carry years,
 * and every internal link lands on a built page and anchor.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsRoutes } from '../../src/lib/content/docs-routes.ts';
import { DIST, readPage, textOf } from './dist.ts';

const CONCEPTS = ['ml-lifecycle', 'metrics', 'experiments', 'recommender-funnels', 'embeddings'];
const PAGES = [...CONCEPTS.map((c) => `concepts/${c}/`), 'calculators/', 'guides/notebook-to-production/', 'roadmap/'];

/** Scripts a page loads: inline bodies and the files behind src attributes. */
function scriptsOf(html: string): string[] {
	const out: string[] = [];
	for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
		out.push(m[2]);
		const src = /\ssrc="([^"]+)"/.exec(m[1])?.[1];
		if (src && src.startsWith('/')) out.push(readFileSync(join(DIST, src), 'utf8'));
	}
	return out;
}

function idsOf(html: string): Set<string> {
	return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
}

describe('concept pages', () => {
	it.each(CONCEPTS)('%s renders its formulas as MathML and loads no math runtime', (slug) => {
		const html = readPage(`concepts/${slug}/`);
		const formulas = html.match(/<math\b/g) ?? [];
		expect(formulas.length, 'formulas as <math>').toBeGreaterThanOrEqual(slug === 'ml-lifecycle' ? 2 : 5);
		expect(html).toMatch(/<annotation encoding="application\/x-tex">/);
		for (const script of scriptsOf(html)) expect(script).not.toMatch(/temml|katex|mathjax|MathJax|renderToString/);
		expect(html).not.toMatch(/<link[^>]+(katex|mathjax|temml)/i);
		// No TeX left unrendered in the prose.
		expect(textOf(html.replace(/<math[\s\S]*?<\/math>/g, ''))).not.toMatch(/\\(frac|sum|sqrt|text)\b/);
	});

	it.each(CONCEPTS)('%s cites its sources with years', (slug) => {
		const html = readPage(`concepts/${slug}/`);
		const sources = html.split(/<h2[^>]*id="sources"/)[1];
		expect(sources, 'a Sources section').toBeDefined();
		const items = sources!.split('</ul>')[0].match(/<li>[\s\S]*?<\/li>/g) ?? [];
		expect(items.length).toBeGreaterThanOrEqual(5);
		for (const item of items) expect(textOf(item)).toMatch(/\b(19|20)\d\d\b/);
	});

	it('the metrics page covers every metric the roadmap names', () => {
		const text = textOf(readPage('concepts/metrics/'));
		for (const name of ['Precision', 'Recall', 'F1', 'ROC-AUC', 'PR-AUC', 'Log loss', 'Normalized entropy', 'Calibration', 'NDCG', 'MAP', 'MRR', 'RMSE']) {
			expect(text).toContain(name);
		}
		expect(text).toMatch(/Misleads when/);
	});

	it('the ML lifecycle page has its flowchart and the six stages', () => {
		const html = readPage('concepts/ml-lifecycle/');
		expect(html).toMatch(/mermaid|<svg/);
		for (const stage of ['1. Data', '2. Features', '3. Training', '4. Evaluation', '5. Serving', '6. Monitoring']) expect(textOf(html)).toContain(stage);
	});

	it('the experiments page embeds the sample-size calculator with its textbook result', () => {
		const html = readPage('concepts/experiments/');
		expect(html).toContain('data-calculator="sample-size"');
		expect(html).toMatch(/<output data-out="perArm"[^>]*>3,841<\/output>/);
	});

	it('the embeddings page prints the memory arithmetic from the tested estimators', () => {
		const text = textOf(readPage('concepts/embeddings/'));
		for (const figure of ['307.2 GB', '153.6 GB', '76.8 GB', '332.8 GB', '10.6 GB']) expect(text).toContain(figure);
	});
});

describe('calculators page', () => {
	const html = readPage('calculators/');

	it('has the four widgets, each showing its formula as MathML', () => {
		for (const name of ['sample-size', 'qps', 'storage', 'latency']) {
			const widget = html.split(`data-calculator="${name}"`)[1]?.split('</section>')[0];
			expect(widget, name).toBeDefined();
			expect(widget!, `${name} formula`).toMatch(/Formula used[\s\S]*<math/);
		}
	});

	it('shows the default results before any script runs', () => {
		const out = (key: string) => new RegExp(`<output data-out="${key}"[^>]*>([^<]*)</output>`).exec(html)?.[1];
		expect(out('perArm')).toBe('3,841');
		expect(out('days')).toBe('1');
		expect(out('averageQps')).toBe('23,148');
		expect(out('peakQps')).toBe('69,444');
		expect(out('bytesPerDay')).toBe('1 TB');
		expect(out('bytesPerYear')).toBe('365 TB');
		expect(out('usedMs')).toBe('170 ms');
	});

	it('labels every field and ties each to its error slot', () => {
		for (const m of html.matchAll(/<input\b[^>]*data-field="[^"]+"[^>]*>/g)) {
			const id = /\sid="([^"]+)"/.exec(m[0])![1];
			expect(html, `label for ${id}`).toContain(`for="${id}"`);
			expect(m[0], `${id} describedby`).toMatch(new RegExp(`aria-describedby="[^"]*${id}-error`));
			expect(html).toContain(`id="${id}-error"`);
		}
	});

	it('names which sample-size formula is the default and offers the other two', () => {
		expect(html).toMatch(/<option value="pooled" selected[^>]*>Pooled \(default\)<\/option>/);
		expect(html).toContain('<option value="unpooled"');
		expect(html).toContain('<option value="baseline-null"');
	});
});

describe('internal links', () => {
	it('the anchors the content checker derives from the docs sources are the ids Astro built', () => {
		for (const [route, anchors] of docsRoutes()) {
			const ids = idsOf(readPage(route.slice(1)));
			for (const anchor of anchors) expect(ids.has(anchor), `${route}#${anchor}`).toBe(true);
		}
	});

	it.each(PAGES)('every link on %s lands on a built page and anchor', (path) => {
		const html = readPage(path);
		const main = html.split('<main')[1] ?? html;
		for (const m of main.matchAll(/<a\b[^>]*\shref="(\/[^"]*)"/g)) {
			const [target, hash] = m[1].split('#');
			const file = join(DIST, target, 'index.html');
			expect(existsSync(file), `${path} links to ${m[1]}`).toBe(true);
			if (hash) expect(idsOf(readFileSync(file, 'utf8')).has(decodeURIComponent(hash)), `${path} links to ${m[1]}`).toBe(true);
		}
	});
});
