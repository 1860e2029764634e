import { describe, it, expect } from 'vitest';
import {
	averageQps,
	peakQps,
	embeddingBytes,
	storageBytes,
	formatInt,
	formatCount,
	formatBytes,
	hnswIndexBytes,
	ivfPqIndexBytes,
	recalibrateDownsampled,
} from '../../../src/lib/numbers/estimates.ts';
import { sampleSizePerArm, experimentDaysUnique, uniqueUsersAfterDays, normalQuantile } from '../../../src/lib/numbers/stats.ts';
import { unsupportedNumbers } from '../../../src/lib/content/key-point-numbers.ts';
import { keyPointShapeProblems, onlineStages, readCase, words } from './helpers.ts';

const { text, fm, body } = readCase('people-you-may-know');
const { dailyActiveUsers, requestsPerUserPerDay, peakFactor, corpusSize, latencyBudgetMs, itemsPerRequest } = fm.scale;
const keyPoints = (id: string) => (fm.keyPoints[id] as string[]).join(' ');

const requestsPerDay = dailyActiveUsers * requestsPerUserPerDay;
const peak = peakQps(dailyActiveUsers, requestsPerUserPerDay, peakFactor);
const activeMembers = 400_000_000;
const dims = 128;

describe('people-you-may-know: scale and traffic', () => {
	it('uses the scale the case states', () => {
		expect(dailyActiveUsers).toBe(150_000_000);
		expect(requestsPerUserPerDay).toBe(2);
		expect(peakFactor).toBe(3);
		expect(corpusSize).toBe(1_000_000_000);
		expect(latencyBudgetMs).toBe(250);
		expect(itemsPerRequest).toBe(20);
	});

	it('states requests per day, average and peak QPS', () => {
		expect(text).toContain(`= ${formatInt(requestsPerDay)} requests per day`);
		const avg = averageQps(dailyActiveUsers, requestsPerUserPerDay);
		expect(formatInt(avg)).toBe('3,472');
		expect(text).toContain(`${formatInt(requestsPerDay)} ÷ 86,400 s ≈ ${formatInt(avg)} QPS average`);
		expect(formatInt(peak)).toBe('10,417');
		expect(text).toContain(`≈ ${formatInt(peak)} QPS peak`);
		expect(keyPoints('estimates')).toContain('300M requests a day is about 3,472 QPS average and 10,417 QPS at peak');
	});

	it('latency stages sum to the budget', () => {
		const stages = onlineStages(fm).map((s) => s.latencyMs ?? Number.NaN);
		const sum = stages.reduce((a: number, b: number) => a + b, 0);
		expect(sum).toBe(200);
		expect(sum + 20 + 30).toBe(latencyBudgetMs);
		expect(text).toContain('Pipeline stages sum to 200 ms');
	});
});

