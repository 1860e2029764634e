import { describe, it, expect } from 'vitest';
import {
	averageQps,
	peakQps,
	embeddingBytes,
	storageBytes,
	latencyBudget,
	formatInt,
	formatCount,
	formatBytes,
	hnswIndexBytes,
	ivfPqIndexBytes,
} from '../../../src/lib/numbers/estimates.ts';
import { sampleSizePerArm, experimentDays, experimentDaysUnique, uniqueUsersAfterDays, normalQuantile } from '../../../src/lib/numbers/stats.ts';
import { keyPointNumbersMissing, keyPointShapeProblems, onlineStages, readCase } from './helpers.ts';

const { text, fm, body } = readCase('visual-search');
const { dailyActiveUsers, requestsPerUserPerDay, peakFactor, corpusSize, latencyBudgetMs, itemsPerRequest } = fm.scale;

const queriesPerDay = dailyActiveUsers * requestsPerUserPerDay;
const peak = peakQps(dailyActiveUsers, requestsPerUserPerDay, peakFactor);
const dims = 256;

// Index layout shared by several tests.
const nlist = 262_144;
const pqBytes = 32;
const nprobe = 64;
const shards = 8;
const replicas = 3;
const hostIndexGb = 40;
const ivf = ivfPqIndexBytes(corpusSize, dims, nlist, pqBytes, 8);
const int8Vectors = embeddingBytes(corpusSize, dims, 1);
// HNSW at M = 32 with hnswlib's 8-byte label per node and the upper layers.
const hnswFull = (bytesPerValue: number) => hnswIndexBytes(corpusSize, dims, 32, bytesPerValue) + corpusSize * 8 + (corpusSize * 32 * 4) / 31;

// Encoder cost, ViT-B/16 at 224 px: 196 patches + 1 class token, 12 layers of width 768.
const vitBParams = 12 * 12 * 768 ** 2;
const vitBFlop = 2 * vitBParams * 197 + 4 * 197 ** 2 * 768 * 12;
const encoderGflop = 35; // the rounded figure the page uses downstream
const onlineEmbedQps = peak * 0.4;
const onlineDetectQps = peak * 0.25;

describe('visual-search: scale and traffic', () => {
	it('uses the scale the case states', () => {
		expect(dailyActiveUsers).toBe(20_000_000);
		expect(requestsPerUserPerDay).toBe(5);
		expect(peakFactor).toBe(3);
		expect(corpusSize).toBe(1_000_000_000);
		expect(latencyBudgetMs).toBe(300);
		expect(itemsPerRequest).toBe(20);
	});

	it('states queries per day, average and peak QPS', () => {
		expect(text).toContain(`= ${formatInt(queriesPerDay)} queries per day`);
		const avg = averageQps(dailyActiveUsers, requestsPerUserPerDay);
		expect(formatInt(avg)).toBe('1,157');
		expect(text).toContain(`${formatInt(queriesPerDay)} ÷ 86,400 s ≈ ${formatInt(avg)} QPS average`);
		expect(formatInt(peak)).toBe('3,472');
		expect(text).toContain(`≈ ${formatInt(peak)} QPS peak`);
	});

	it('splits peak traffic by entry point', () => {
		expect(text).toContain(`25% × ${formatInt(peak)} ≈ ${formatInt(onlineDetectQps)} QPS`);
		expect(text).toContain(`40% × ${formatInt(peak)} ≈ ${formatInt(onlineEmbedQps)} QPS`);
		expect(text).toContain(`about ${formatInt(peak * 0.6)} QPS`);
		// At a 50% candidate-cache hit rate on taps, 60% × 50% of requests skip the index.
		expect(text).toContain(`${Math.round(0.6 * 0.5 * 100)}% of all requests skip the main index`);
		// Cached candidate list: 1,000 ids (8 bytes) and scores (4 bytes).
		expect(1_000 * (8 + 4)).toBe(12_000);
		expect(text).toContain('about 12 KB');
		expect(formatBytes(5_000_000 * 12_000)).toBe('60 GB');
		expect(text).toContain('about 60 GB for an assumed 5M hot objects');
	});

	it('collapses near-duplicates to the indexed corpus', () => {
		expect(1_250_000_000 * 0.8).toBe(corpusSize);
		expect(text).toContain(`1,250,000,000 × 0.8 = ${formatInt(corpusSize)} images`);
	});
});

