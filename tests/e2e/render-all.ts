import type { Page } from 'playwright-core';

/** What a case page lets the browser skip while off screen (src/styles/case-sections.css). */
export const SKIPPED_OFF_SCREEN = '.case-section, .case-pitfalls, .design-checklist, .follow-ups, .references';

/**
 * Draws every section of a case page before axe runs: axe's colour-contrast rule
 * finds an element's background by hit-testing, and a section the browser skips
 * (content-visibility: auto) answers no hit test, so axe would judge text there
 * against the page background instead of the one a reader who scrolls there sees.
 * No rule and no element is excluded.
 */
export async function renderAllSections(page: Page): Promise<void> {
	// Set through the CSSOM, which the site's Content-Security-Policy allows (an injected <style> it refuses).
	await page.evaluate((selector) => {
		for (const el of document.querySelectorAll<HTMLElement>(selector)) el.style.setProperty('content-visibility', 'visible', 'important');
	}, SKIPPED_OFF_SCREEN);
}