describe('people-you-may-know: graph and fan-out', () => {
	it('sizes the adjacency lists', () => {
		const entries = corpusSize * 100;
		expect(text).toContain(`= ${formatCount(entries)} adjacency entries`);
		const bytes = storageBytes(entries, 5);
		expect(formatBytes(bytes)).toBe('500 GB');
		expect(text).toContain(`100B entries × (4-byte member id + 1-byte edge strength) = ${formatBytes(bytes)}`);
		expect(bytes / 16 / 1e9).toBe(31.25);
		expect(text).toContain('500 GB ÷ 16 shards = 31.25 GB per shard, 48 machines with 3 replicas');
		expect((2 ** 32 / 1e9).toFixed(2)).toBe('4.29');
		expect(text).toContain('covers 4.29 billion members');
	});

	it('computes friends-of-friends paths, capped and uncapped', () => {
		expect(300 * 1_500).toBe(450_000);
		expect(text).toContain('300 connections × 1,500 neighbours each = 450,000 two-hop paths');
		expect(300 * 200).toBe(60_000);
		expect(Math.round((60_000 / 450_000) * 100)).toBe(13);
		expect(text).toContain('top 300 connections by edge strength × 200 sampled from each = 60,000 paths (13% of 450,000)');
		expect(keyPoints('estimates')).toContain('450,000 two-hop paths; sampling 200 per neighbour keeps 60,000 (13%)');
		// A dormant colleague with ten mutuals of 1,500 connections each, 200 sampled per mutual.
		expect(((10 * 200) / 1_500).toFixed(1)).toBe('1.3');
		expect(text).toContain('still collects about 1.3 paths');
		// Sequential sampling pass over the full lists.
		expect(300 * 1_500 * 5).toBe(2_250_000);
		expect(Math.round((300 * 1_500 * 5 * peak) / 1e9)).toBe(23);
		expect(text).toContain('300 × 1,500 × 5 bytes = 2.25 MB per request, about 23 GB/s at peak');
		expect(60_000 * 200).toBe(12_000_000);
		expect(text).toContain('60,000 × 200 = 12M paths per request');
	});

	it('online two-hop cost against a nightly join', () => {
		const cores = (peak * 60_000 * 50) / 1e9;
		expect(cores).toBeCloseTo(31.25, 6);
		expect(text).toContain(`10,417 QPS × 60,000 paths at about 50 ns per hash-map update is about ${cores} cores`);
		const paths = activeMembers * 60_000;
		expect(paths).toBe(2.4e13);
		expect(text).toContain('400M × 60,000 = 2.4 × 10^13 paths');
		expect(formatBytes(paths * 12)).toBe('288 TB');
		expect(text).toContain('2.4 × 10^13 × 12 bytes ≈ 288 TB');
	});

	it('5 billion members need wider ids', () => {
		expect(5e9).toBeGreaterThan(2 ** 32);
		const bytes = 500e9 * 6;
		expect(formatBytes(bytes)).toBe('3 TB');
		expect(bytes / 31.25e9).toBe(96);
		expect(text).toContain('500B entries × 6 bytes = 3.0 TB, 96 shards of 31.25 GB');
	});

	it('nearline two-hop lists for the halved budget', () => {
		expect(formatBytes(activeMembers * 1_000 * 8)).toBe('3.2 TB');
		expect(text).toContain('400M × 1,000 × 8 bytes = 3.2 TB');
		expect(300 + 1_500).toBe(1_800);
		expect(20e6 * 1_800).toBe(3.6e10);
		expect(text).toContain('about 1,800 updates, so an assumed 20M new edges a day is\n      3.6 × 10^10 updates');
	});
});

describe('people-you-may-know: embedding index and stores', () => {
	it('sizes embeddings and HNSW', () => {
		expect(text).toContain(`| 400,000,000 × 128 × 4 bytes | ${formatBytes(embeddingBytes(activeMembers, dims))} |`);
		expect(text).toContain(`| 400,000,000 × 128 × 1 byte | ${formatBytes(embeddingBytes(activeMembers, dims, 1))} |`);
		const hnsw = hnswIndexBytes(activeMembers, dims, 32, 1);
		expect(formatBytes(hnsw)).toBe('153.6 GB');
		expect(text).toContain(`| 400,000,000 × (128 + 2 × 32 × 4) bytes | ${formatBytes(hnsw)} |`);
		const largest = hnswIndexBytes(120_000_000, dims, 32, 1);
		expect(formatBytes(largest)).toBe('46.1 GB');
		expect(text).toContain(`| 120,000,000 × 384 bytes | ${formatBytes(largest)} |`);
		// Layer-0 links are two thirds of the int8 index; upper layers add M·4/(M−1) bytes per node, about 1%.
		expect((2 * 32 * 4) / (128 + 2 * 32 * 4)).toBeCloseTo(2 / 3, 9);
		const upper = (32 * 4) / 31 / 384;
		expect(Math.round(upper * 100)).toBe(1);
		expect(text).toContain('upper layers add about 1% more');
	});

	it('sizes IVF-PQ and the PPR store', () => {
		const ivf = ivfPqIndexBytes(activeMembers, dims, 65_536, 16, 8);
		expect(formatBytes(ivf)).toBe('9.6 GB');
		expect(text).toContain(`| 400,000,000 × (16 + 8) bytes + centroids | ${formatBytes(ivf)} |`);
		expect(Math.round(hnswIndexBytes(activeMembers, dims, 32, 1) / ivf)).toBe(16);
		expect(text).toContain('IVF-PQ would be 16 times smaller');
		// Daily rebuild: new index loaded beside the old one.
		const largest = hnswIndexBytes(120_000_000, dims, 32, 1);
		expect(formatBytes(2 * largest)).toBe('92.2 GB');
		expect(2 * largest).toBeLessThan(128e9);
		expect(text).toContain('2 × 46.1 GB = 92.2 GB, so 128 GB hosts');
		expect(formatBytes(storageBytes(activeMembers * 200, 8))).toBe('640 GB');
		expect(text).toContain('| 400,000,000 × 200 × 8 bytes | 640 GB |');
	});
});