describe('visual-search: storage and index overhead', () => {
	it('sizes the raw embeddings at each precision', () => {
		expect(formatBytes(embeddingBytes(corpusSize, dims))).toBe('1 TB');
		expect(text).toContain(`| 1,000,000,000 × 256 × 4 bytes | ${formatBytes(embeddingBytes(corpusSize, dims))} |`);
		expect(text).toContain(`| 1,000,000,000 × 256 × 2 bytes | ${formatBytes(embeddingBytes(corpusSize, dims, 2))} |`);
		expect(text).toContain(`| 1,000,000,000 × 256 × 1 byte | ${formatBytes(int8Vectors)} |`);
		expect(text).toContain(`| 400,000,000 × 100 features × 4 bytes | ${formatBytes(storageBytes(400_000_000, 400))} |`);
	});

	it('sizes HNSW with 2M links per node on layer 0', () => {
		const m = 32;
		const links = corpusSize * 2 * m * 4;
		expect(text).toContain(`| HNSW layer-0 links, M = 32 | 1,000,000,000 × ${2 * m} × 4 bytes | ${formatBytes(links)} |`);
		// Upper layers: a node reaches layer l ≥ 1 with probability M^-l and keeps M links there.
		const upper = (corpusSize * m * 4) / (m - 1);
		expect(text).toContain(`the 1 in ${m} nodes on upper layers add about ${formatBytes(upper)}, plus an 8-byte label per node`);
		const f32 = hnswFull(4);
		expect(text).toContain(`1,000,000,000 × (1,024 + 2 × 32 × 4 + 8) bytes + ${formatBytes(upper)} | ${formatBytes(f32)} |`);
		const i8 = hnswFull(1);
		expect(formatBytes(i8)).toBe('524.1 GB');
		expect(text).toContain(`1,000,000,000 × (256 + 2 × 32 × 4 + 8) bytes + ${formatBytes(upper)} | ${formatBytes(i8)} |`);
		// Links are about half of the int8 index.
		expect(links / i8).toBeGreaterThan(0.48);
		expect(links / i8).toBeLessThan(0.5);
	});

	it('sizes IVF-PQ with ids, centroids and codebooks', () => {
		expect(ivf).toBe(corpusSize * 40 + nlist * dims * 4 + 256 * dims * 4);
		expect(text).toContain(`1,000,000,000 × (32 + 8) bytes + 262,144 × 256 × 4 + 256 × 256 × 4 = ${formatBytes(ivf)}`);
		expect(formatBytes(ivf)).toBe('40.3 GB');
		expect(text).toContain(`| ${formatBytes(ivf)} + ${formatBytes(int8Vectors)} | ${formatBytes(ivf + int8Vectors)} |`);
		expect(formatBytes(ivf + int8Vectors)).toBe('296.3 GB');
	});

	it('turns memory into shards and machines for each index', () => {
		const shardsFor = (bytes: number) => Math.ceil(bytes / (hostIndexGb * 1e9));
		const f32 = hnswFull(4);
		const i8 = hnswFull(1);
		expect(shardsFor(f32)).toBe(33);
		expect(shardsFor(i8)).toBe(14);
		expect(shardsFor(ivf + int8Vectors)).toBe(shards);
		expect(shardsFor(ivf)).toBe(2);
		expect(text).toContain(`| HNSW, float32 | ${formatBytes(f32)} | 33 | ${33 * replicas} |`);
		expect(text).toContain(`| HNSW, int8 | ${formatBytes(i8)} | 14 | ${14 * replicas} |`);
		expect(text).toContain(`| IVF-PQ, int8 re-scoring | ${formatBytes(ivf + int8Vectors)} | ${shards} | ${shards * replicas} |`);
		expect(text).toContain(`| IVF-PQ, re-scoring from NVMe | ${formatBytes(ivf)} in RAM | 1 to 2 | ${2 * replicas} |`);
		expect(text).toContain(`${formatInt(peak)} QPS × 2 shards × 1,000 ≈ ${((peak * 2 * 1_000) / 1e6).toFixed(1)}M SSD reads a second`);
		const extra = (14 - shards) * replicas;
		expect(text).toContain(`in int8 would need ${extra} more machines, about $${formatInt(extra * 1.5 * 730)} a month`);
		// NVMe re-scoring: 6 machines instead of 24.
		const saved = shards * replicas - 2 * replicas;
		expect(saved).toBe(18);
		expect(text).toContain(`NVMe re-scoring saves ${saved} machines, about $${formatInt(saved * 1.5 * 730)} a month`);
		expect(fm.keyPoints.architecture.join(' ')).toContain(`would save $${formatInt(saved * 1.5 * 730)} a month`);
		const perHost = (peak * 2 * 1_000) / (2 * replicas);
		expect((perHost / 1e6).toFixed(1)).toBe('1.2');
		expect(text).toContain('about 1.2M random reads a second per host');
		expect(4096 / 256).toBe(16);
		expect(text).toContain('(16× read amplification)');
		expect(text).toContain(`at ${formatBytes((ivf + int8Vectors) / shards, 0)} each (${formatBytes(ivf + int8Vectors)} ÷ ${shards})`);
	});

	it('computes the IVF-PQ scan per query', () => {
		const codes = (corpusSize * nprobe) / nlist;
		expect(text).toContain(`1,000,000,000 × 64 ÷ 262,144 ≈ ${formatInt(codes)} PQ codes per query`);
		const lookups = codes * pqBytes;
		const ms = lookups / 1e6; // 1 ns per lookup
		expect(text).toContain(`${formatInt(codes)} × 32 table lookups ≈ ${(lookups / 1e6).toFixed(1)}M lookups ≈ ${ms.toFixed(1)} ms of CPU at 1 ns each, about ${Math.round(ms / shards)} ms on each of ${shards} shards`);
		expect(text).toContain(`${formatInt(peak)} QPS × ${ms.toFixed(1)} ms ≈ ${Math.round((peak * ms) / 1000)} cores fleet-wide`);
		expect(((nprobe / nlist) * 100).toFixed(3)).toBe('0.024');
		expect(text).toContain('64 of 262,144 lists is 0.024% of the data');
		// At nprobe 256.
		const ms256 = (((corpusSize * 256) / nlist) * pqBytes) / 1e6;
		expect(text).toContain(`at nprobe 256 the scan is ${ms256.toFixed(1)} ms of CPU, about ${Math.round(ms256 / shards)} ms on each shard and ${Math.round((peak * ms256) / 1000)} cores fleet-wide`);
		// List-count rule and k-means training set.
		expect(text).toContain(`(${formatInt(4 * Math.sqrt(corpusSize))} to ${formatInt(16 * Math.sqrt(corpusSize))} for 1B)`);
		expect(text).toContain(`${((30 * nlist) / 1e6).toFixed(1)}M to ${((256 * nlist) / 1e6).toFixed(1)}M`);
		// Per-market eligibility bitmaps on one shard.
		const bitmap = corpusSize / shards / 8;
		expect(text).toContain(`125,000,000 bits per shard ÷ 8 = ${formatBytes(bitmap)} per market, ${formatBytes(bitmap * 40, 0)} for 40 markets`);
	});

	it('sizes the HNSW delta index', () => {
		const delta = hnswIndexBytes(10_000_000, dims, 32, 1);
		expect(text).toContain(`10,000,000 × (256 + 256) bytes = ${formatBytes(delta)}`);
		expect(10_000_000 / 5_000_000).toBe(2);
		const gpuHours = (5_000_000 * encoderGflop * 1e9) / 40e12 / 3600;
		expect(text).toContain(`5,000,000 × 35 GFLOP ÷ 40 TFLOP/s ≈ ${gpuHours.toFixed(1)} GPU-hours a day`);
		// Corpus-side detection of arrivals, and a full re-detect.
		expect(text).toContain(`5,000,000 × 80 GFLOP ÷ 40 TFLOP/s ≈ ${((5_000_000 * 80e9) / 40e12 / 3600).toFixed(1)} GPU-hours a day`);
		expect(text).toContain(`1,000,000,000 × 80 GFLOP ÷ 40 TFLOP/s ≈ ${Math.round((corpusSize * 80e9) / 40e12 / 3600)} GPU-hours`);
		// Open-vocabulary detector.
		const ovd = (onlineDetectQps * 400) / 1000;
		expect(text).toContain(`868 QPS × 400 GFLOP ≈ ${ovd.toFixed(1)} TFLOP/s ≈ ${Math.ceil(ovd / 20)} GPUs (${2 * Math.ceil(ovd / 20)} with headroom) instead of 8`);
		expect(text).toContain(`5,000,000 × 400 GFLOP ÷ 40 TFLOP/s ≈ ${((5_000_000 * 400e9) / 40e12 / 3600).toFixed(1)} GPU-hours a day`);
	});
});

