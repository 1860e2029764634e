import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
	averageQps,
	peakQps,
	storageBytes,
	embeddingBytes,
	recalibrateDownsampled,
	ecpm,
	formatInt,
	formatCount,
	formatBytes,
} from '../../../src/lib/numbers/estimates.ts';
import { sampleSizePerArm, experimentDays } from '../../../src/lib/numbers/stats.ts';

const text = readFileSync(new URL('../../../case-studies/ads-ctr-prediction.mdx', import.meta.url), 'utf8');
const frontmatter = parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]);
const scale = frontmatter.scale as {
	dailyActiveUsers: number;
	requestsPerUserPerDay: number;
	peakFactor: number;
	corpusSize: number;
	latencyBudgetMs: number;
	itemsPerRequest: number;
};
const pipeline = frontmatter.pipeline as { id: string; lane: string; items?: number; latencyMs?: number }[];

// Shared assumptions stated in the case.
const dau = scale.dailyActiveUsers;
const perUser = scale.requestsPerUserPerDay;
const requestsPerDay = dau * perUser;
const impressionsPerDay = requestsPerDay * scale.itemsPerRequest;
const ctr = 0.01;
const w = 0.05;
const bytesPerImpression = 2_000;
const candidatesRanked = 100;
const peak = peakQps(dau, perUser, scale.peakFactor);

const clicks = impressionsPerDay * ctr;
const negatives = impressionsPerDay - clicks;
const keptNegatives = negatives * w;
const examples = clicks + keptNegatives;

const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;
const money = (x: number) => `$${x.toFixed(2)}`;

describe('ads-ctr-prediction: scale and pipeline', () => {
	it('uses the scale the brief asked for', () => {
		expect(scale).toMatchObject({
			dailyActiveUsers: 500_000_000,
			requestsPerUserPerDay: 40,
			peakFactor: 2,
			corpusSize: 10_000_000,
			latencyBudgetMs: 100,
			itemsPerRequest: 1,
		});
	});

	it('keeps online stage latencies within the budget and the latency table at the budget', () => {
		const online = pipeline.filter((s) => s.lane === 'online');
		const used = online.reduce((sum, s) => sum + (s.latencyMs ?? 0), 0);
		expect(used).toBe(90);
		expect(used).toBeLessThanOrEqual(scale.latencyBudgetMs);
		// The table adds 10 ms of network and headroom to reach the 100 ms budget.
		expect(used + 10).toBe(scale.latencyBudgetMs);
		expect(text).toContain(`| **Total** | | **${scale.latencyBudgetMs}** |`);
		for (const s of online) expect(text).toContain(`| ${formatInt(s.items!)} | ${s.latencyMs} |`);
	});

	it('states the funnel counts that the pipeline declares', () => {
		const items = Object.fromEntries(pipeline.filter((s) => s.lane === 'online').map((s) => [s.id, s.items]));
		expect(items).toEqual({ 'ad-retrieval': 1000, eligibility: 600, 'pre-ranking': 100, 'feature-hydration': 100, ranking: 100, auction: 1 });
		expect(items.ranking).toBe(candidatesRanked);
		expect(text).toContain('Ad retrieval: 1,000');
		expect(text).toContain('Eligibility + pacing: 600');
		expect(text).toContain('Pre-ranking: 100');
	});
});

describe('ads-ctr-prediction: traffic and training data', () => {
	it('computes average and peak QPS from the frontmatter scale', () => {
		expect(text).toContain(`${formatInt(averageQps(dau, perUser))} QPS`);
		expect(text).toContain(`${formatInt(peak)} QPS`);
		expect(formatInt(averageQps(dau, perUser))).toBe('231,481');
		expect(formatInt(peak)).toBe('462,963');
	});

	it('counts requests, impressions and candidates scored per second', () => {
		expect(text).toContain(`${formatInt(requestsPerDay)}`);
		expect(text).toContain(`(${formatCount(impressionsPerDay)})`);
		expect(text).toContain(`${formatCount(peak * candidatesRanked)} candidate ads per second`);
	});

	it('derives clicks, kept negatives and training examples per day', () => {
		expect(text).toContain(`${formatInt(clicks)}`);
		expect(text).toContain(`${formatInt(negatives)}`);
		expect(text).toContain(`${formatInt(keptNegatives)}`);
		expect(text).toContain(`= ${formatInt(examples)} per day`);
		expect(formatInt(examples)).toBe('1,190,000,000');
		expect(text).toContain(`about ${Math.round(impressionsPerDay / examples)}-fold`);
		expect(text).toContain(`${formatInt(examples / (4 * 3600))} examples/s`);
	});

	it('sizes the logs and the training partitions', () => {
		expect(text).toContain(`= ${formatBytes(storageBytes(impressionsPerDay, bytesPerImpression))} per day`);
		expect(text).toContain(`= ${formatBytes(storageBytes(impressionsPerDay * 30, bytesPerImpression))}`);
		expect(text).toContain(`= ${formatBytes(storageBytes(examples, bytesPerImpression))} per day`);
		expect(text).toContain(`≈ ${formatBytes(storageBytes(examples * 90, bytesPerImpression))}`);
		expect(formatBytes(storageBytes(impressionsPerDay * 30, bytesPerImpression))).toBe('1.2 PB');
	});

	it('sizes the streaming joiner buffer', () => {
		const buffered = peak * 15 * 60;
		expect(text).toContain(`${formatInt(buffered)} buffered impressions`);
		expect(text).toContain(`${formatBytes(storageBytes(buffered, bytesPerImpression))} of memory`);
		expect(text).toContain(`needs ${formatBytes(storageBytes(buffered, 100))}`);
	});
});

