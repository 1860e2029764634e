/**
 * The size hint a generated case section (pitfalls, checklist, follow-ups, references) gives the
 * browser while it is skipped off screen: `--cv-chars` for src/styles/case-sections.css, the same
 * measure (and line length) src/plugins/rehype-case-sections.ts puts on the body's sections. A hint far too small
 * puts the next section on top of this one until it is drawn, which page audits report as
 * overlapping touch targets.
 */

/** Characters a line holds in a case's text column on a phone (`--cv-cpl` in src/styles/case-sections.css). */
export const PHONE_CHARS_PER_LINE = 40;

/** A block (paragraph, list item, heading) ends its last line early and carries margins: about one line more. */
export const CHARS_PER_BLOCK = PHONE_CHARS_PER_LINE;

/**
 * `--cv-chars` for a section whose first view shows these blocks of text (Markdown markup included: close enough for a
 * hint). A block drawn as a box (a closed <details> summary with padding and border) takes more room: pass it as perBlock.
 */
export function sectionChars(blocks: readonly string[], perBlock = CHARS_PER_BLOCK): number {
	return blocks.reduce((sum, text) => sum + text.replace(/\s+/g, ' ').trim().length + perBlock, 0);
}

/** The inline style carrying the hint. */
export function sectionSizeStyle(blocks: readonly string[], perBlock = CHARS_PER_BLOCK): string {
	return `--cv-chars: ${sectionChars(blocks, perBlock)}`;
}

/** A closed group of the design checklist: its summary is a bordered box about two lines tall. */
export const CHARS_PER_BOX = 2 * PHONE_CHARS_PER_LINE;
