import { describe, it, expect } from 'vitest';
import {
	averageQps,
	peakQps,
	embeddingBytes,
	storageBytes,
	latencyBudget,
	recalibrateDownsampled,
	hnswIndexBytes,
	ivfPqIndexBytes,
	formatInt,
	formatCount,
	formatBytes,
	SECONDS_PER_DAY,
} from '../../../src/lib/numbers/estimates.ts';
import { sampleSizePerArm, experimentDaysUnique, uniqueUsersAfterDays, normalQuantile } from '../../../src/lib/numbers/stats.ts';
import { collapse, keyPointShapeProblems, onlineStages, readCase } from './helpers.ts';

// `text` is the page with white-space runs collapsed: prose wraps at about 100 columns.
const { flat: text, fm, body } = readCase('tiktok-feed');
const { dailyActiveUsers: dau, requestsPerUserPerDay: rpu, peakFactor, latencyBudgetMs, itemsPerRequest } = fm.scale;
const online = onlineStages(fm);
const stage = (id: string) => online.find((s) => s.id === id)!;

// Assumptions stated in the text.
const uploadsPerDay = 30_000_000;
const firstPoolImpressions = 200;
const randomSliceShare = 0.0005;
const mergedCandidates = 3000;
// Per-impression log: a 4 KB request part (user, context, both sequences) shared by 8 impressions,
// plus a 0.5 KB impression part; a flat log would repeat 300 slots × 8 B + 200 events × 13 B.
const requestPartBytes = 4000;
const impressionPartBytes = 500;
const flatBytesPerImpression = 300 * 8 + 200 * 13;
const bytesPerLoggedImpression = requestPartBytes / 8 + impressionPartBytes;
const positiveForSomeHead = 0.4;
const exemptShare = 0.1;
const nothingKeepRate = 0.25;
const attributionWindowS = 1800;
const retentionDays = 30;
const monthlyUsers = 1.5e9;

const requestsPerDay = dau * rpu;
const impressionsPerDay = requestsPerDay * itemsPerRequest;
const impressionsPerSecond = impressionsPerDay / SECONDS_PER_DAY;
const peak = peakQps(dau, rpu, peakFactor);

describe('tiktok-feed: traffic', () => {
	it('states average and peak QPS from the frontmatter scale', () => {
		expect(text).toContain(`≈ ${formatInt(averageQps(dau, rpu))} QPS average`);
		expect(text).toContain(`≈ ${formatInt(peak)} QPS peak`);
	});

	it('states requests and impressions per day and per second', () => {
		expect(text).toContain(`= ${formatCount(requestsPerDay)} requests a day`);
		expect(text).toContain(`= ${formatCount(impressionsPerDay)} impressions a day`);
		expect(text).toContain(`≈ ${formatInt(impressionsPerSecond)} impression events per second, ${formatInt(impressionsPerSecond * peakFactor)} at peak`);
		expect(text).toContain(`80 videos × 15 s ≈ ${(rpu * itemsPerRequest * 15) / 60} minutes of watching per user per day`);
		// Rounded forms used in the key points.
		expect(text).toContain(`~${(averageQps(dau, rpu) / 1000).toFixed(1)}K QPS, ~${Math.floor(peak / 1000)}K at peak`);
	});
});

