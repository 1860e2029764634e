import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
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
} from '../../../src/lib/estimates.ts';
import { sampleSizePerArm, experimentDaysUnique, uniqueUsersAfterDays, normalQuantile } from '../../../src/lib/stats.ts';

const source = readFileSync(new URL('../../../case-studies/tiktok-feed.mdx', import.meta.url), 'utf8');
const fm = parse(/^---\n([\s\S]*?)\n---\n/.exec(source)![1]!);
// Prose is wrapped at about 100 columns, so compare against the text with whitespace runs collapsed.
const text = source.replace(/\s+/g, ' ');
const { dailyActiveUsers: dau, requestsPerUserPerDay: rpu, peakFactor, latencyBudgetMs, itemsPerRequest } = fm.scale;
const online = (fm.pipeline as { id: string; lane: string; items?: number; latencyMs?: number }[]).filter((s) => s.lane === 'online');
const stage = (id: string) => online.find((s) => s.id === id)!;

// Assumptions stated in the text.
const uploadsPerDay = 30_000_000;
const firstPoolImpressions = 200;
const randomSliceShare = 0.0005;
const mergedCandidates = 3000;
const bytesPerLoggedImpression = 1000;
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

	it('sizes the raw impression log', () => {
		expect(text).toContain(`80B impressions × 1 KB = ${formatBytes(storageBytes(impressionsPerDay, bytesPerLoggedImpression))} a day; × 30 days = ${formatBytes(storageBytes(impressionsPerDay * retentionDays, bytesPerLoggedImpression))}`);
	});

	it('computes the kept share, training volume and trainer throughput', () => {
		expect(keptShare).toBeCloseTo(0.595, 10);
		expect(text).toContain(`0.90 × 0.25) = ${keptShare}`);
		expect(text).toContain(`80B × ${keptShare} = ${formatCount(examples)} training examples a day = ${formatBytes(storageBytes(examples, bytesPerLoggedImpression))} a day, ${formatBytes(storageBytes(examples * retentionDays, bytesPerLoggedImpression))} for 30 days`);
		expect(text).toContain(`≈ ${formatInt(examples / SECONDS_PER_DAY)} examples per second, ${formatInt((examples / SECONDS_PER_DAY) * peakFactor)} at peak`);
		expect(text).toContain(`weight 1 ÷ 0.25 = ${1 / nothingKeepRate}`);
	});

	it('sizes the joiner state for late actions', () => {
		expect(text).toContain(`${formatInt(impressionsPerSecond)} per second × 1,800 s × 1 KB ≈ ${formatBytes(storageBytes(impressionsPerSecond * attributionWindowS, bytesPerLoggedImpression))}`);
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
		expect(text).toContain(`**Dense total: ${formatInt(dense)}** weights, so about **${formatCount(2 * dense)}** FLOPs per candidate`);
		expect(text).toContain(`about ${formatInt(2 * 100 * 64 * 2)} FLOPs per candidate per sequence`);
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
		expect(text).toContain(`**${formatInt(n)}** users per arm`);
		const arm = (d: number) => 0.01 * uniqueUsersAfterDays(monthlyUsers, dau, d);
		expect(text).toContain(`d = 1: ${formatInt(arm(1))}`);
		expect(text).toContain(`d = 2: ${formatInt(arm(2))}`);
		expect(text).toContain(`d = 14: ${formatInt(arm(14))}, never more than ${formatInt(0.01 * monthlyUsers)}`);
		const days = experimentDaysUnique(n, monthlyUsers, dau, 2, 0.02);
		expect(days).toBe(2);
		expect(text).toContain(`${formatInt(n)} needed per arm → reached on day ${days}, using ${Math.round((n / (0.01 * monthlyUsers)) * 100)}% of all users the arm can ever hold`);
	});

	it('shows that a realistic retention effect needs larger arms', () => {
		const n = sampleSizePerArm({ baseline: 0.7, absoluteEffect: 0.0002, alpha: 0.05, power: 0.8 });
		expect(text).toContain(`**${formatInt(n)}** per arm`);
		expect(experimentDaysUnique(n, monthlyUsers, dau, 2, 0.1)).toBe(Number.POSITIVE_INFINITY);
		expect(text).toContain(`more than a 5% arm can ever hold (${formatInt(0.05 * monthlyUsers)})`);
		expect(experimentDaysUnique(n, monthlyUsers, dau, 2, 0.2)).toBe(1);
		expect(text).toContain('a 10% arm reaches it on day 1');
	});

	it('computes the watch-time sample size, with and without CUPED', () => {
		// Mean watch time is consistent with the scale: 80 videos a day at about 15 s each.
		expect((rpu * itemsPerRequest * 15) / 60).toBe(20);
		expect(text).toContain(`Mean ${(rpu * itemsPerRequest * 15) / 60} minutes per user per day (${rpu * itemsPerRequest} videos at about 15 s each)`);
		const zs = z[0]! + z[1]!;
		const n = Math.ceil((2 * zs * zs * 25 ** 2) / 0.02 ** 2);
		expect(text).toContain(`× 25² ÷ 0.02² = ${formatInt(n)} users per arm`);
		expect(experimentDaysUnique(n, monthlyUsers, dau, 2, 0.02)).toBe(Number.POSITIVE_INFINITY);
		const nCuped = Math.ceil(n * 0.5);
		const days = experimentDaysUnique(nCuped, monthlyUsers, dau, 2, 0.02);
		expect(text).toContain(`${formatInt(nCuped)} per arm → reached on day ${days} in a 1% arm`);
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
		expect(text).toContain(`231,481 × 500 = ${formatInt(rankScores)} candidates/s | 150,000 candidates/s (GPU) | ${rankServers} |`);
		expect([annServers, preServers, rankServers]).toEqual([741, 579, 772]);
	});

	it('checks the ranking throughput against FLOPs', () => {
		const flops = 2 * (300 * 32 * 2048 + 8 * (2048 * 1024 + 1024 * 512) + 9 * (512 * 128 + 128) + 9 * 2048 * 8);
		expect(text).toContain(`× ${formatCount(flops)} FLOPs is about ${Math.round((flops * 250_000) / 1e12)} TFLOP/s`);
	});

	it('computes the ranking cost per day, per year and per 1,000 requests', () => {
		const perDay = rankServers * 3 * 24;
		expect(text).toContain(`${rankServers} servers × $3 × 24 h = $${formatInt(perDay)} a day`);
		expect(text).toContain(`≈ $${formatCount(perDay * 365)} a year`);
		expect(text).toContain(`≈ $${(perDay / (requestsPerDay / 1000)).toFixed(4)} per 1,000 requests`);
	});

	it('computes the daily re-embedding cost', () => {
		expect(text).toContain(`about ${(1e9 / 100_000 / 3600).toFixed(1)} GPU-hours`);
	});
});