describe('people-you-may-know: training data and labels', () => {
	it('daily funnel from viewed cards to engaged connections', () => {
		const served = requestsPerDay * 20;
		const viewed = served * 0.4;
		expect(formatCount(viewed)).toBe('2.4B');
		expect(text).toContain('300,000,000 requests × 20 cards = 6B cards served, 40% viewed = 2.4B viewed cards a day');
		const invites = viewed * 0.01;
		expect(text).toContain(`2.4B × 1% invited = ${formatInt(invites)} invitations a day`);
		const accepts = invites * 0.4;
		expect(text).toContain(`${formatInt(invites)} × 40% accepted within 14 days = ${formatInt(accepts)} accepted a day`);
		const engaged = accepts * 0.25;
		expect(text).toContain(`${formatInt(accepts)} × 25% with a two-way interaction within 14 days = ${formatInt(engaged)} engaged connections a day`);
	});

	it('full-list logging at 0.1% of requests', () => {
		const logged = requestsPerDay * 0.001;
		expect(logged).toBe(300_000);
		expect(logged * 2_000).toBe(600e6);
		expect(formatBytes(logged * 2_000 * 60 * 4)).toBe('144 GB');
		expect(requestsPerDay * 0.01 * 2_000 * 60 * 4).toBe(1.44e12);
		expect(text).toContain('300,000 requests × 2,000 = 600M rows, about 144 GB a day at 60 float32 features (1% would be 1.44 TB)');
	});

	it('downsampled negatives and recalibration', () => {
		const negatives = 2.4e9 - 24e6;
		expect(negatives * 0.05).toBeCloseTo(118.8e6, 0);
		expect(negatives * 0.05 + 24e6).toBeCloseTo(142.8e6, 0);
		expect(text).toContain('2.376B negatives × 5% = 118.8M, plus 24M positives = 142.8M rows a day');
		const q = recalibrateDownsampled(0.1, 0.05);
		expect(q.toFixed(4)).toBe('0.0055');
		expect(text).toContain('a raw 0.10 is 0.0055');
		expect(fm.keyPoints.data.join(' ')).toContain('0.10 on sampled data is 0.0055');
		expect(Math.round(0.1 / q)).toBe(18);
		expect(text).toContain('inflated 18-fold near 0.1');
	});

	it('label windows add up to 29 days', () => {
		expect(1 + 14 + 14).toBe(29);
		expect(text).toContain("A card's full outcome is known 29 days after the impression (1 + 14 + 14)");
		const day = (month: number, d: number) => new Date(Date.UTC(2026, month, d)).toISOString().slice(0, 10);
		// Test cards up to 7 September: interaction windows close by 6 October, read on 7 October.
		expect(day(8, 7 + 29)).toBe('2026-10-06');
		expect(text).toContain('tests on cards from 1 to 7 September, read on 7 October');
		// Production on 5 October: cards to 3 October, invitations and acceptances to 20 September (14 full days).
		expect(day(9, 3 + 1)).toBe('2026-10-04');
		expect(day(8, 20 + 14)).toBe('2026-10-04');
		expect(text).toContain('| Interaction | 14 days after acceptance | Connections accepted up to 20 September |');
		// Backtest with 1 September as today: every training label matured by 31 August.
		expect(day(7, 30 + 1)).toBe('2026-08-31');
		expect(day(7, 17 + 14)).toBe('2026-08-31');
		expect(text).toContain('invite head on cards up to 30 August; accept, report and interaction heads on invitations or acceptances up to 17 August');
	});
});