describe('tiktok-feed: uploads and traffic pools', () => {
	it('states uploads per second', () => {
		expect(text).toContain(`≈ ${formatInt(uploadsPerDay / SECONDS_PER_DAY)} new videos per second`);
	});

	it('sizes the three pool stages against the exploration slot', () => {
		const pool1 = uploadsPerDay * firstPoolImpressions;
		const pool2 = uploadsPerDay * 0.1 * 2000;
		const pool3 = uploadsPerDay * 0.01 * 20_000;
		expect(text).toContain(`30M videos × 200 impressions = ${formatCount(pool1)} impressions a day = ${((pool1 / impressionsPerDay) * 100).toFixed(1)}% of 80B`);
		expect(text).toContain(`3M videos × 2,000 = ${formatCount(pool2)}`);
		expect(text).toContain(`300K videos × 20,000 = ${formatCount(pool3)}`);
		const all = pool1 + pool2 + pool3;
		expect(text).toContain(`all three pools: ${formatCount(all)} impressions a day = ${((all / impressionsPerDay) * 100).toFixed(1)}% of all impressions`);
		const slot = impressionsPerDay / itemsPerRequest;
		expect(text).toContain(`80B ÷ 8 = ${formatCount(slot)} slot impressions a day = ${((slot / impressionsPerDay) * 100).toFixed(1)}%`);
		expect(all).toBeGreaterThan(slot);
		expect(text).toContain(`Only pool 1 uses the slot (${Math.round((pool1 / slot) * 100)}% of its capacity); the other ${formatCount(slot - pool1)} a day`);
		// New users' first sessions: 5M installs × 20 probes, inside the remaining slot capacity.
		expect(text).toContain(`5M installs a day (assumption) × 20 probe videos = ${formatCount(5e6 * 20)} impressions`);
		expect(5e6 * 20).toBeLessThan(slot - pool1);
	});

	it('states the random slice and its matched sample', () => {
		const slice = impressionsPerDay * randomSliceShare;
		expect(text).toContain(`**${formatCount(slice)}** a day`);
		expect(text).toContain(`matched impressions: ${formatCount(slice)} ÷ 3,000 ≈ ${formatInt(slice / mergedCandidates)} a day`);
	});

	it('states standard errors and expected shares of a first-pool video', () => {
		const se = Math.sqrt((0.05 * 0.95) / firstPoolImpressions) * 100;
		expect(text).toContain(`≈ ${se.toFixed(2)} percentage points`);
		const seCompletion = Math.sqrt((0.35 * 0.65) / firstPoolImpressions) * 100;
		expect(text).toContain(`standard error of about ${seCompletion.toFixed(1)} percentage points`);
		expect(text).toContain(`about ${(firstPoolImpressions * 0.004).toFixed(1)} expected shares`);
	});
});

describe('tiktok-feed: storage', () => {
	it('sizes the ANN vectors and the HNSW graph', () => {
		expect(text).toContain(`| 1B videos × 64 dims × 4 B | ${formatBytes(embeddingBytes(1e9, 64))} |`);
		expect(text).toContain(`| 1B × 64 × 1 B | ${formatBytes(embeddingBytes(1e9, 64, 1))} |`);
		expect(text).toContain(`| 1B × (64 B vector + 2 × 16 links × 4 B) | ${formatBytes(hnswIndexBytes(1e9, 64, 16, 1))} |`);
		expect(text).toContain(`16 shards of ${formatCount(1e9 / 16)} vectors, each an int8 HNSW index`);
		expect(text).toContain(`with M = 16 of ${formatBytes(hnswIndexBytes(1e9 / 16, 64, 16, 1))}`);
		expect(text).toContain(`IVF-PQ with 32-byte codes would need about ${formatBytes(ivfPqIndexBytes(1e9, 64, 65_536, 32), 0)}`);
		// The graph index is three times the raw int8 vectors.
		expect(hnswIndexBytes(1e9, 64, 16, 1) / embeddingBytes(1e9, 64, 1)).toBe(3);
	});

	it('sizes the ranker embedding tables and the sparse parameter count', () => {
		expect(text).toContain(`500M admitted IDs × 64 × 4 B | ${formatBytes(embeddingBytes(500e6, 64))} |`);
		expect(text).toContain(`1B users × 64 × 4 B | ${formatBytes(embeddingBytes(1e9, 64))} |`);
		const params = 500e6 * 64 + 1e9 * 64;
		expect(text).toContain(`| ${formatCount(params)} parameters × 4 B | ${formatBytes(params * 4)}`);
		expect(text).toContain(`500M × 64 + 1B × 64 = **${formatCount(params)}** parameters`);
	});

	it('sizes item-to-item lists and user history', () => {
		expect(text).toContain(`12 B (8 B ID + 4 B score) | ${formatBytes(storageBytes(1e9, 50 * 12))} |`);
		expect(text).toContain(`1B users × 10,000 events × 16 B | ${formatBytes(storageBytes(1e9, 10_000 * 16))} |`);
		expect(text).toContain(`the ${formatBytes(storageBytes(1e9, 10_000 * 16))} history store`);
	});

	it('sizes the two rotating seen-video Bloom filters', () => {
		const bitsPerItem = -Math.log(0.01) / Math.log(2) ** 2;
		const bytesPerUser = Math.ceil((10_000 * bitsPerItem) / 8);
		expect(text).toContain(`≈ ${bitsPerItem.toFixed(1)} bits each`);
		expect(text).toContain(`÷ 8 ≈ ${formatInt(bytesPerUser)} bytes`);
		expect(text).toContain(`1B users × 2 × ${formatInt(bytesPerUser)} bytes | ${formatBytes(storageBytes(dau, 2 * bytesPerUser), 0)} |`);
	});
});

