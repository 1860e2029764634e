import { describe, expect, it } from 'vitest';
import { namespaceOf, siteStorage } from '../../src/lib/learning/site-storage.ts';
import { MemoryStorage } from './practice/helpers.ts';

describe('site storage', () => {
	it('namespaces keys by the base path, so two sites on one origin never share data', () => {
		const raw = new MemoryStorage();
		const a = siteStorage(raw, '/a/');
		const b = siteStorage(raw, '/b');
		a.setItem('mlsd:roadmap:v1', 'A');
		b.setItem('mlsd:roadmap:v1', 'B');
		expect(raw.keys()).toEqual(['/a/mlsd:roadmap:v1', '/b/mlsd:roadmap:v1']);
		expect(a.getItem('mlsd:roadmap:v1')).toBe('A');
		expect(b.getItem('mlsd:roadmap:v1')).toBe('B');
		expect(a.keyFor('x')).toBe('/a/x');
		expect(namespaceOf('/')).toBe('/');
		expect(namespaceOf('')).toBe('/');
	});

	it('copies data stored before namespacing on first read and keeps the original for other sites', () => {
		const raw = new MemoryStorage();
		raw.setItem('mlsd:checklist:v1:tiktok-feed', '["a"]');
		const site = siteStorage(raw, '/');
		expect(site.getItem('mlsd:checklist:v1:tiktok-feed')).toBe('["a"]');
		expect(raw.getItem('/mlsd:checklist:v1:tiktok-feed')).toBe('["a"]');
		expect(raw.getItem('mlsd:checklist:v1:tiktok-feed')).toBe('["a"]');
		// From then on this site's own copy is read, and changed.
		site.setItem('mlsd:checklist:v1:tiktok-feed', '[]');
		expect(site.getItem('mlsd:checklist:v1:tiktok-feed')).toBe('[]');
		expect(raw.getItem('mlsd:checklist:v1:tiktok-feed')).toBe('["a"]');
	});

	it('still reads old data when there is no room to copy it', () => {
		const raw = new MemoryStorage();
		raw.setItem('mlsd:roadmap:v1', 'ticks');
		raw.quotaBytes = 'mlsd:roadmap:v1ticks'.length;
		expect(siteStorage(raw, '/x/').getItem('mlsd:roadmap:v1')).toBe('ticks');
		expect(raw.keys()).toEqual(['mlsd:roadmap:v1']);
	});

	it('removes only its own copy', () => {
		const raw = new MemoryStorage();
		raw.setItem('/x/k', '1');
		raw.setItem('/y/k', '2');
		siteStorage(raw, '/x/').removeItem('k');
		expect(raw.keys()).toEqual(['/y/k']);
	});
});