describe('ads-ctr-prediction: embeddings, hashing and model size', () => {
	const buckets = 2 ** 24;
	const dims = 32;
	const userRows = 1_000_000_000;
	const adRows = scale.corpusSize;
	const hashedFields = 46;
	const rows = userRows + adRows + hashedFields * buckets;

	it('sizes the embedding tables', () => {
		expect(text).toContain(formatInt(buckets));
		expect(text).toContain(`= ${formatBytes(embeddingBytes(userRows, dims))}`);
		expect(text).toContain(`= ${formatBytes(embeddingBytes(adRows, dims))}`);
		expect(text).toContain(`= ${formatBytes(embeddingBytes(buckets, dims))}`);
		expect(text).toContain(`= ${formatBytes(embeddingBytes(hashedFields * buckets, dims))}`);
		expect(text).toContain(formatInt(rows));
		expect(text).toContain(`= ${formatBytes(embeddingBytes(rows, dims))}`);
		expect(text).toContain(`= ${formatBytes(embeddingBytes(rows, dims, 2))} for serving`);
		expect(text).toContain(`= ${formatBytes(2 * embeddingBytes(rows, dims))}`);
		expect(text).toContain(`${formatBytes(embeddingBytes(userRows, dims) + embeddingBytes(adRows, dims))} for user and ad IDs`);
		expect(text).toContain(`about ${Math.round((rows * dims) / 1e9)} billion parameters`);
		expect(text).toContain(`is ${formatBytes(storageBytes(adRows, 1_000))}, small enough`);
	});

	it('computes hash collision rates for 2^24 buckets', () => {
		const collide = (n: number, m: number) => 1 - Math.exp(-n / m);
		expect(text).toContain(`e^(−${(adRows / buckets).toFixed(3)})`);
		expect(text).toContain(`≈ ${pct(collide(adRows, buckets))} of ads collide`);
		expect(text).toContain(`rate is ${pct(collide(adRows, 2 ** 26))}`);
		const crossValues = 200 * 5_000;
		expect(text).toContain(formatInt(crossValues));
		expect(text).toContain(`e^(−${(crossValues / buckets).toFixed(4)})`);
		expect(text).toContain(`≈ ${pct(collide(crossValues, buckets))} of values collide`);
		expect(text).toContain(`about ${formatInt((crossValues * (crossValues - 1)) / (2 * buckets))} colliding pairs`);
		expect(text).toContain(`about ${pct(collide(adRows, buckets))} of ads would share`);
		expect(text).toContain(`${pct(collide(crossValues, buckets))} collision rate`);
	});

	it('counts the DCN-V2 dense parameters and FLOPs', () => {
		const input = 48 * dims + 128;
		expect(text).toContain(`x0 of ${formatInt(input)} values`);
		const rank = 256;
		const crossLayer = input * rank + rank * input + input;
		const cross = 3 * crossLayer;
		const deep = input * 1024 + 1024 + 1024 * 512 + 512 + 512 * 256 + 256;
		const headIn = input + 256;
		const heads = 3 * (headIn + 1);
		const total = cross + deep + heads;
		expect(text).toContain(`| ${formatInt(cross)} |`);
		expect(text).toContain(`| ${formatInt(deep)} |`);
		expect(text).toContain(`| ${formatInt(heads)} |`);
		expect(text).toContain(`on the ${formatInt(headIn)}-wide concatenation`);
		expect(text).toContain(`**${formatInt(total)}**`);
		expect(text).toContain(`has ${formatInt(total)} parameters`);
		expect(text).toContain(`costs only ${formatInt(headIn + 1)} parameters`);
		const flops = 2 * total;
		expect(text).toContain(`≈ ${(flops / 1e6).toFixed(1)} MFLOPs per candidate`);
		expect(text).toContain(`about ${((peak * candidatesRanked * flops) / 1e12).toFixed(0)} TFLOP/s`);
		const fullRank = input * input + input;
		expect(text).toContain(`about ${Math.round((100 * crossLayer) / fullRank)}% of the full-rank cost`);
	});
});

