import { defineConfig } from 'vitest/config';

// The unit tests that exercise the modules under mutation testing (stryker.config.json); no build or browser suites.
export default defineConfig({
	test: {
		include: ['tests/unit/stats.test.ts', 'tests/unit/estimates.test.ts', 'tests/unit/cases/*.numbers.test.ts', 'tests/unit/practice/**/*.test.ts', 'tests/unit/content/**/*.test.ts', 'tests/unit/diagrams/**/*.test.ts', 'tests/unit/scaffold.test.ts'],
		environment: 'node',
		// Fixture copies go into one temporary folder per run, removed at its end (as in vitest.config.ts).
		globalSetup: ['tests/fixtures/temp-dir-setup.ts'],
		// Instrumented code runs slower; the first content check also loads the diagram parser.
		testTimeout: 60_000,
	},
});
