/** The roadmap page as built: every phase and week, tickable actions, a labelled progress bar, and the links the plan needs. */
import { describe, expect, it } from 'vitest';
import { readPage, textOf } from './dist.ts';

const html = readPage('roadmap/');

function week(n: number): string {
	return html.split(`id="week-${n}"`)[1]!.split('</article>')[0];
}

describe('roadmap page', () => {
	it('shows four phases and sixteen weeks in order', () => {
		const phases = [...html.matchAll(/<h2 id="phase-[^"]+"[^>]*>([^<]+)/g)].map((m) => m[1]);
		expect(phases).toHaveLength(4);
		const weeks = [...html.matchAll(/<h3 id="week-(\d+)"/g)].map((m) => Number(m[1]));
		expect(weeks).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
	});

	it('gives every week a focus, a "done" tick and tickable actions', () => {
		for (let n = 1; n <= 16; n++) {
			const body = week(n);
			expect(body, `week ${n}`).toContain(`data-tick="week-${n}"`);
			expect(body, `week ${n}`).toMatch(new RegExp(`data-tick="week-${n}/[a-z0-9-]+"`));
			expect(textOf(body), `week ${n}`).toMatch(/Focus/);
		}
	});

	it('has a labelled progress bar', () => {
		expect(html).toMatch(/<label[^>]*for="roadmap-progress-bar"[^>]*>Your progress<\/label>/);
		expect(html).toMatch(/<progress[^>]*id="roadmap-progress-bar"[^>]*max="16"/);
	});

	it('links the weeks to the workbook pages that serve them', () => {
		const href = (n: number) => [...week(n).matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
		expect(href(5)).toEqual(expect.arrayContaining(['/concepts/experiments/', '/calculators/']));
		expect(href(8)).toContain('/concepts/metrics/');
		expect(href(11)).toContain('/concepts/embeddings/');
		expect(href(12)).toEqual(expect.arrayContaining(['/cases/', '/framework/', '/concepts/ml-lifecycle/']));
		expect(href(13)).toEqual(expect.arrayContaining(['/cases/', '/framework/']));
		expect(href(15)).toContain('/practice/');
		expect(html).toContain('href="/guides/notebook-to-production/"');
	});

	it('rewrites the plan rather than copying it: the running project has its own milestones', () => {
		const text = textOf(html);
		for (const milestone of ['requirements.txt', 'logging', 'Dockerfile', 'tests for the data']) expect(text).toContain(milestone);
	});
});
