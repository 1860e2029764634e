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
	formatInt,
	formatCount,
	formatBytes,
	SECONDS_PER_DAY,
} from '../../../src/lib/numbers/estimates.ts';
import { sampleSizePerArm, experimentDays, normalQuantile } from '../../../src/lib/numbers/stats.ts';

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
const bytesPerLoggedImpression = 1000;
const explicitActionShare = 0.08;
const noActionKeepRate = 0.25;
const joinerWindowS = 1800;
const retentionDays = 30;

const requestsPerDay = dau * rpu;
const impressionsPerDay = requestsPerDay * itemsPerRequest;
const impressionsPerSecond = impressionsPerDay / SECONDS_PER_DAY;
const peak = peakQps(dau, rpu, peakFactor);

describe('tiktok-feed: traffic', () => {
	it('states average and peak QPS from the frontmatter scale', () => {
		expect(text).toContain(`${formatInt(averageQps(dau, rpu))} QPS`);
		expect(text).toContain(`${formatInt(peak)} QPS`);
		expect(formatInt(averageQps(dau, rpu))).toBe('115,741');
		expect(formatInt(peak)).toBe('231,481');
	});

	it('states requests and impressions per day and per second', () => {
		expect(text).toContain(`**${formatCount(requestsPerDay)}** requests`);
		expect(text).toContain(`**${formatCount(impressionsPerDay)}** videos served`);
		expect(text).toContain(`**${formatInt(impressionsPerSecond)}** per second on average`);
		expect(text).toContain(`**${formatInt(impressionsPerSecond * peakFactor)}**`);
	});
});

describe('tiktok-feed: corpus and cold start', () => {
	it('states uploads per second', () => {
		expect(text).toContain(`**${formatInt(uploadsPerDay / SECONDS_PER_DAY)}** new videos per second`);
	});

	it('states the first traffic pool cost and its share of impressions', () => {
		const pool = uploadsPerDay * firstPoolImpressions;
		expect(text).toContain(`**${formatCount(pool)}** impressions a day`);
		expect(text).toContain(`**${((pool / impressionsPerDay) * 100).toFixed(1)}%** of all impressions`);
	});

	it('states the random exploration slice', () => {
		expect(text).toContain(`**${formatCount(impressionsPerDay * randomSliceShare)}** a day`);
		expect(text).toContain(`${formatCount(impressionsPerDay * randomSliceShare)} random impressions a day`);
	});

	it('states the standard error of a like rate after the first pool', () => {
		const se = Math.sqrt((0.05 * 0.95) / firstPoolImpressions) * 100;
		expect(text).toContain(`≈ ${se.toFixed(2)} percentage points`);
	});
});

describe('tiktok-feed: storage', () => {
	it('sizes the ANN index in float32 and int8', () => {
		expect(text).toContain(`| 1B videos × 64 dims × 4 B | ${formatBytes(embeddingBytes(1e9, 64))} |`);
		expect(text).toContain(`| 1B × 64 × 1 B | ${formatBytes(embeddingBytes(1e9, 64, 1))} |`);
		// 16 shards of int8 vectors
		expect(text).toContain(`16 shards of ${formatCount(1e9 / 16)} vectors (int8, ${formatBytes(embeddingBytes(1e9 / 16, 64, 1))} each)`);
	});

	it('sizes the ranker embedding tables and the sparse parameter count', () => {
		const video = embeddingBytes(500e6, 64);
		const user = embeddingBytes(1e9, 64);
		expect(text).toContain(`500M admitted IDs × 64 × 4 B | ${formatBytes(video)} |`);
		expect(text).toContain(`1B users × 64 × 4 B | ${formatBytes(user)} |`);
		const params = 500e6 * 64 + 1e9 * 64;
		expect(text).toContain(`| ${formatCount(params)} parameters × 4 B | ${formatBytes(params * 4)}`);
		expect(text).toContain(`500M × 64 + 1B × 64 = **${formatCount(params)}** parameters`);
	});

	it('sizes item-to-item lists and user history', () => {
		expect(text).toContain(`12 B (8 B ID + 4 B score) | ${formatBytes(storageBytes(1e9, 50 * 12))} |`);
		expect(text).toContain(`1B users × 1,000 events × 16 B | ${formatBytes(storageBytes(1e9, 1000 * 16))} |`);
	});

	it('sizes the seen-video Bloom filters', () => {
		const bitsPerItem = -Math.log(0.01) / Math.log(2) ** 2;
		const bytesPerUser = Math.ceil((10_000 * bitsPerItem) / 8);
		expect(text).toContain(`≈ ${bitsPerItem.toFixed(1)} bits per video`);
		expect(text).toContain(`≈ ${formatInt(bytesPerUser)} bytes per user`);
		expect(text).toContain(`1B users × ${formatInt(bytesPerUser)} bytes | ${formatBytes(storageBytes(dau, bytesPerUser))} |`);
	});
});

