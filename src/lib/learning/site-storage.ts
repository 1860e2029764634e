/**
 * Browser storage for one copy of the site. GitHub Pages project sites share an
 * origin (`user.github.io/a/` and `user.github.io/b/`), and so share
 * localStorage: every key is prefixed with the site's base path so two
 * workbooks on one origin never read each other's data.
 *
 * Data stored before keys were namespaced is copied, not moved, on first read:
 * on a shared origin we cannot tell which copy of the site wrote it, so each
 * copy takes its own and nothing is lost.
 */
import type { StorageLike } from './practice/storage.ts';

export interface SiteStorage extends StorageLike {
	/** The key actually used in the browser's storage (for `storage` events). */
	keyFor(key: string): string;
}

/** The base path as a key prefix: always starts and ends with "/" (`/`, `/mlsd-workbook/`). */
export function namespaceOf(base: string): string {
	const path = `/${base}/`.replace(/\/{2,}/g, '/');
	return path;
}

export function siteStorage(storage: StorageLike, base: string): SiteStorage {
	const ns = namespaceOf(base);
	const keyFor = (key: string) => `${ns}${key}`;
	return {
		keyFor,
		getItem(key) {
			const value = storage.getItem(keyFor(key));
			if (value !== null) return value;
			const legacy = storage.getItem(key);
			if (legacy === null) return null;
			try {
				storage.setItem(keyFor(key), legacy);
			} catch {
				// No room for the copy: the data is still read from where it was.
			}
			return legacy;
		},
		setItem(key, value) {
			storage.setItem(keyFor(key), value);
		},
		removeItem(key) {
			storage.removeItem(keyFor(key));
		},
	};
}

/** This site's localStorage, or null when the browser blocks it (private modes, policies). */
export function openSiteStorage(base: string): SiteStorage | null {
	try {
		return siteStorage(window.localStorage, base);
	} catch {
		return null;
	}
}