describe('visual-search: training data', () => {
	it('states impressions and positives per day', () => {
		expect(text).toContain(`${formatInt(queriesPerDay)} queries × 20 results = ${formatCount(queriesPerDay * 20)} impressions per day`);
		const positives = queriesPerDay * 0.2;
		expect(text).toContain(`× 20% of queries with a shopping action = ${formatInt(positives)} positive pairs per day`);
		expect(text).toContain(`${formatInt(positives)} × 30 days = ${formatInt(positives * 30)} pairs`);
	});

	it('computes one training epoch', () => {
		const flop = 200_000_000 * 3 * encoderGflop * 1e9 * 3;
		expect(text).toContain(`= ${(flop / 1e19).toFixed(1)} × 10^19 FLOP per epoch`);
		const gpuHours = flop / 100e12 / 3600;
		expect(text).toContain(`≈ ${Math.round(gpuHours)} GPU-hours ≈ ${(gpuHours / 32).toFixed(1)} hours on 32 GPUs`);
	});
});

describe('visual-search: latency budget', () => {
	const table = [
		{ name: 'edge', ms: 40 },
		{ name: 'detection', ms: 30 },
		{ name: 'embedding', ms: 20 },
		{ name: 'ann', ms: 50 },
		{ name: 'collapse', ms: 20 },
		{ name: 'ranking', ms: 40 },
		{ name: 're-ranking', ms: 15 },
		{ name: 'hydration', ms: 25 },
		{ name: 'headroom', ms: 60 },
	];

	it('latency table sums exactly to the budget', () => {
		const r = latencyBudget(latencyBudgetMs, table);
		expect(r.usedMs).toBe(300);
		expect(r.over).toBe(false);
		expect(text).toContain(`| **Total** | **${r.usedMs}** |`);
	});

	it('online pipeline stages match the table', () => {
		const online = onlineStages(fm);
		const sum = online.reduce((a: number, s: { latencyMs?: number }) => a + (s.latencyMs ?? 0), 0);
		expect(sum).toBe(200);
		expect(text).toContain(`Pipeline stages sum to ${sum} ms`);
		expect(sum + 40 + 60).toBe(latencyBudgetMs);
		const items = online.filter((s: { items?: number }) => s.items).map((s) => s.items);
		expect(items).toEqual([1000, 300, 100, 20, 20]);
		expect(items[items.length - 1]).toBe(itemsPerRequest);
	});
});