describe('tiktok-feed: training data', () => {
	it('sizes the raw impression log', () => {
		expect(text).toContain(`**${formatBytes(storageBytes(impressionsPerDay, bytesPerLoggedImpression))}** a day; 30 days`);
		expect(text).toContain(`= **${formatBytes(storageBytes(impressionsPerDay * retentionDays, bytesPerLoggedImpression))}**`);
	});

	it('computes the downsampled training volume and trainer throughput', () => {
		const keptShare = explicitActionShare + (1 - explicitActionShare) * noActionKeepRate;
		expect(keptShare).toBeCloseTo(0.31, 10);
		const examples = impressionsPerDay * keptShare;
		expect(text).toContain(`80B × 0.31 = **${formatCount(examples)}** training examples a day`);
		expect(text).toContain(`**${formatBytes(storageBytes(examples, bytesPerLoggedImpression))}** a day`);
		expect(text).toContain(`**${formatBytes(storageBytes(examples * retentionDays, bytesPerLoggedImpression))}** for 30 days`);
		expect(text).toContain(`**${formatInt(examples / SECONDS_PER_DAY)}** examples per second`);
		expect(text).toContain(`**${formatInt((examples / SECONDS_PER_DAY) * peakFactor)}** at peak`);
		expect(text).toContain(`weight 1 ÷ 0.25 = ${1 / noActionKeepRate}`);
	});

	it('sizes the joiner state', () => {
		expect(text).toContain(`≈ **${formatBytes(storageBytes(impressionsPerSecond * joinerWindowS, bytesPerLoggedImpression))}** held in memory`);
	});

	it('states daily positives at the assumed base rates', () => {
		expect(text).toContain(`likes 5% → ${formatCount(impressionsPerDay * 0.05)}`);
		expect(text).toContain(`comments 0.6% → ${formatCount(impressionsPerDay * 0.006)}`);
		expect(text).toContain(`shares 0.4% → ${formatCount(impressionsPerDay * 0.004)}`);
		expect(text).toContain(`follows 0.2% → ${formatCount(impressionsPerDay * 0.002)}`);
	});

	it('recalibrates a head trained on downsampled negatives', () => {
		const q = recalibrateDownsampled(0.1, noActionKeepRate);
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
});

describe('tiktok-feed: model', () => {
	const experts = 8 * (2048 * 1024 + 1024 * 512);
	const heads = 9 * (512 * 128 + 128 * 1);
	const gates = 9 * 2048 * 8;
	const dense = experts + heads + gates;

	it('counts the MMoE dense weights and FLOPs', () => {
		expect(text).toContain(`= **${formatInt(experts)}**`);
		expect(text).toContain(`= **${formatInt(heads)}**`);
		expect(text).toContain(`= **${formatInt(gates)}**`);
		expect(text).toContain(`Dense total: **${formatInt(dense)}**`);
		expect(text).toContain(`about **${formatCount(2 * dense)}** FLOPs per candidate`);
		// "more than four thousand times as many parameters in embeddings"
		expect(Math.floor((500e6 * 64 + 1e9 * 64) / dense / 1000)).toBe(4);
	});

	it('computes the value-formula example', () => {
		const a = 12 + 10 * 0.08 + 40 * 0.01 + 60 * 0.002 + 20 * 0.005 - 300 * 0.001;
		const b = 18 + 10 * 0.03 + 40 * 0.002 + 60 * 0.001 + 20 * 0.002 - 300 * 0.004;
		expect(text).toContain(`12 + 0.8 + 0.4 + 0.12 + 0.1 − 0.3 = **${a.toFixed(2)}**`);
		expect(text).toContain(`18 + 0.3 + 0.08 + 0.06 + 0.04 − 1.2 = **${b.toFixed(2)}**`);
		expect(b).toBeGreaterThan(a);
		// With the duration-debiased term (quantile × 20 s reference) the order flips.
		const actionsA = a - 12;
		const actionsB = b - 18;
		expect(text).toContain(`(${actionsA.toFixed(2)} and ${actionsB.toFixed(2).replace('-', '−')} are the action terms`);
		const a2 = 0.85 * 20 + actionsA;
		const b2 = 0.4 * 20 + actionsB;
		expect(text).toContain(`0.85 × 20 + ${actionsA.toFixed(2)} = **${a2.toFixed(2)}**`);
		expect(text).toContain(`0.40 × 20 − ${Math.abs(actionsB).toFixed(2)} = **${b2.toFixed(2)}**`);
		expect(a2).toBeGreaterThan(b2);
	});

	it('computes hash-collision shares and the sync volume', () => {
		expect(text).toContain(`**${((1 - Math.exp(-1)) * 100).toFixed(1)}%** of IDs`);
		expect(text).toContain(`**${((1 - Math.exp(-0.5)) * 100).toFixed(1)}%** shared`);
		expect(text).toContain(`63% of IDs would share rows`);
		const sync = embeddingBytes(10e6, 64);
		expect(text).toContain(`10M × 64 × 4 B ≈ **${formatBytes(sync)}**, about ${Math.round(sync / 60 / 1e6)} MB/s`);
	});
});

describe('tiktok-feed: experiments', () => {
	it('computes the retention sample size and duration', () => {
		const n = sampleSizePerArm({ baseline: 0.7, absoluteEffect: 0.0005, alpha: 0.05, power: 0.8 });
		expect(text).toContain(`**${formatInt(n)}** users per arm`);
		expect(text).toContain(`about **${experimentDays(n, dau, 2, 0.02)} days** of traffic at 1% of DAU per arm`);
	});

	it('computes the watch-time sample size, with and without CUPED', () => {
		// Mean watch time is consistent with the scale: 80 videos a day at about 45 s each.
		expect((rpu * itemsPerRequest * 45) / 60).toBe(60);
		expect(text).toContain(`Mean ${(rpu * itemsPerRequest * 45) / 60} minutes per user per day (${rpu * itemsPerRequest} videos at about 45 s each)`);
		const z = normalQuantile(0.975) + normalQuantile(0.8);
		const n = Math.ceil((2 * z * z * 75 ** 2) / 0.06 ** 2);
		const nCuped = Math.ceil(n * 0.5);
		expect(text).toContain(`**${formatInt(n)}** users per arm, about **${experimentDays(n, dau, 2, 0.02)} days**`);
		expect(text).toContain(`**${formatInt(nCuped)}** per arm, about **${experimentDays(nCuped, dau, 2, 0.02)} days**`);
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
		const flops = 2 * (8 * (2048 * 1024 + 1024 * 512) + 9 * (512 * 128 + 128) + 9 * 2048 * 8);
		expect(text).toContain(`about ${Math.round((flops * 250_000) / 1e12)} TFLOP/s`);
	});

	it('computes the ranking cost per day, per year and per 1,000 requests', () => {
		const perDay = rankServers * 3 * 24;
		expect(text).toContain(`${rankServers} servers × $3 × 24 h = **$${formatInt(perDay)}** a day`);
		expect(text).toContain(`about **$${formatCount(perDay * 365)}** a year`);
		expect(text).toContain(`**$${(perDay / (requestsPerDay / 1000)).toFixed(4)}** per 1,000 requests`);
	});

	it('computes the daily re-embedding cost', () => {
		expect(text).toContain(`about ${(1e9 / 100_000 / 3600).toFixed(1)} GPU-hours`);
	});
});
