import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/lib/content/framework.ts';

describe('contributor docs stay in step with the framework', () => {
	it('CONTRIBUTING.md walks through every framework section, in order', () => {
		const text = readFileSync('CONTRIBUTING.md', 'utf8');
		const positions = loadFramework().sections.map((s) => text.indexOf(`**${s.title}**`));
		for (const [i, s] of loadFramework().sections.entries()) expect(positions[i], s.title).toBeGreaterThan(-1);
		expect([...positions].sort((a, b) => a - b)).toEqual(positions);
	});

	it('README shows the two commands on its first screen', () => {
		const firstScreen = readFileSync('README.md', 'utf8').split('\n').slice(0, 20).join('\n');
		expect(firstScreen).toContain('npm install');
		expect(firstScreen).toContain('npm run dev');
		expect(firstScreen).toContain('npm test');
	});
});
