/** Sizes shared by the sequence layout steps (render-seq.ts, seq-rows.ts). */
import type { Line, SequenceModel } from './model.ts';
import { FONT_SIZE, LINE_HEIGHT } from './svg.ts';
import { wrapLines } from './text-metrics.ts';

export const MARGIN = 10;

/** Wrap widths and spacing; the compact set is tried when the normal one is wider than the page column. */
export interface SeqSizes {
	msg: number;
	note: number;
	block: number;
	/** Participant name wrap width, box minimum width, and minimum distance between lifelines. */
	actorText: number;
	actorMin: number;
	gap: number;
}
export const SEQ_NORMAL: SeqSizes = { msg: 260, note: 180, block: 240, actorText: 180, actorMin: 90, gap: 110 };
export const SEQ_COMPACT: SeqSizes = { msg: 150, note: 130, block: 170, actorText: 96, actorMin: 64, gap: 84 };

export interface Measured {
	lines: Line[];
	w: number;
	h: number;
}

export function measure(lines: Line[], max: number): Measured {
	const m = wrapLines(lines.length ? lines : [[]], max, FONT_SIZE, LINE_HEIGHT);
	return { lines: m.lines, w: m.width, h: lines.length ? m.height : 0 };
}

/** Each item with its label measured at the width its kind allows. */
export type MeasuredItem = { item: SequenceModel['items'][number]; m: Measured };

/** Width of a block's kind tab (`loop`, `alt`, …). */
export function tabWidth(kind: string): number {
	return Math.max(44, kind.length * 8.5 + 18);
}
