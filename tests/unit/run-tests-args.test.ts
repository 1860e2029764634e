import { describe, expect, it } from 'vitest';
import { runIn } from '../fixtures/content-root.ts';

describe('npm test -- <suite>', () => {
	it('refuses an unknown suite name with the list of suites, before running anything', () => {
		const { status, output } = runIn(process.cwd(), 'node', ['scripts/run-tests.ts', 'unit', 'browsr']);
		expect(status).toBe(2);
		expect(output.trim()).toMatchInlineSnapshot(`
			"Unknown test suite: browsr.
			Suites: unit (logic), build (the built HTML; builds the site first), e2e (real Chromium; also "browser").
			Example: npm test -- unit e2e"
		`);
		expect(output).not.toContain('━━');
	});
});
