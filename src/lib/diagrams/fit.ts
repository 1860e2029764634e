/**
 * How wide a diagram may be drawn. A case page's text column is about 632 px at 1280 px (Starlight
 * keeps the right-hand contents beside it); a diagram scales down to the column, and its 14 px
 * text must not fall below 11 px on screen, so it may be at most 632 × 14 / 11 ≈ 804 px wide.
 * On paper (A4, 180 mm ≈ 680 px between margins) that width prints text at about 9 pt.
 * Renderers try the authored layout first, then more compact ones, and report when none fits.
 */
import { FONT_SIZE } from './svg.ts';

/** The case column at a 1280 px window. */
export const COLUMN_PX = 632;
/** Smallest on-screen diagram text at that width. */
export const MIN_TEXT_PX = 11;
/** Widest natural diagram width that keeps text at MIN_TEXT_PX in the column. */
export const FIT_WIDTH = Math.floor((COLUMN_PX * FONT_SIZE) / MIN_TEXT_PX);

/** Text size (px) a diagram of this natural width shows at in the column. */
export function textPxInColumn(width: number): number {
	return FONT_SIZE * Math.min(1, COLUMN_PX / width);
}

/** The author-facing warning for a diagram that stays too wide however it is laid out. */
export function tooWideWarning(kind: 'flowchart' | 'sequence', width: number): { message: string; fix: string } {
	const px = textPxInColumn(width).toFixed(1);
	const advice =
		kind === 'flowchart'
			? 'Write `flowchart TB`, keep labels to about 24 characters, put at most 4 nodes side by side, or split it into two diagrams.'
			: 'Use at most 5 participants, shorten names and messages (about 24 characters), or split it into two diagrams.';
	const what = kind === 'flowchart' ? 'flowchart' : 'sequence diagram';
	return {
		message: `this ${what} is ${Math.round(width).toLocaleString('en-US')} px wide even laid out compactly, so its text shrinks to ${px} px in the page column (at most ${FIT_WIDTH} px keeps it at ${MIN_TEXT_PX} px)`,
		fix: advice,
	};
}