describe('people-you-may-know: scores and pair features', () => {
	it('expected-value score for the worked example', () => {
		const score = (inv: number, acc: number, int: number, beta = 1, gamma = 0.2, delta = 0, rep = 0) => inv * (acc * (1 + beta * int) - gamma * (1 - acc) - delta * rep);
		expect(score(0.05, 0.8, 0.5)).toBeCloseTo(0.058, 12);
		expect(0.8 * 1.5 - 0.2 * 0.2).toBeCloseTo(1.16, 12);
		expect(text).toContain('0.05 × (0.8 × (1 + 0.5) − 0.2 × 0.2) = 0.05 × 1.16 = 0.058');
		expect(score(0.15, 0.1, 0.1)).toBeCloseTo(-0.0105, 12);
		expect(0.1 * 1.1 - 0.2 * 0.9).toBeCloseTo(-0.07, 12);
		expect(text).toContain('0.15 × (0.1 × (1 + 0.1) − 0.2 × 0.9) = 0.15 × (−0.07) = −0.0105');
	});

	it('Adamic–Adar example', () => {
		const aa = 1 / Math.log(10) + 1 / Math.log(100) + 1 / Math.log(10_000);
		expect(aa.toFixed(4)).toBe('0.7600');
		expect((1 / Math.log(10)).toFixed(4)).toBe('0.4343');
		expect((1 / Math.log(100)).toFixed(4)).toBe('0.2171');
		expect((1 / Math.log(10_000)).toFixed(4)).toBe('0.1086');
		expect(text).toContain('1/ln 10 + 1/ln 100 + 1/ln 10,000 = 0.4343 + 0.2171 + 0.1086 = 0.7600');
		expect((2 / Math.log(10)).toFixed(4)).toBe('0.8686');
		expect(text).toContain('2 × 1/ln 10 = 0.8686');
		expect(2_000 * (300 + 1_500)).toBe(3_600_000);
		expect(text).toContain('2,000 candidates × (300 + 1,500) = 3.6M comparisons per request');
		const perSecond = 3.6e6 * peak;
		expect((perSecond / 1e10).toFixed(2)).toBe('3.75');
		expect(perSecond * 1e-9).toBeCloseTo(37.5, 3);
		expect(text).toContain('3.6M × 10,417 QPS ≈ 3.75 × 10^10 a second × 1 ns ≈ 37.5 cores across the graph fleet');
		expect(keyPoints('features')).toContain('about 37.5 cores at peak');
	});
});

