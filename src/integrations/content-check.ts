import type { AstroIntegration } from 'astro';
import { formatReport } from '../lib/content/problems.ts';
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
				// Warnings (unfinished drafts, diagrams too wide to read) never stop a build.
				if (report.warnings.length) logger.warn(`Warnings:\n\n${formatReport(report.warnings)}`);
				if (report.problems.length === 0) return;
				const text = `Content problems:\n\n${formatReport(report.problems)}\n\nRun \`npm run check\` to see this report again.`;
				if (command === 'build') {
					logger.error(text);
					process.exit(1);
				}
				logger.warn(text);
			},
		},
	};
}