describe('tiktok-feed: training data', () => {
	const keptShare = positiveForSomeHead + (1 - positiveForSomeHead) * (exemptShare + (1 - exemptShare) * nothingKeepRate);
	const examples = impressionsPerDay * keptShare;

	it('sizes the raw impression log, flat and per request', () => {
		expect(flatBytesPerImpression).toBe(5000);
		expect(text).toContain(`300 slots × 8 B + 200 sequence events × 13 B ≈ ${formatBytes(flatBytesPerImpression)} per impression → ${formatBytes(storageBytes(impressionsPerDay, flatBytesPerImpression))} a day`);
		expect(bytesPerLoggedImpression).toBe(1000);
		expect(text).toContain(`4 KB ÷ 8 + 0.5 KB = ${formatBytes(bytesPerLoggedImpression)} per impression: 80B × 1 KB = ${formatBytes(storageBytes(impressionsPerDay, bytesPerLoggedImpression))} a day; × 30 days = ${formatBytes(storageBytes(impressionsPerDay * retentionDays, bytesPerLoggedImpression))}`);
		expect(text).toContain(`cuts the log fivefold`);
		expect(flatBytesPerImpression / bytesPerLoggedImpression).toBe(5);
	});

	it('computes the kept share, training volume and trainer throughput', () => {
		expect(keptShare).toBeCloseTo(0.595, 10);
		expect(text).toContain(`0.90 × 0.25) = ${keptShare}`);
		expect(text).toContain(`80B × ${keptShare} = ${formatCount(examples)} training examples a day`);
		const peakExamples = (examples / SECONDS_PER_DAY) * peakFactor;
		expect(text).toContain(`≈ ${formatInt(examples / SECONDS_PER_DAY)} examples per second, ${formatInt(peakExamples)} at peak`);
		expect(text).toContain(`~${formatCount(peakExamples)} examples per second`);
		// A materialised example carries its request part and its own part.
		const exampleBytes = requestPartBytes + impressionPartBytes;
		expect(text).toContain(`${formatInt(peakExamples)} × ${formatBytes(exampleBytes)} (request part + impression part) ≈ ${formatBytes(peakExamples * exampleBytes, 0)}/s into the trainers at peak`);
		expect(text).toContain(`weight 1 ÷ 0.25 = ${1 / nothingKeepRate}`);
	});

	it('sizes the joiner state for late actions at peak', () => {
		const state = storageBytes(impressionsPerSecond * peakFactor * attributionWindowS, bytesPerLoggedImpression);
		expect(text).toContain(`joiner state at peak: ${formatInt(impressionsPerSecond * peakFactor)} per second × 1,800 s × 1 KB ≈ ${formatBytes(state)}`);
		expect(text).toContain(`about ${formatBytes(state)} at peak`);
	});

	it('bounds the bias of plain log loss on late positives by the base rate', () => {
		// With a late share λ of positives, the stream's positive rate is p / (1 + λp); relative bias λp ≤ p.
		const p = 0.006;
		for (const lambda of [0, 0.5, 1]) {
			const b = p / (1 + lambda * p);
			expect((p - b) / p).toBeLessThanOrEqual(p);
		}
		expect(text).toContain('learns p ÷ (1 + λp): a relative bias of at most the base rate (0.6% for comments)');
	});

	it('sizes the full-candidate score log and its extra ranking load', () => {
		const requests = requestsPerDay * 0.01;
		expect(text).toContain(`${formatCount(requests)} requests a day × 3,000 candidates × 26 B (8 B ID + 9 heads × 2 B) ≈ ${formatBytes(storageBytes(requests * 3000, 8 + 9 * 2))} a day`);
		expect(text).toContain(`1% × (3,000 − 500) ÷ 500 = ${Math.round(0.01 * (3000 - 500) / 500 * 100)}%`);
	});

	it('states daily positives at the assumed base rates', () => {
		expect(text).toContain(`likes 5% → ${formatCount(impressionsPerDay * 0.05)}`);
		expect(text).toContain(`comments 0.6% → ${formatCount(impressionsPerDay * 0.006)}`);
		expect(text).toContain(`shares 0.4% → ${formatCount(impressionsPerDay * 0.004)}`);
		expect(text).toContain(`follows 0.2% → ${formatCount(impressionsPerDay * 0.002)}`);
		expect(text).toContain(`negative feedback 0.1% → ${formatCount(impressionsPerDay * 0.001)}`);
	});

	it('recalibrates a head trained on downsampled negatives', () => {
		const q = recalibrateDownsampled(0.1, nothingKeepRate);
		expect(text).toContain(`p = 0.10 becomes q ≈ ${q.toFixed(3)}`);
		expect(text).toContain(`a ${(0.1 / q).toFixed(1)}× overestimate`);
	});
});