describe('people-you-may-know: model costs', () => {
	const weights = 512 * 1_024 + 1_024 * 512 + 512 * 256 + 256 * 4;
	const flopPerCandidate = 2 * weights;
	const flopPerRequest = flopPerCandidate * 300;
	const heavyCores = (flopPerRequest * peak) / 20e9;

	it('heavy ranker weights and FLOPs', () => {
		expect(weights).toBe(1_180_672);
		expect(text).toContain(`512 × 1,024 + 1,024 × 512 + 512 × 256 + 256 × 4 = ${formatInt(weights)} weights (about 1.2M)`);
		expect((flopPerCandidate / 1e6).toFixed(2)).toBe('2.36');
		expect((flopPerRequest / 1e6).toFixed(1)).toBe('708.4');
		expect(text).toContain('≈ 2.36 MFLOP per candidate × 300 candidates ≈ 708.4 MFLOP per request');
		expect(((flopPerRequest * peak) / 1e12).toFixed(1)).toBe('7.4');
		expect(Math.ceil(heavyCores)).toBe(369);
		expect(text).toContain('708.4 MFLOP × 10,417 QPS ≈ 7.4 TFLOP/s ÷ 20 GFLOP/s per core ≈ 369 CPU cores at peak');
	});

	it('Monte Carlo PPR cost and accuracy', () => {
		const stepsPerWalk = (1 - 0.15) / 0.15;
		expect(stepsPerWalk.toFixed(2)).toBe('5.67');
		expect(text).toContain('(1 − α)/α ≈ 5.67');
		const steps = activeMembers * 2_000 * stepsPerWalk;
		expect((steps / 1e12).toFixed(2)).toBe('4.53');
		expect(text).toContain('400,000,000 members × 2,000 walks × 5.67 steps ≈ 4.53 × 10^12 steps a day');
		const coreHours = (steps * 100e-9) / 3_600;
		expect(Math.round(coreHours)).toBe(126);
		expect(text).toContain('4.53 × 10^12 × 100 ns per random memory access ≈ 126 core-hours a day');
		expect(text).toContain('PPR about 126 core-hours a day');
		// Endpoint hits against visit counts (expected visits per walk = π/α).
		expect(2_000 * 5e-4).toBeCloseTo(1, 12);
		const visits = (2_000 * 5e-4) / 0.15;
		expect(visits.toFixed(1)).toBe('6.7');
		expect(Math.round(100 / Math.sqrt(visits))).toBe(39);
		expect(text).toContain('2,000 × 5 × 10^-4 ÷ 0.15 ≈ 6.7 visits, still about ±39%');
	});

	it('GNN daily inference', () => {
		expect(corpusSize * 25 * 256 * 2).toBe(12.8e12);
		expect(text).toContain('layer 1: 1,000,000,000 members × 25 neighbours × 256 dimensions × 2 bytes = 12.8 TB gathered');
		expect((activeMembers * 10 * 128 * 2) / 1e12).toBeCloseTo(1.024, 9);
		expect(text).toContain('layer 2: 400,000,000 active × 10 neighbours × 128 dimensions × 2 bytes ≈ 1.02 TB gathered');
		const flop = corpusSize * 2 * (512 * 128) + activeMembers * 2 * (256 * 128);
		expect((flop / 1e14).toFixed(2)).toBe('1.57');
		expect(text).toContain('FLOP: 1,000,000,000 × 2 × (512 × 128) + 400,000,000 × 2 × (256 × 128) ≈ 1.57 × 10^14');
	});

	it('viewer activity sequence encoder', () => {
		const w = 2 * 12 * 128 * 128;
		expect(w).toBe(393_216);
		const flop = 2 * w * 100;
		expect(Math.round(flop / 1e6)).toBe(79);
		const heavy = 2 * 1_180_672 * 300;
		expect(Math.round((flop / heavy) * 100)).toBe(11);
		expect(text).toContain('2 layers × 12 × 128² = 393,216 weights; 2 × 393,216 × 100 actions ≈ 79 MFLOP per request, 11% of the heavy ranker\'s 708.4 MFLOP');
		expect(keyPoints('model')).toContain('about 79 MFLOP per request');
	});

	it('LLM against distilled encoder for profiles', () => {
		const big = 1e9 * 300 * 2 * 7e9;
		expect(big).toBe(4.2e21);
		expect(formatInt(big / 200e12 / 3_600)).toBe('5,833');
		expect(text).toContain('= 4.2 × 10^21 FLOP ÷ 200 TFLOP/s ≈ 5,833 GPU-hours');
		const dollars = (big / 200e12 / 3_600) * 2.5;
		expect(formatInt(dollars)).toBe('14,583');
		expect(text).toContain('5,833 GPU-hours ≈ $14,583 a backfill');
		expect(Math.round(dollars / 1_000)).toBe(15);
		expect(text).toContain('About $15k a backfill');
		expect(keyPoints('model')).toContain('5,833 GPU-hours, about $15k');
		expect(((3e6 / 1e9) * (big / 200e12 / 3_600)).toFixed(1)).toBe('17.5');
		expect(text).toContain('3M edited profiles a day ÷ 1B × 5,833 = 17.5 GPU-hours a day');
		const small = 1e9 * 300 * 2 * 110e6;
		expect(small).toBeCloseTo(6.6e19, -10);
		expect(Math.round(small / 200e12 / 3_600)).toBe(92);
		expect(text).toContain('= 6.6 × 10^19 FLOP ÷ 200 TFLOP/s ≈ 92 GPU-hours');
	});
});

