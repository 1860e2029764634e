import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_STAMP, staleReason } from '../../../src/lib/pdf/site-build.ts';

function project() {
	const root = mkdtempSync(join(tmpdir(), 'mlsd-stale-'));
	mkdirSync(join(root, 'case-studies'));
	writeFileSync(join(root, 'case-studies/feed.mdx'), '---\n---\n');
	return root;
}
function build(root: string, at: Date) {
	const stamp = join(root, 'dist', BUILD_STAMP);
	mkdirSync(join(stamp, '..'), { recursive: true });
	writeFileSync(stamp, '<html></html>');
	utimesSync(stamp, at, at);
}

describe('staleReason', () => {
	it('asks for a build when there is no dist/ or it predates the print layouts', () => {
		const root = project();
		expect(staleReason(join(root, 'dist'), root)).toBe('nothing built there yet');
		mkdirSync(join(root, 'dist'));
		expect(staleReason(join(root, 'dist'), root)).toBe('built before the print layouts existed');
	});

	it('reuses a build newer than every source, and not one older than a source', () => {
		const root = project();
		const source = join(root, 'case-studies/feed.mdx');
		utimesSync(source, new Date('2026-01-01'), new Date('2026-01-01'));
		build(root, new Date('2026-01-02'));
		expect(staleReason(join(root, 'dist'), root)).toBeUndefined();
		utimesSync(source, new Date('2026-01-03'), new Date('2026-01-03'));
		expect(staleReason(join(root, 'dist'), root)).toBe('sources changed since the last build');
	});
});