describe('tiktok-feed: funnel and latency', () => {
	it('keeps the online stages within the latency budget, with the stated headroom', () => {
		const budget = latencyBudget(
			latencyBudgetMs,
			online.map((s) => ({ name: s.id, ms: s.latencyMs ?? 0 })),
		);
		expect(budget.over).toBe(false);
		expect(text).toContain(`The stages spend ${budget.usedMs} ms; the remaining ${budget.remainingMs} ms`);
		expect(text).toContain(`| Headroom: network hops, retries, garbage-collection tail | ${budget.remainingMs} ms |`);
		expect(text).toContain(`| **Total** | **${latencyBudgetMs} ms** |`);
	});

	it('matches the latency table to the pipeline', () => {
		expect(text).toContain(`| Multi-source retrieval (parallel) | ${stage('candidate-generation').latencyMs} ms |`);
		expect(text).toContain(`| Pre-ranking 3,000 → 500 | ${stage('pre-ranking').latencyMs} ms |`);
		expect(text).toContain(`| Multi-task ranking of 500 | ${stage('ranking').latencyMs} ms |`);
		expect(text).toContain(`| Re-ranking and policy 100 → 8 | ${stage('re-ranking').latencyMs} ms |`);
	});

	it('matches the funnel counts to the pipeline', () => {
		const items = (id: string) => formatInt(stage(id).items!);
		expect(text).toContain(`| Multi-source retrieval | 1B → ${items('candidate-generation')} | ${stage('candidate-generation').latencyMs} ms |`);
		expect(text).toContain(`| Merge and filter | ${items('candidate-generation')} → ${items('merge-filter')} |`);
		expect(text).toContain(`| Pre-ranking | ${items('merge-filter')} → ${items('pre-ranking')} |`);
		expect(text).toContain(`| Ranking | ${items('pre-ranking')} → ${items('ranking')} |`);
		expect(text).toContain(`| Re-ranking | ${items('ranking')} → ${items('re-ranking')} |`);
		expect(stage('re-ranking').items).toBe(itemsPerRequest);
		// The five retrieval quotas add up to the retrieval stage's output.
		expect(1500 + 1000 + 300 + 500 + 500).toBe(stage('candidate-generation').items);
	});

	it('sizes the ANN fan-out per request', () => {
		expect(text).toContain(`4 × 16 × 50 = ${formatInt(4 * 16 * 50)} results`);
		expect(text).toContain(`asking every shard for 400 would return ${formatInt(4 * 16 * 400)}`);
	});
});

