import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/lib/tooling/browser.ts', async (original) => ({
	...(await original<typeof import('../../../src/lib/tooling/browser.ts')>()),
	findChromium: async () => undefined,
	launchChromium: async () => {
		throw new Error('must not launch');
	},
}));

const { BROWSER_INSTALL_HINT } = await import('../../../src/lib/tooling/browser.ts');
const { generatePdfs } = await import('../../../src/lib/pdf/generate.ts');
const { PdfError } = await import('../../../src/lib/pdf/errors.ts');

describe('npm run pdf without a browser', () => {
	it('stops before building anything, with the install hint as a plain message', async () => {
		const log = vi.fn();
		const run = generatePdfs({ root: '/nonexistent', dist: 'dist', out: 'dist/pdf', format: 'a4', base: '/', build: 'always' }, log);
		await expect(run).rejects.toThrow(PdfError);
		await expect(run).rejects.toThrow(BROWSER_INSTALL_HINT);
		expect(log).not.toHaveBeenCalled();
	});
});