describe('visual-search: models and their cost', () => {
	it('ViT-B/16 parameters and FLOPs', () => {
		expect(text).toContain(`12 layers × 12 × 768² ≈ ${(vitBParams / 1e6).toFixed(1)}M parameters`);
		expect(Math.round(vitBFlop / 1e9)).toBe(encoderGflop);
		expect(text).toContain(`≈ ${encoderGflop} GFLOP per image`);
	});

	it('online GPUs for embedding and detection', () => {
		const tflops = (onlineEmbedQps * encoderGflop) / 1000;
		const gpus = Math.ceil(tflops / 20);
		expect(text).toContain(`${formatInt(onlineEmbedQps)} QPS × 35 GFLOP ≈ ${tflops.toFixed(1)} TFLOP/s ÷ 20 TFLOP/s sustained per GPU ≈ ${gpus} GPUs, ${gpus * 2} with zone headroom`);
		const det = (onlineDetectQps * 80) / 1000;
		const detGpus = Math.ceil(det / 20);
		expect(text).toContain(`${formatInt(onlineDetectQps)} QPS × 80 GFLOP ≈ ${det.toFixed(1)} TFLOP/s ≈ ${detGpus} GPUs, ${detGpus * 2} with headroom`);
	});

	it('ViT-L/14 as the bigger encoder', () => {
		const params = 24 * 12 * 1024 ** 2;
		const flop = 2 * params * 257 + 4 * 257 ** 2 * 1024 * 24;
		expect(text).toContain(`24 layers × 12 × 1,024² ≈ ${Math.round(params / 1e6)}M parameters, about ${Math.round(flop / 1e9)} GFLOP per image`);
		const tflops = (onlineEmbedQps * flop) / 1e12;
		const gpus = Math.ceil(tflops / 20);
		expect(text).toContain(`about ${Math.round(tflops)} TFLOP/s, ${gpus} GPUs (${gpus * 2} with headroom)`);
		const backfill = (corpusSize * flop) / 40e12 / 3600;
		expect(text).toContain(`about ${formatInt(backfill)} GPU-hours per re-embedding instead of ${formatInt((corpusSize * encoderGflop * 1e9) / 40e12 / 3600)}`);
	});

	it('re-embedding the corpus with the production encoder', () => {
		const gpuHours = (corpusSize * encoderGflop * 1e9) / 40e12 / 3600;
		expect(text).toContain(`1,000,000,000 × 35 GFLOP ÷ 40 TFLOP/s sustained ≈ ${Math.round(gpuHours)} GPU-hours, about $${Math.round(gpuHours)} at $1 per GPU-hour`);
		expect(storageBytes(corpusSize, 100_000)).toBe(100e12);
		// Ten times the catalogue (follow-up).
		expect(text).toContain(`about ${formatInt(Math.round(gpuHours) * 10)} GPU-hours of ViT-B/16`);
		expect(text).toContain(`become ${formatBytes(embeddingBytes(10 * corpusSize, dims, 1))}`);
		expect(text).toContain(`(about ${formatBytes(10 * corpusSize * 40)})`);
	});

	it('VLM judge offline and the cost of running it online', () => {
		const tokens = 2 * 576 + 200;
		expect(Math.abs(tokens - 1_350)).toBeLessThan(5);
		const perJudgment = 2 * 7e9 * 1_350;
		expect(text).toContain(`2 × 7B parameters × 1,350 tokens ≈ ${(perJudgment / 1e12).toFixed(1)} TFLOP per judgment`);
		const weekly = 5_000 * 100;
		const gpuHours = (weekly * perJudgment) / 200e12 / 3600;
		expect(text).toContain(`5,000 queries × 100 results = ${formatInt(weekly)} judgments × ${(perJudgment / 1e12).toFixed(1)} TFLOP ÷ 200 TFLOP/s ≈ ${gpuHours.toFixed(1)} GPU-hours a week`);
		const online = peak * 50 * perJudgment;
		expect(text).toContain(`${formatInt(peak)} QPS × 50 × ${(perJudgment / 1e12).toFixed(1)} TFLOP ≈ ${formatInt(online / 1e15)} PFLOP/s ≈ ${formatInt(online / 200e12)} GPUs`);
		expect(text).toContain(`About ${Math.round(online / 200e12 / 1000)}k GPUs`);
		expect(Math.round((576 / 1_350) * 100)).toBe(43);
	});

	it('human judgement volume', () => {
		expect(5_000 * 20).toBe(100_000);
		const lo = 100_000 * 1.2;
		const hi = 200_000 * 1.2;
		expect(text).toContain(`${formatInt(lo)} × 10 s ≈ ${Math.round((lo * 10) / 3600)} to ${formatInt(hi)} × 10 s ≈ ${Math.round((hi * 10) / 3600)} rater-hours`);
	});

	it('exact-match verifier', () => {
		const tflops = (peak * 0.3 * 5 * 20) / 1000;
		const gpus = Math.ceil(tflops / 20);
		expect(text).toContain(`${formatInt(peak)} QPS × 30% × 5 pairs × 20 GFLOP ≈ ${tflops.toFixed(1)} TFLOP/s ÷ 20 TFLOP/s ≈ ${gpus} GPUs, ${gpus * 2} with headroom`);
	});

	it('ViT token counts at higher resolution', () => {
		expect((336 / 16) ** 2).toBe(441);
		expect((384 / 16) ** 2).toBe(576);
		expect((441 / 196).toFixed(1)).toBe('2.3');
		expect(Math.round(576 / 196)).toBe(3);
		expect(text).toContain('about 2.3 to 3 times the FLOPs (441 or 576 patches instead of 196)');
	});

	it('model-upgrade batch work', () => {
		expect(text).toContain(`about ${formatInt((1e9 * 0.005) / 3600)} CPU-core-hours`);
		const pins = Math.round((500_000_000 * encoderGflop * 1e9) / 40e12 / 3600);
		expect(text).toContain(`500,000,000 × 35 GFLOP ÷ 40 TFLOP/s ≈ ${pins} GPU-hours`);
		expect(text).toContain(`243 + 556 + ${pins} = ${243 + 556 + pins} GPU-hours`);
		expect(text).toContain(`24 × $1.50 × 730 = $${formatInt(24 * 1.5 * 730)}`);
	});

	it('logQ offsets', () => {
		expect(-Math.log(1e-5)).toBeGreaterThan(11);
		expect(Math.floor(-Math.log(1e-8))).toBe(18);
		expect(text).toContain('adds 11 to 18 to every corrected logit');
	});
});