describe('tiktok-feed: model', () => {
	const projection = 300 * 32 * 2048;
	const experts = 8 * (2048 * 1024 + 1024 * 512);
	const heads = 9 * (512 * 128 + 128 * 1);
	const gates = 9 * 2048 * 8;
	const dense = projection + experts + heads + gates;

	it('counts the MMoE dense weights and FLOPs, input projection included', () => {
		expect(text).toContain(`300 × 32 × 2,048 = **${formatInt(projection)}**`);
		expect(text).toContain(`= **${formatInt(experts)}**`);
		expect(text).toContain(`= **${formatInt(heads)}**`);
		expect(text).toContain(`= **${formatInt(gates)}**`);
		expect(text).toContain(`**Dense total: ${formatInt(dense)}** weights (~${Math.round(dense / 1e6)}M), so about **${formatCount(2 * dense)}** FLOPs per candidate`);
		expect(text).toContain(`about ${formatInt(2 * 100 * 64 * 2)} FLOPs per candidate;`);
		expect(text).toContain(`weights (~${Math.round(dense / 1e6)}M)`);
		// Only the user half of the input projection can be shared across candidates.
		expect(Math.round(((150 * 32 * 2048) / dense) * 100)).toBe(24);
		expect(text).toContain('input projection (about 24% of the FLOPs)');
		// "more than two thousand times the dense weights"
		expect(Math.floor((500e6 * 64 + 1e9 * 64) / dense / 1000)).toBe(2);
		expect(text).toContain(`500 × ${formatCount(2 * dense)} ≈ ${((500 * 2 * dense) / 1e9).toFixed(1)} GFLOPs`);
	});

	it('computes the value-formula example, naive and production', () => {
		const a = 12 + 10 * 0.08 + 40 * 0.01 + 60 * 0.002 + 20 * 0.005 - 300 * 0.001;
		const b = 18 + 10 * 0.03 + 40 * 0.002 + 60 * 0.001 + 20 * 0.002 - 300 * 0.004;
		expect(text).toContain(`12 + 0.8 + 0.4 + 0.12 + 0.1 − 0.3 = **${a.toFixed(2)}**`);
		expect(text).toContain(`18 + 0.3 + 0.08 + 0.06 + 0.04 − 1.2 = **${b.toFixed(2)}**`);
		expect(b).toBeGreaterThan(a);
		expect(text).toContain(`A is worth ${a.toFixed(2)} ÷ 12 ≈ ${(a / 12).toFixed(2)} and B ${b.toFixed(2)} ÷ 18 ≈ ${(b / 18).toFixed(2)}`);
		expect(a / 12).toBeGreaterThan(b / 18);
		const a2 = 20 * 0.85 + 3 * 0.6 + 5 * 0.15 - 6 * 0.05 + 8 * 0.08 + 30 * 0.01 + 50 * 0.002 + 15 * 0.005 - 250 * 0.001;
		const b2 = 20 * 0.4 + 3 * 0.15 + 5 * 0.02 - 6 * 0.15 + 8 * 0.03 + 30 * 0.002 + 50 * 0.001 + 15 * 0.002 - 250 * 0.004;
		expect(text).toContain(`17 + 1.8 + 0.75 − 0.3 + 0.64 + 0.3 + 0.1 + 0.075 − 0.25 = **${a2.toFixed(2)}**`);
		expect(text).toContain(`8 + 0.45 + 0.1 − 0.9 + 0.24 + 0.06 + 0.05 + 0.03 − 1.0 = **${b2.toFixed(2)}**`);
		expect(a2).toBeGreaterThan(b2);
	});

	it('sizes a RankMixer-scale 1B-dense ranker at peak', () => {
		const flopsPerSecond = 2 * 1e9 * 500 * peak;
		expect(text).toContain(`2 × 1B FLOPs per candidate × 500 = 1 TFLOP per request × 231,481 QPS ≈ ${Math.round(flopsPerSecond / 1e15)} PFLOP/s at peak`);
		const gpus = flopsPerSecond / (1e15 * 0.45);
		expect(text).toContain(`≈ ${Math.ceil(gpus)} GPUs at full load, ${Math.ceil(gpus / 0.6)} at 60% utilisation`);
		expect(Math.floor(1e9 / dense)).toBe(24);
		expect(text).toContain('a ranker 24× larger');
	});

	it('costs a from-scratch HSTU-style encoder and the TWIN search', () => {
		const proj = 24 * 2 * 12 * 512 ** 2 * 8192;
		const attn = 24 * 4 * 8192 ** 2 * 512;
		expect(text).toContain(`24 × 2 × 12 × 512² × 8,192 ≈ ${(proj / 1e12).toFixed(1)} TFLOPs of projections`);
		expect(text).toContain(`24 × 4 × 8,192² × 512 ≈ ${(attn / 1e12).toFixed(1)} TFLOPs`);
		expect(text).toContain(`≈ ${((proj + attn) / 1e12).toFixed(1)} TFLOPs per request, about ${Math.round((proj + attn) / (500 * 2 * dense) / 10) * 10}× the ranker's 41.4 GFLOPs`);
		expect(text).toContain(`500 candidates × 10,000 events × 64 dims × 2 ≈ ${((500 * 10_000 * 64 * 2) / 1e9).toFixed(2)} GFLOPs per request`);
		expect(text).toContain(`10,000 events × 16 B = 160 KB per request × 231,481 QPS ≈ ${Math.round((160_000 * peak) / 1e9)} GB/s at peak`);
	});

	it('computes hash-collision shares and the sync volume', () => {
		expect(text).toContain(`**${((1 - Math.exp(-1)) * 100).toFixed(1)}%** of IDs`);
		expect(text).toContain(`**${((1 - Math.exp(-0.5)) * 100).toFixed(1)}%** shared`);
		expect(text).toContain(`${((1 - Math.exp(-1)) * 100).toFixed(1)}% of IDs would share rows`);
		const sync = embeddingBytes(10e6, 64);
		expect(text).toContain(`10M × 64 × 4 B ≈ **${formatBytes(sync)}**, about ${Math.round(sync / 60 / 1e6)} MB/s`);
	});
});

