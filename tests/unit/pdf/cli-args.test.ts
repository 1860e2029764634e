import { describe, expect, it } from 'vitest';
import { parsePdfArgs } from '../../../src/lib/pdf/cli-args.ts';

describe('parsePdfArgs', () => {
	it('defaults to A4 from dist/ into dist/pdf/, building only when needed', () => {
		expect(parsePdfArgs([], {})).toEqual({ dist: 'dist', out: 'dist/pdf', format: 'a4', base: '/', build: 'auto' });
	});

	it('takes US Letter, a forced rebuild, other folders and the base path', () => {
		expect(parsePdfArgs(['--format', 'letter', '--rebuild', '--dist', 'site/', '--out', '/tmp/pdfs'], { BASE_PATH: '/mlsd/' })).toEqual({
			dist: 'site/',
			out: '/tmp/pdfs',
			format: 'letter',
			base: '/mlsd/',
			build: 'always',
		});
		expect(parsePdfArgs(['--no-build'], { MLSD_DIST: '.tmp/dist' })).toMatchObject({ dist: '.tmp/dist', out: '.tmp/dist/pdf', build: 'never' });
	});

	it('explains a wrong option instead of guessing', () => {
		expect(() => parsePdfArgs(['--format', 'a3'])).toThrow('Unknown paper format "a3"; expected one of: a4, letter (for example `--format letter`).');
		expect(() => parsePdfArgs(['--landscape'])).toThrow(/Unknown option '--landscape'[\s\S]*Usage: npm run pdf/);
		expect(() => parsePdfArgs(['--rebuild', '--no-build'])).toThrow('--rebuild and --no-build contradict each other');
	});

	it('answers --help', () => {
		expect(parsePdfArgs(['-h'])).toBe('help');
	});
});