describe('visual-search: metrics', () => {
	it('average precision worked example', () => {
		const ap = (1 / 1 + 2 / 3 + 3 / 6) / 3;
		expect(text).toContain(`AP = (1/1 + 2/3 + 3/6) ÷ 3 = (1 + ${(2 / 3).toFixed(4)} + 0.5) ÷ 3 = ${ap.toFixed(4)}`);
	});

	it('exact-search volume for the daily ANN recall check', () => {
		const macs = 1_000 * corpusSize * dims;
		expect(text).toContain(`1,000 queries × 1,000,000,000 vectors × 256 dimensions = ${(macs / 1e14).toFixed(2)} × 10^14 multiply-adds, one pass over ${formatBytes(embeddingBytes(corpusSize, dims, 2))}`);
	});
});

describe('visual-search: experiment', () => {
	const za = normalQuantile(0.975);
	const zb = normalQuantile(0.8);
	const population = 60_000_000;
	const armShare = 0.08;
	const perArm = sampleSizePerArm({ baseline: 0.5, absoluteEffect: 0.001, alpha: 0.05, power: 0.8 });

	it('justifies the per-user baseline', () => {
		// Visit days in a 7-day window, and queries in them.
		expect(((7 * dailyActiveUsers) / population).toFixed(1)).toBe('2.3');
		expect(Math.round(((7 * dailyActiveUsers) / population) * requestsPerUserPerDay)).toBe(12);
		expect(text).toContain('about 2.3 of 7 days, about 12 queries');
	});

	it('prints the z values and the users per arm', () => {
		expect(text).toContain(`z = ${za.toFixed(6)} and ${zb.toFixed(6)}`);
		expect(perArm).toBe(3_924_435);
		expect(text).toContain(`That is ${formatInt(perArm)} users per arm (about ${(perArm / 1e6).toFixed(1)}M)`);
		expect(0.001 / 0.5).toBe(0.002);
		expect(text).toContain('0.1 points (0.2% relative)');
	});

	it('5% per arm can never reach the size', () => {
		const ceiling = 0.05 * population;
		expect(ceiling).toBeLessThan(perArm);
		expect(text).toContain(`0.05 × 60M = ${(ceiling / 1e6).toFixed(1)}M distinct users`);
		expect(experimentDaysUnique(perArm, population, dailyActiveUsers, 2, 0.1)).toBe(Number.POSITIVE_INFINITY);
	});

	it('enrolment at 8% per arm counts distinct users', () => {
		const at = (d: number) => armShare * uniqueUsersAfterDays(population, dailyActiveUsers, d);
		expect(text).toContain(`4 days: 0.08 × 60M × (1 − (2/3)^4) = ${formatInt(at(4))} < ${formatInt(perArm)}`);
		expect(at(4)).toBeLessThan(perArm);
		expect(text).toContain(`5 days: 0.08 × 60M × (1 − (2/3)^5) = ${formatInt(at(5))} ≥ ${formatInt(perArm)}`);
		expect(at(5)).toBeGreaterThanOrEqual(perArm);
		const unique = experimentDaysUnique(perArm, population, dailyActiveUsers, 2, 2 * armShare);
		const naive = experimentDays(perArm, dailyActiveUsers, 2, 2 * armShare);
		expect(unique).toBe(5);
		expect(naive).toBe(3);
		expect(text).toContain(`Enrolment takes ${unique} days; counting each day's users as new would say ${naive} (${formatCount(dailyActiveUsers * armShare)} a day per arm)`);
		expect(text).toContain(`the minimum is ${unique + 7} days`);
	});
});