describe('tiktok-feed: key points', () => {
	it('has 3–6 key points for every framework section, each at most 30 words', () => {
		const ids = ['requirements', 'estimates', 'framing', 'metrics', 'architecture', 'data', 'features', 'model', 'evaluation', 'serving', 'monitoring'];
		expect(Object.keys(fm.keyPoints).sort()).toEqual([...ids].sort());
		for (const id of ids) {
			const points = fm.keyPoints[id] as string[];
			expect(points.length).toBeGreaterThanOrEqual(3);
			expect(points.length).toBeLessThanOrEqual(6);
			for (const p of points) expect(p.split(/\s+/).length, p).toBeLessThanOrEqual(30);
		}
	});

	it('uses only numbers that the body or the scale also states', () => {
		const body = source.slice(source.indexOf('\n---\n', 4) + 5).replace(/\s+/g, ' ');
		const scale = Object.values(fm.scale).map(String);
		for (const points of Object.values(fm.keyPoints) as string[][]) {
			for (const p of points) {
				for (const n of p.match(/\$?\d[\d,.]*(?:\.\d+)?[%KMBT]?/g) ?? []) {
					const num = n.replace(/[.,]$/, '');
					expect(body.includes(num) || scale.includes(num.replace(/,/g, '')), `"${num}" in key point: ${p}`).toBe(true);
				}
			}
		}
	});
});