describe('people-you-may-know: experiments', () => {
	const perArm = sampleSizePerArm({ baseline: 0.08, absoluteEffect: 0.0016, alpha: 0.05, power: 0.8 });

	it('member-level sample size with printed z values', () => {
		expect(normalQuantile(0.975).toFixed(6)).toBe('1.959964');
		expect(normalQuantile(0.8).toFixed(6)).toBe('0.841621');
		expect(text).toContain('z = 1.959964 and 0.841621');
		expect(perArm).toBe(455_427);
		expect(text).toContain(`That is ${formatInt(perArm)} viewers per arm (about ${(perArm / 1e6).toFixed(2)}M)`);
		expect(0.0016 / 0.08).toBeCloseTo(0.02, 12);
		expect(text).toContain('0.16 points, 2% relative');
	});

	it('enrolment counts returning members once', () => {
		expect(experimentDaysUnique(perArm, activeMembers, dailyActiveUsers, 2, 0.01)).toBe(1);
		expect(0.01 * uniqueUsersAfterDays(activeMembers, dailyActiveUsers, 1)).toBeGreaterThanOrEqual(2 * perArm);
		expect(text).toContain('even 0.5% per arm enrols that many in 1 day');
	});

	it('primary-metric baseline and read day share one definition', () => {
		const u14 = uniqueUsersAfterDays(activeMembers, dailyActiveUsers, 14);
		expect(Math.round(u14 / 1e6)).toBe(399);
		const share = (2.4e6 * 14) / u14;
		expect((share * 100).toFixed(1)).toBe('8.4');
		expect(text).toContain('2.4M engaged a day × 14 ÷ 399M members seen in 14 days ≈ 8.4%');
		expect(text).toContain('$`U(14)`$ ≈ 399M');
		expect(14 + 29).toBe(43);
		expect(text).toContain('read at day 43 (14 + 29)');
		expect(keyPoints('metrics')).toContain('baseline about 8%, read at day 43');
	});

	it('graph-cluster design effect and clusters needed', () => {
		const deff = 1 + (30_000 - 1) * 0.002;
		expect(deff.toFixed(3)).toBe('60.998');
		expect(text).toContain('design effect = 1 + (30,000 − 1) × 0.002 = 60.998 ≈ 61');
		const viewers = perArm * deff;
		expect(formatInt(viewers)).toBe('27,780,136');
		const clusters = Math.ceil(viewers / 30_000);
		expect(clusters).toBe(927);
		expect(text).toContain(`455,427 viewers × 60.998 ≈ ${formatInt(viewers)} viewers per arm ÷ 30,000 ≈ ${clusters} clusters per arm`);
		expect(((2 * clusters) / 10_000) * 100).toBeCloseTo(18.54, 6);
		expect(text).toContain(`2 × ${clusters} = ${formatInt(2 * clusters)} clusters, about 18.5% of the 10,000`);
		expect(10_000 * 40_000).toBe(activeMembers);
	});

	it('cluster power for smaller lifts, with CUPED', () => {
		const deff = 1 + (30_000 - 1) * 0.002;
		const n1 = sampleSizePerArm({ baseline: 0.08, absoluteEffect: 0.0008, alpha: 0.05, power: 0.8 });
		const n05 = sampleSizePerArm({ baseline: 0.08, absoluteEffect: 0.0004, alpha: 0.05, power: 0.8 });
		expect(n1).toBe(1_813_479);
		expect(n05).toBe(7_237_447);
		const c1 = Math.ceil((n1 * deff) / 30_000);
		const c05 = Math.ceil((n05 * deff) / 30_000);
		expect(c1).toBe(3_688);
		expect(Math.round(((2 * c1) / 10_000) * 100)).toBe(74);
		expect(text).toContain('1% lift: 1,813,479 viewers × 60.998 ÷ 30,000 ≈ 3,688 clusters per arm, 74% of all clusters');
		expect(c05).toBe(14_716);
		expect(c05).toBeGreaterThan(10_000);
		expect(text).toContain('0.5% lift: 7,237,447 viewers × 60.998 ÷ 30,000 ≈ 14,716 clusters per arm, more than exist');
		// CUPED with correlation 0.5 keeps 1 − 0.5² = 75% of the variance.
		expect(c1 * (1 - 0.5 ** 2)).toBe(2_766);
		expect(text).toContain('1% lift needs 3,688 × 0.75 ≈ 2,766 clusters per arm');
		expect(keyPoints('evaluation')).toContain('a 2% lift needs 927 clusters per arm, a 1% lift 3,688');
	});

	it('ego clusters without overlap', () => {
		expect(2 * perArm * 301).toBe(274_167_054);
		expect(text).toContain('2 × 455,427 × 301 = 274,167,054 members');
	});
});

