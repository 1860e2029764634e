/**
 * Preflight for every npm entry point: stops with one line when this Node is older than the
 * project needs. Plain JavaScript (no TypeScript, no modern syntax) so it runs on any old Node,
 * including Node 20, which cannot even load the project's .ts scripts.
 * The range is package.json's `engines.node` (the floor jsdom declares: ^22.22.2 || ^24.15.0 || >=26).
 */
import { readFileSync } from 'node:fs';

const range = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node;

/** Parses "22.22.2" (or "v22.22.2") into three numbers. */
function parse(version) {
	var parts = String(version).replace(/^v/, '').split('.').map(Number);
	return [parts[0] || 0, parts[1] || 0, parts[2] || 0];
}

function compare(a, b) {
	for (var i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
	return 0;
}

/** Whether `version` satisfies `range`, written as `^x.y.z` and `>=x.y.z` alternatives joined by `||`. */
export function satisfies(version, range) {
	var v = parse(version);
	return range.split('||').some(function (alt) {
		var m = /^\s*(\^|>=)\s*(\d+(?:\.\d+){0,2})\s*$/.exec(alt);
		if (!m) throw new Error('scripts/require-node.mjs cannot read the engines range "' + alt.trim() + '"');
		var min = parse(m[2]);
		if (compare(v, min) < 0) return false;
		return m[1] === '>=' || v[0] === min[0];
	});
}

export const FIX = 'nvm install 24, or without nvm: npm install --prefix ~/.cache/mlsd-node24 node@24 && export PATH=~/.cache/mlsd-node24/node_modules/.bin:$PATH';

/** The one line to print when `version` is too old for `range`, or null when it will do. */
export function nodeProblem(version, range) {
	if (satisfies(version, range)) return null;
	return 'MLSD Workbook needs Node ' + range + ' but this is Node ' + version + '. Fix: ' + FIX + ' (then npm install again).';
}

var problem = nodeProblem(process.versions.node, range);
if (problem) {
	console.error(problem);
	process.exit(1);
}
