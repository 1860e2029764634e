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

/**
 * Sum of stage latencies, how much of the budget is left, and whether it is exceeded. Adding is
 * right for stages that run one after another; stages that run in parallel cost the slowest of
 * them, so pass that one. Per-stage p99s do not add up to the end-to-end p99 (the sum is an upper
 * bound that is usually loose, and a fan-out to many shards raises each stage's tail), so treat the
 * result as a budget to check against a measured end-to-end p99, not as a prediction of it.
 */
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
	{ value: 1, symbol: '' },
	{ value: 1e3, symbol: 'K' },
	{ value: 1e6, symbol: 'M' },
	{ value: 1e9, symbol: 'B' },
	{ value: 1e12, symbol: 'T' },
];

/**
 * A count in words a reader scans: 1.2B, 450M, 12K, 950. The unit is chosen after rounding, so
 * 999,950 is "1M", not "1000K".
 */
export function formatCount(n: number, digits = 1): string {
	for (let i = 0; i < SI.length; i++) {
		const { value, symbol } = SI[i];
		const shown = (n / value).toFixed(i === 0 && n >= 10 ? 0 : digits);
		if (Math.abs(Number(shown)) < 1000 || i === SI.length - 1) return `${trim(shown)}${symbol}`;
	}
	return String(n);
}

/** One kilobyte as every file and transfer size in the project counts it: 1,000 bytes (decimal, SI), not 1,024. */
export const KB = 1000;

/**
 * The project's one byte formatter: every size of a file, a page or a transfer that the site, the
 * checks, the tests and the benchmarks print goes through it (memory in the benchmarks stays in
 * MiB, as /proc and V8 report it). Decimal units (1 KB = 1,000 bytes, 1 MB = 10⁶ bytes), as
 * storage and network capacities are quoted: 1.5 TB, 320 GB, 12.3 KB. The unit is chosen after
 * rounding, so 999,950 bytes is "1 MB"; trailing zeros are dropped ("12 KB", not "12.0 KB").
 */
export function formatBytes(bytes: number, digits = 1): string {
	const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'];
	for (let i = 0; i < units.length; i++) {
		const shown = (bytes / KB ** i).toFixed(i === 0 ? 0 : digits);
		if (Math.abs(Number(shown)) < 1000 || i === units.length - 1) return `${trim(shown)} ${units[i]}`;
	}
	return `${bytes} B`;
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
 * the Faiss wiki gives, "Guidelines to choose an index"). Left out: the upper
 * layers, where a vector reaches level l with probability M^−l and has M links
 * there, about M/(M − 1) ≈ 1 link per vector in all (1/(2(M − 1)) of the bottom
 * layer, 1.6 % at M = 32), and about a dozen bytes per vector of level and offset
 * bookkeeping in Faiss.
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