describe('people-you-may-know: serving capacity and cost', () => {
	it('ranking fleet', () => {
		const light = (peak * 1_500 * 200 * 100) / 1e9;
		expect(light).toBeCloseTo(312.5, 6);
		expect(text).toContain('1,500 × 200 trees × 100 ns = 30 ms of CPU per request, 10,417 × 0.03 s ≈ 312.5 cores');
		const heavy = Math.ceil((2 * 1_180_672 * 300 * peak) / 20e9);
		const total = light + heavy + 31.25;
		expect(total).toBeCloseTo(712.75, 6);
		expect(Math.round(total / 0.5)).toBe(1_426);
		expect((Math.round(total / 0.5) / 32).toFixed(1)).toBe('44.6');
		expect(text).toContain('712.75 cores at peak, 1,426 at 50% utilisation ÷ 32 vCPU ≈ 44.6, so 45 machines');
	});

	it('fleet total and cost per 1,000 requests', () => {
		const machines = 48 + 15 + 12 + 45 + 18;
		expect(machines).toBe(138);
		const monthly = machines * 1.5 * 730;
		expect(text).toContain(`48 + 15 + 12 + 45 + 18 = ${machines} machines × $1.50 × 730 hours = $${formatInt(monthly)} a month`);
		const perMonth = requestsPerDay * 30;
		expect(text).toContain(`300,000,000 × 30 = ${formatCount(perMonth)} requests a month`);
		const per1000 = monthly / (perMonth / 1_000);
		expect(text).toContain(`$${formatInt(monthly)} ÷ 9,000,000 thousand requests ≈ $${per1000.toFixed(4)} per 1,000 requests (about ${(per1000 * 100).toFixed(1)} cents)`);
		expect(keyPoints('serving')).toContain(`About ${machines} machines, $${formatInt(monthly)} a month, about ${(per1000 * 100).toFixed(1)} cents per 1,000 requests`);
	});
});

describe('people-you-may-know: key points', () => {
	it('body stays within the word cap', () => {
		expect(words(body)).toBeLessThanOrEqual(7_200);
	});

	it('has 3-6 short key points for every framework section', () => {
		expect(keyPointShapeProblems(fm)).toEqual([]);
	});

	it('every number in a key point appears in the body or the scale', () => {
		const sources = [body, ...Object.values(fm.scale).map(String)];
		for (const [id, points] of Object.entries(fm.keyPoints as Record<string, string[]>)) {
			for (const p of points) expect(unsupportedNumbers(p, sources), `keyPoints.${id}: ${p}`).toEqual([]);
		}
	});
});
