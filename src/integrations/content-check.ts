import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatReport } from '../lib/content/problems.ts';
import type { ContentReport } from '../lib/content/check-content.ts';
import { devContentState } from '../lib/content/dev-report.ts';
import { watchContent } from './content-watch.ts';

const AGAIN = 'Run `npm run check` to see this report again.';

/**
 * Fails `astro build` when the content has problems, with the same report
 * `npm run check` prints (no stack trace); warnings are printed and fail nothing.
 * In `astro dev` the check runs again whenever a checked file changes: the report
 * goes to the terminal and to the browser's error overlay, and pages show it
 * until the content is fixed (content-check-middleware.ts).
 */
export function contentCheck(report: ContentReport): AstroIntegration {
	// Only the problems are kept: the checked cases hold every case file's text, which a build must not carry to the end.
	const { problems, warnings } = report;
	let root = process.cwd();
	return {
		name: 'mlsd:content-check',
		hooks: {
			'astro:config:setup': ({ command, config, logger, addMiddleware }) => {
				root = fileURLToPath(config.root);
				const text = formatReport([...problems, ...warnings]);
				if (problems.length && command === 'build') {
					logger.error(`Content problems:\n\n${text}\n\n${AGAIN}`);
					process.exit(1);
				}
				if (problems.length || warnings.length) logger.warn(`Content ${problems.length ? 'problems' : 'warnings'}:\n\n${text}\n\n${AGAIN}`);
				if (command === 'dev') {
					devContentState(root).problems = problems;
					addMiddleware({ entrypoint: new URL('./content-check-middleware.ts', import.meta.url), order: 'pre' });
				}
			},
			'astro:server:setup': ({ server, logger }) => watchContent(server, logger, root, { problems, warnings }),
		},
	};
}