describe('tiktok-feed: experiments', () => {
	const z = [normalQuantile(0.975), normalQuantile(0.8)];

	it('prints the z values the sample sizes were computed with', () => {
		expect(text).toContain(`z = ${z[0]!.toFixed(6)} and ${z[1]!.toFixed(6)}`);
		expect(text).toContain(`(${z[0]!.toFixed(6)} + ${z[1]!.toFixed(6)})²`);
	});

	it('computes the retention sample size and duration on distinct users', () => {
		const n = sampleSizePerArm({ baseline: 0.7, absoluteEffect: 0.0005, alpha: 0.05, power: 0.8 });
		expect(text).toContain(`**${formatInt(n)}** (~${Math.round(n / 1e6)}M) users per arm`);
		const arm = (d: number) => 0.01 * uniqueUsersAfterDays(monthlyUsers, dau, d);
		expect(text).toContain(`d = 1: ${formatInt(arm(1))}`);
		expect(text).toContain(`d = 2: ${formatInt(arm(2))}`);
		expect(text).toContain(`d = 7: ${formatInt(arm(7))}, never more than ${formatInt(0.01 * monthlyUsers)}`);
		const days = experimentDaysUnique(n, monthlyUsers, dau, 2, 0.02);
		expect(days).toBe(2);
		expect(text).toContain(`(~${Math.round(n / 1e6)}M) users per arm, reached on day ${days} using ${Math.round((n / (0.01 * monthlyUsers)) * 100)}% of all users a 1% arm can ever hold`);
	});

	it('shows that a realistic retention effect needs larger arms', () => {
		const n = sampleSizePerArm({ baseline: 0.7, absoluteEffect: 0.0002, alpha: 0.05, power: 0.8 });
		expect(text).toContain(`**${formatInt(n)}** (~${Math.round(n / 1e6)}M) per arm`);
		expect(experimentDaysUnique(n, monthlyUsers, dau, 2, 0.1)).toBe(Number.POSITIVE_INFINITY);
		expect(text).toContain(`more than a 5% arm can ever hold (${formatInt(0.05 * monthlyUsers)})`);
	});

	it('states the minimum detectable effect of 1% and 5% holdbacks on day-1 return', () => {
		const mde = (share: number) => {
			const n1 = share * monthlyUsers;
			const n2 = monthlyUsers - n1;
			return (z[0]! + z[1]!) * Math.sqrt(0.7 * 0.3 * (1 / n1 + 1 / n2)) * 100;
		};
		expect(text).toContain(`a 1% holdback (${formatCount(0.01 * monthlyUsers)} users) detects at best ${mde(0.01).toFixed(3)} pp`);
		expect(text).toContain(`a 5% holdback detects ${mde(0.05).toFixed(3)} pp`);
		expect(mde(0.01)).toBeGreaterThan(0.02);
		expect(mde(0.05)).toBeLessThan(0.02);
	});

	it('computes the active-days sample size, with and without CUPED, and its duration', () => {
		const zs = z[0]! + z[1]!;
		const delta = 9 * 0.0005;
		expect(text).toContain(`0.05% of the mean = ${delta.toFixed(4)} days`);
		const n = Math.ceil((2 * zs * zs * 4 ** 2) / 0.0045 ** 2);
		expect(delta).toBeCloseTo(0.0045, 12);
		expect(text).toContain(`× 4² ÷ 0.0045² = ${formatInt(n)} users per arm`);
		const nCuped = Math.ceil(n * (1 - 0.6));
		expect(text).toContain(`CUPED: ${formatInt(n)} × (1 − 0.60) = ${formatInt(nCuped)} per arm (~${Math.round(nCuped / 1e6)}M)`);
		const days = experimentDaysUnique(nCuped, monthlyUsers, dau, 2, 0.02);
		expect(days).toBe(1);
		expect(text).toContain(`${formatInt(nCuped)} needed per arm → reached on day ${days}`);
		// 7 days of enrolment plus 14 days of outcome per user.
		expect(text).toContain(`comes on day ${7 + 14}`);
		expect(text).toContain(`for ${7 + 14} days`);
	});
});

