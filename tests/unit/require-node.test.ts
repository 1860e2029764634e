import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// Plain .mjs on purpose: it must run on Node 20, which cannot load TypeScript.
import { nodeProblem, satisfies } from '../../scripts/require-node.mjs';

const range: string = JSON.parse(readFileSync('package.json', 'utf8')).engines.node;

/** A Node older than the floor on this machine (Debian's Node 20 beside our Node 24), if there is one. */
const oldNode = ['/usr/bin/node', '/usr/local/bin/node', '/bin/node'].find((p) => existsSync(p) && !satisfies(spawnSync(p, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim(), range));

describe('the Node preflight (scripts/require-node.mjs)', () => {
	it.each([
		['20.20.2', false],
		['22.12.0', false],
		['22.22.1', false],
		['22.22.2', true],
		['23.11.0', false],
		['24.14.9', false],
		['24.15.0', true],
		['24.21.0', true],
		['25.0.0', false],
		['26.0.0', true],
	])('Node %s satisfies the engines range: %s', (version, ok) => {
		expect(satisfies(version, range)).toBe(ok);
	});

	it('says what is needed, what was found and the exact fix, in one line', () => {
		expect(nodeProblem('20.20.2', range)).toMatchInlineSnapshot(`"MLSD Workbook needs Node ^22.22.2 || ^24.15.0 || >=26.0.0 but this is Node 20.20.2. Fix: nvm install 24, or without nvm: npm install --prefix ~/.cache/mlsd-node24 node@24 && export PATH=~/.cache/mlsd-node24/node_modules/.bin:$PATH (then npm install again)."`);
		expect(nodeProblem('24.21.0', range)).toBeNull();
	});

	it('every npm script runs the preflight first', () => {
		const scripts: Record<string, string> = JSON.parse(readFileSync('package.json', 'utf8')).scripts;
		for (const [name, command] of Object.entries(scripts)) expect(command, name).toMatch(/^node scripts\/require-node\.mjs && /);
	});

	it.runIf(oldNode)('on the machine’s old Node, `npm run check` stops with that one line, not a stack trace', () => {
		const env = { ...process.env, PATH: `${oldNode!.replace(/\/node$/, '')}:/usr/bin:/bin` };
		const r = spawnSync('npm', ['run', '--silent', 'check', '--', '--no-types'], { env, encoding: 'utf8' });
		expect(r.status).toBe(1);
		expect(r.stderr.trim().split('\n')[0]).toMatch(/^MLSD Workbook needs Node .* but this is Node 20\.\d+\.\d+\. Fix: nvm install 24/);
		expect(r.stderr).not.toContain('ERR_UNKNOWN_FILE_EXTENSION');
	});
});
