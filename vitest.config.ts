import { defineConfig } from 'vitest/config';

// Three suites: unit (logic), build (assertions on the built dist/), e2e (real Chromium).
// `npm test` (scripts/run-tests.ts) runs them in that order; see README.
// Each project's run gets a temporary folder for fixture copies, removed at its end.
const globalSetup = ['tests/fixtures/temp-dir-setup.ts'];
export default defineConfig({
	test: {
		projects: [
			{ test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', globalSetup } },
			{ test: { name: 'build', include: ['tests/build/**/*.test.ts'], environment: 'node', globalSetup, testTimeout: 120_000, hookTimeout: 600_000, fileParallelism: false } },
			{ test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], environment: 'node', globalSetup, testTimeout: 60_000, hookTimeout: 300_000, fileParallelism: false } },
		],
	},
});