describe('visual-search: serving capacity and cost', () => {
	it('ranking fleet', () => {
		const evals = 300 * 500;
		expect(text).toContain(`= ${formatInt(evals)} tree evaluations per query`);
		const cpuSeconds = (evals * 100) / 1e9;
		expect(text).toContain(`${Math.round(cpuSeconds * 1000)} ms of CPU`);
		const cores = peak * cpuSeconds;
		expect(text).toContain(`${formatInt(peak)} × ${cpuSeconds} s ≈ ${cores.toFixed(1)} cores`);
		const atHalf = Math.ceil(cores / 0.5);
		expect(text).toContain(`at 50% utilisation ${atHalf} cores`);
		expect(text).toContain(`${atHalf * 2} cores ÷ 32 vCPU ≈ ${((atHalf * 2) / 32).toFixed(1)}, so ${Math.ceil((atHalf * 2) / 32)} machines`);
	});

	it('fleet total and cost per 1,000 queries', () => {
		const machines = shards * replicas + 3 + 9 + 9 + 9;
		expect(text).toContain(`= ${machines} machines × $1.50 × 730 hours = $${formatInt(machines * 1.5 * 730)} a month`);
		const gpus = 6 + 8 + 12;
		expect(text).toContain(`${gpus} × $1.00 × 730 = $${formatInt(gpus * 730)} a month`);
		const monthly = machines * 1.5 * 730 + gpus * 730;
		expect(text).toContain(`Total $${formatInt(monthly)} a month`);
		const perMonth = queriesPerDay * 30;
		expect(text).toContain(`= ${formatCount(perMonth)} queries`);
		const per1000 = monthly / (perMonth / 1000);
		expect(text).toContain(`$${per1000.toFixed(4)} per 1,000 queries (about ${(per1000 * 100).toFixed(1)} cents)`);
	});
});

describe('visual-search: key points', () => {
	it('has 3-6 short key points for every framework section', () => {
		expect(keyPointShapeProblems(fm)).toEqual([]);
	});

	it('every number in a key point appears in the body', () => {
		expect(keyPointNumbersMissing(fm, [body])).toEqual([]);
	});
});