describe('tiktok-feed: serving capacity and cost', () => {
	const annQueries = peak * 4;
	const shardQueries = annQueries * 16;
	const annServers = Math.ceil(shardQueries / 20_000);
	const preScores = peak * 3000;
	const preServers = Math.ceil(preScores / 1_200_000);
	const rankScores = peak * 500;
	const rankServers = Math.ceil(rankScores / 150_000);

	it('sizes the ANN, pre-ranking and ranking fleets', () => {
		expect(text).toContain(`= ${formatInt(annQueries)} queries/s; × 16 shards = ${formatInt(shardQueries)} shard-queries/s | 20,000 shard-queries/s | ${annServers} |`);
		expect(text).toContain(`231,481 × 3,000 = ${formatInt(preScores)} candidates/s | 1,200,000 candidates/s (CPU) | ${preServers} |`);
		expect(text).toContain(`231,481 × 500 = ${formatInt(rankScores)} candidates/s | 150,000 candidates/s (one H100-class GPU) | ${rankServers} |`);
		expect([annServers, preServers, rankServers]).toEqual([741, 579, 772]);
	});

	it('checks the ranking throughput against FLOPs', () => {
		const flops = 2 * (300 * 32 * 2048 + 8 * (2048 * 1024 + 1024 * 512) + 9 * (512 * 128 + 128) + 9 * 2048 * 8);
		expect(text).toContain(`× ${formatCount(flops)} FLOPs is about ${Math.round((flops * 250_000) / 1e12)} TFLOP/s, about ${Math.round((flops * 250_000) / 1e15 * 100)}% of the GPU's bf16 peak`);
		expect(text).toContain(`4 MB × 231,481 ≈ ${Math.round((4e6 * peak) / 1e9)} GB/s at peak`);
	});

	it('computes the ranking and whole-system cost per day, per 1,000 requests and per DAU', () => {
		const ranking = rankServers * 3 * 24;
		expect(text).toContain(`${rankServers} GPUs × $3 × 24 h = $${formatInt(ranking)} a day`);
		const cpu = (annServers + preServers) * 1.5 * 24;
		expect(text).toContain(`(741 + 579) CPU servers × $1.5 × 24 h = $${formatInt(cpu)} a day`);
		const trainers = 300 * 3 * 24;
		expect(text).toContain(`300 GPUs × $3 × 24 h = $${formatInt(trainers)} a day`);
		const content = (uploadsPerDay * 1) / 3600;
		expect(text).toContain(`30M uploads a day × 1 GPU-second (assumption) = ${formatInt(content)} GPU-hours a day`);
		const contentCost = Math.round(content * 3);
		expect(text).toContain(`× $3 per GPU-hour = $${formatInt(contentCost)} a day`);
		expect(text).toContain(`content understanding: $${formatInt(contentCost)} a day`);
		const total = ranking + cpu + trainers + 60_000 + contentCost;
		expect(text).toContain(`total ≈ $${formatInt(total)} a day ≈ $${(total / (requestsPerDay / 1000)).toFixed(3)} per 1,000 requests, about ${((total * 365) / dau * 100).toFixed(1)} cents per DAU a year`);
		expect(text).toContain(`Ranking (~$${Math.round(ranking / 1000)}K a day) is about a quarter of the total (~$${Math.round(total / 10_000) * 10}K)`);
		expect(ranking / total).toBeGreaterThan(0.22);
		expect(ranking / total).toBeLessThan(0.3);
	});

	it('computes the daily re-embedding cost', () => {
		expect(text).toContain(`about ${(1e9 / 100_000 / 3600).toFixed(1)} GPU-hours`);
	});
});

describe('tiktok-feed: key points', () => {
	it('has 3–6 key points for every framework section, each at most 30 words', () => {
		expect(keyPointShapeProblems(fm)).toEqual([]);
	});

	it('uses only numbers that the body or the scale also states', () => {
		const flatBody = collapse(body);
		const scale = Object.values(fm.scale).map(String);
		for (const points of Object.values(fm.keyPoints) as string[][]) {
			for (const p of points) {
				for (const n of p.match(/\$?\d[\d,.]*(?:\.\d+)?[%KMBT]?/g) ?? []) {
					const num = n.replace(/[.,]$/, '');
					expect(flatBody.includes(num) || scale.includes(num.replace(/,/g, '')), `"${num}" in key point: ${p}`).toBe(true);
				}
			}
		}
	});
});
