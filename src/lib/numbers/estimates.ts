/**
 * Back-of-envelope arithmetic shared by case pages, calculators and tests, so
 * a number printed on a page and the number a test checks come from one place.
 */

export const SECONDS_PER_DAY = 86_400;

/** Average queries per second from daily users and requests per user per day. */
export function averageQps(dailyActiveUsers: number, requestsPerUserPerDay: number): number {
	return (dailyActiveUsers * requestsPerUserPerDay) / SECONDS_PER_DAY;
}

/** Peak queries per second: the average scaled by a peak-to-average factor. */
export function peakQps(dailyActiveUsers: number, requestsPerUserPerDay: number, peakFactor: number): number {
	return averageQps(dailyActiveUsers, requestsPerUserPerDay) * peakFactor;
}

/** Bytes to store `count` items of `bytesPerItem` each. */
export function storageBytes(count: number, bytesPerItem: number): number {
	return count * bytesPerItem;
}

/** Bytes for an embedding table: rows × dimensions × bytes per value (4 for float32). */
export function embeddingBytes(rows: number, dimensions: number, bytesPerValue = 4): number {
	return rows * dimensions * bytesPerValue;
}

export interface LatencyStage {
	name: string;
	ms: number;
}

/** Sum of stage latencies, how much of the budget is left, and whether it is exceeded. */
export function latencyBudget(totalMs: number, stages: LatencyStage[]): { usedMs: number; remainingMs: number; over: boolean } {
	const usedMs = stages.reduce((sum, s) => sum + s.ms, 0);
	return { usedMs, remainingMs: totalMs - usedMs, over: usedMs > totalMs };
}

/**
 * Undo negative downsampling: a model trained with negatives kept at rate `w`
 * predicts `p`; the calibrated probability is q = p / (p + (1 − p) / w)
 * (He et al., "Practical Lessons from Predicting Clicks on Ads at Facebook", 2014).
 */
export function recalibrateDownsampled(p: number, negativeSamplingRate: number): number {
	if (!(negativeSamplingRate > 0 && negativeSamplingRate <= 1)) throw new RangeError('sampling rate must be in (0, 1]');
	return p / (p + (1 - p) / negativeSamplingRate);
}

/** Expected cost per mille: bid per click × pCTR × 1000 impressions. */
export function ecpm(bidPerClick: number, pctr: number): number {
	return bidPerClick * pctr * 1000;
}

const SI = [
	{ value: 1e12, symbol: 'T' },
	{ value: 1e9, symbol: 'B' },
	{ value: 1e6, symbol: 'M' },
	{ value: 1e3, symbol: 'K' },
];

/** A count in words a reader scans: 1.2B, 450M, 12K, 950. */
export function formatCount(n: number, digits = 1): string {
	for (const { value, symbol } of SI) {
		if (Math.abs(n) >= value) return `${trim((n / value).toFixed(digits))}${symbol}`;
	}
	return trim(n.toFixed(n < 10 ? digits : 0));
}

/** Bytes in decimal units: 1.5 TB, 320 GB. */
export function formatBytes(bytes: number, digits = 1): string {
	const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'];
	let i = 0;
	let v = bytes;
	while (Math.abs(v) >= 1000 && i < units.length - 1) {
		v /= 1000;
		i++;
	}
	return `${trim(v.toFixed(i === 0 ? 0 : digits))} ${units[i]}`;
}

/** An integer with thousands separators: 115,741. */
export function formatInt(n: number): string {
	return Math.round(n).toLocaleString('en-US');
}

function trim(s: string): string {
	return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

export const DAYS_PER_YEAR = 365;

/**
 * Bytes for an HNSW index that keeps full vectors: d × bytesPerValue for the
 * vector plus 2M links of 4 bytes on the bottom layer, per vector (the figure
 * the Faiss wiki gives, "Guidelines to choose an index"; upper layers add ~1/ln M more links and are left out).
 */
export function hnswIndexBytes(vectors: number, dimensions: number, m: number, bytesPerValue = 4): number {
	return vectors * (dimensions * bytesPerValue + 2 * m * 4);
}

/**
 * Bytes for an IVF-PQ index: per vector, a PQ code of `subquantizers` bytes
 * (8 bits each) plus an 8-byte id in its inverted list; plus the coarse
 * centroids (nlist × d floats) and the PQ codebooks (256 × d floats).
 */
export function ivfPqIndexBytes(vectors: number, dimensions: number, nlist: number, subquantizers: number, idBytes = 8): number {
	return vectors * (subquantizers + idBytes) + nlist * dimensions * 4 + 256 * dimensions * 4;
}