describe('ads-ctr-prediction: auction, NE and recalibration', () => {
	it('works the eCPM and second-price example', () => {
		const a = ecpm(2.0, 0.01);
		const b = ecpm(0.8, 0.02);
		const c = ecpm(5.0, 0.003);
		expect(text).toContain(`| A | $2.00 | 1.0% | 1.0% | ${money(a)} |`);
		expect(text).toContain(`| B | $0.80 | 2.0% | 2.0% | ${money(b)} |`);
		expect(text).toContain(`| C | $5.00 | 0.3% | 0.3% | ${money(c)} |`);
		const priceA = b / (0.01 * 1000);
		expect(text).toContain(`= ${money(priceA)} per click`);
		// Revenue per thousand impressions equals the runner-up's eCPM.
		expect(money(priceA * 0.01 * 1000)).toBe(money(b));

		const cInflated = ecpm(5.0, 0.006);
		expect(text).toContain(`its eCPM ${money(cInflated)}`);
		const priceC = a / (0.006 * 1000);
		expect(text).toContain(`= ${money(priceC)} per click`);
		const revenueC = priceC * 0.003 * 1000;
		expect(text).toContain(`3 × $${priceC.toFixed(3)} = ${money(revenueC)} of revenue instead of ${money(b)}`);
		expect(text).toContain(`a ${pct(1 - (priceC * 0.003 * 1000) / b)} loss`);
		expect(text).toContain(`its eCPM falls to ${money(ecpm(2.0, 0.005))}`);
	});

	it('works the normalized entropy example', () => {
		const p = 0.01;
		const h = -(p * Math.log(p) + (1 - p) * Math.log(1 - p));
		expect(text).toContain(`= ${h.toFixed(4)} nats per impression`);
		expect(text).toContain(`−ln 0.05 = ${(-Math.log(0.05)).toFixed(3)} nats`);
		expect(text).toContain(`−ln 0.95 = ${(-Math.log(0.95)).toFixed(4)} nats`);
		expect(text).toContain(`NE = 0.0504 ÷ ${h.toFixed(4)} = ${(0.0504 / h).toFixed(3)}`);
		const twice = -(p * Math.log(0.02) + (1 - p) * Math.log(0.98));
		expect(text).toContain(`= ${twice.toFixed(4)} nats, so NE = ${(twice / h).toFixed(3)}`);
		expect(text).toContain(`costs ${pct(twice / h - 1)} of NE`);
		expect(text).toContain(`has ratio ${(10_800 / 10_000).toFixed(2)}`);
	});

	it('recalibrates downsampled predictions with q = p / (p + (1 − p) / w)', () => {
		expect(text).toContain('q = p / (p + (1 − p) / w)');
		const downsampledCtr = ctr / (ctr + (1 - ctr) * w);
		expect(text).toContain(`= ${pct(downsampledCtr)} in the training data`);
		expect(text).toContain(`near ${pct(downsampledCtr)} for a`);
		const q20 = recalibrateDownsampled(0.2, w);
		const q05 = recalibrateDownsampled(0.05, w);
		expect(text).toContain(`= 0.20 ÷ ${(0.2 + 0.8 / w).toFixed(1)} = ${pct(q20, 2)}`);
		expect(text).toContain(`= 0.05 ÷ ${(0.05 + 0.95 / w).toFixed(2)} = ${pct(q05, 2)}`);
		expect(text).toContain(`about ${Math.round(0.2 / q20)}-fold`);
		// Recalibrating the downsampled base rate returns the true CTR.
		expect(recalibrateDownsampled(downsampledCtr, w)).toBeCloseTo(ctr, 12);
	});
});

describe('ads-ctr-prediction: experiment, capacity and pacing', () => {
	it('computes the A/B sample size with a design effect and the duration', () => {
		const n = sampleSizePerArm({ baseline: ctr, absoluteEffect: 0.00005, alpha: 0.05, power: 0.8 });
		expect(text).toContain(`= ${formatInt(n)} impressions per arm`);
		const m = perUser * 14;
		expect(text).toContain(`m = ${perUser} × 14 = ${m}`);
		const rho = 0.01;
		const deff = 1 + (m - 1) * rho;
		expect(text).toContain(`DEFF = 1 + ${m - 1} × 0.01 = ${deff.toFixed(2)}`);
		const needed = Math.ceil(n * deff);
		expect(text).toContain(`≈ ${formatInt(needed)} impressions per arm`);
		expect(text).toContain(`about ${formatInt(Math.ceil(needed / m))} users per arm`);
		const share = 0.01;
		expect(text).toContain(`(${formatInt(dau * share)} users, ${formatInt(impressionsPerDay * share)} impressions per arm per day)`);
		const days = experimentDays(needed, impressionsPerDay, 2, 2 * share);
		expect(text).toContain(`power is reached in ${days} days`);
	});

	it('sizes the ranking fleet and its cost', () => {
		const perHost = 4_000;
		const utilisation = 0.7;
		const raw = peak / (perHost * utilisation);
		const hosts = Math.ceil(raw);
		expect(text).toContain(`≈ ${raw.toFixed(1)} → ${hosts} hosts`);
		const perDay = hosts * 3 * 24;
		expect(text).toContain(`= $${formatInt(perDay)}`);
		expect(text).toContain(`≈ $${(perDay / (requestsPerDay / 1000)).toFixed(4)}`);
	});

	it('works the pacing example', () => {
		const planned = 1_000 * 0.62;
		expect(text).toContain(`planned spend is $${formatInt(planned)}`);
		expect(text).toContain(`${(800 / planned).toFixed(2)}× the plan`);
	});
});
