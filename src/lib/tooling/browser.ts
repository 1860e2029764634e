import { existsSync } from 'node:fs';

/** Environment variables that may name a Chromium/Chrome executable, in the order they are read. */
export const BROWSER_ENV_VARS = ['CHROMIUM_PATH', 'CHROME_PATH', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH'];

const SYSTEM_PATHS = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome',
	'/usr/bin/google-chrome-stable',
	'/snap/bin/chromium',
	'/Applications/Chromium.app/Contents/MacOS/Chromium',
	'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
	'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export const BROWSER_INSTALL_HINT = [
	'No Chromium or Chrome was found. Install one, or point to it:',
	'  Debian/Ubuntu:  sudo apt-get install -y chromium',
	'  macOS:          brew install --cask chromium',
	`  any system:     set ${BROWSER_ENV_VARS[0]}=/path/to/chrome`,
].join('\n');

/**
 * Finds a Chromium to drive: an environment variable, then Playwright's own
 * install, then common system paths. Returns undefined when there is none.
 */
export async function findChromium(): Promise<{ path: string; source: string } | undefined> {
	for (const name of BROWSER_ENV_VARS) {
		const value = process.env[name];
		if (value && existsSync(value)) return { path: value, source: `$${name}` };
	}
	try {
		const { chromium } = await import('playwright-core');
		const path = chromium.executablePath();
		if (path && existsSync(path)) return { path, source: "Playwright's browser install" };
	} catch {
		// playwright-core knows no installed browser here; fall through to system paths.
	}
	for (const path of SYSTEM_PATHS) if (existsSync(path)) return { path, source: 'system' };
	return undefined;
}

/** Flags for a headless run that never reaches for the network on its own. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Launches headless Chromium with playwright-core, or throws with the install hint. */
export async function launchChromium() {
	const found = await findChromium();
	if (!found) throw new Error(BROWSER_INSTALL_HINT);
	const { chromium } = await import('playwright-core');
	return chromium.launch({ executablePath: found.path, headless: true, args: CHROMIUM_ARGS });
}
