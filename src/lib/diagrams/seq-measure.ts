/** Sizes shared by the sequence layout steps (render-seq.ts, seq-rows.ts). */
import type { Line, SequenceModel } from './model.ts';
import { FONT_SIZE, LINE_HEIGHT } from './svg.ts';
import { wrapLines } from './text-metrics.ts';

export const MSG_MAX = 260;
export const NOTE_MAX = 180;
export const BLOCK_LABEL_MAX = 240;
export const MARGIN = 10;

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
