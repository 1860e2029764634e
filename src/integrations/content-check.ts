import type { AstroIntegration } from 'astro';
import { errorsOf, formatReport } from '../lib/content/problems.ts';
import type { ContentReport } from '../lib/content/check-content.ts';

/**
 * Fails `astro build` when the content has problems, with the same report
 * `npm run check` prints (no stack trace). In `astro dev` the report is logged
 * and the server keeps running so the contributor can fix and reload.
 */
export function contentCheck(report: ContentReport): AstroIntegration {
	return {
		name: 'mlsd:content-check',
		hooks: {
			'astro:config:setup': ({ command, logger }) => {
				if (report.problems.length === 0) return;
				const text = `Content problems:\n\n${formatReport(report.problems)}\n\nRun \`npm run check\` to see this report again.`;
				// Warnings (a diagram too wide for the page column) are shown but fail nothing.
				if (command === 'build' && errorsOf(report.problems).length > 0) {
					logger.error(text);
					process.exit(1);
				}
				logger.warn(text);
			},
		},
	};
}
