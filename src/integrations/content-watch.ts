/** `astro dev`: the content check again after every save, reported in the terminal and the browser. */
import type { AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { formatReport } from '../lib/content/problems.ts';
import { checkContent, type ContentReport } from '../lib/content/check-content.ts';
import { checkDiagram } from '../lib/diagrams/index.ts';
import { contentOverlayError, devContentState, isCheckedFile } from '../lib/content/dev-report.ts';
import { displayPath } from '../lib/content/project.ts';

/** Re-checks after every change to a checked file, one run at a time, and reports what changed. */
export function watchContent(server: ViteDevServer, logger: AstroIntegrationLogger, root: string, initial: Pick<ContentReport, 'problems' | 'warnings'>): void {
	const state = devContentState(root);
	let last = formatReport([...initial.problems, ...initial.warnings]);
	let again = false;
	// Case files reload the page themselves once Astro has re-read them; other files (catalogs, framework) do not.
	let reloadOnFix = false;
	// Astro reloads the page as soon as a case file changes, before its data store has the new
	// entry; pages wait for that too, or a fixed typo would still render (and fail) once.
	let storeReloaded: Promise<void> | undefined;
	const onStoreReload = watchDataStoreReloads(server);
	const run = async () => {
		const reload = reloadOnFix;
		const store = storeReloaded;
		reloadOnFix = false;
		storeReloaded = undefined;
		const report = await checkContent({ root, checkDiagram });
		await store;
		const wasBroken = state.problems.length > 0;
		state.problems = report.problems;
		const text = formatReport([...report.problems, ...report.warnings]);
		if (text === last) return;
		last = text;
		const client = server.environments.client.hot;
		if (report.problems.length) {
			logger.error(`Content problems:\n\n${text}\n`);
			const error = contentOverlayError(report.problems, root);
			const loc = error.loc && { file: error.loc.file, line: error.loc.line ?? 1, column: error.loc.column ?? 1 };
			client.send({ type: 'error', err: { name: error.name, title: error.title, message: error.message, hint: error.hint, loc, stack: '' } });
			return;
		}
		if (report.warnings.length) logger.warn(`Content warnings:\n\n${text}\n`);
		else logger.info('Content check: no problems.');
		if (wasBroken && reload) client.send({ type: 'full-reload', path: '*' });
	};
	const schedule = () => {
		if (state.pending) {
			again = true;
			return;
		}
		state.pending = run()
			.catch((e) => logger.error(`The content check itself failed: ${(e as Error).message}`))
			.finally(() => {
				state.pending = undefined;
				if (again) {
					again = false;
					schedule();
				}
			});
	};
	// The watcher reports a file once its writes have settled (server.watch.awaitWriteFinish in astro.config.ts).
	for (const event of ['add', 'change', 'unlink'] as const) {
		server.watcher.on(event, (file) => {
			if (!isCheckedFile(root, file)) return;
			if (/^case-studies\/.*\.mdx?$/.test(displayPath(root, file))) storeReloaded ??= onStoreReload();
			else reloadOnFix = true;
			schedule();
		});
	}
}

/** Astro's signal to its page renderer that the content data store changed (astro/dist/content/vite-plugin-content-virtual-mod.js). */
const STORE_CHANGED = 'astro:content-changed';
/** An edit that changes nothing in the entry (a save without changes) never reloads the store. */
const STORE_RELOAD_WAIT_MS = 2_000;

/** Returns a function giving a promise for the next data store reload, or a short wait when none comes. */
function watchDataStoreReloads(server: ViteDevServer): () => Promise<void> {
	const waiting = new Set<() => void>();
	for (const [name, environment] of Object.entries(server.environments)) {
		if (name === 'client') continue;
		const send = environment.hot.send.bind(environment.hot) as (...args: unknown[]) => void;
		(environment.hot as { send: (...args: unknown[]) => void }).send = (...args: unknown[]) => {
			if (args[0] === STORE_CHANGED) {
				for (const resolve of waiting) resolve();
				waiting.clear();
			}
			send(...args);
		};
	}
	return () =>
		new Promise<void>((resolve) => {
			waiting.add(resolve);
			setTimeout(() => {
				waiting.delete(resolve);
				resolve();
			}, STORE_RELOAD_WAIT_MS).unref();
		});
}
