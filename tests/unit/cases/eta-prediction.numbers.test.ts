import { describe, it, expect } from 'vitest';
import { averageQps, peakQps, storageBytes, latencyBudget, formatInt, formatCount, formatBytes } from '../../../src/lib/numbers/estimates.ts';
import { sampleSizePerArm, experimentDays, experimentDaysUnique, uniqueUsersAfterDays, normalQuantile, normalCdf } from '../../../src/lib/numbers/stats.ts';
import { keyPointShapeProblems, onlineStages, readCase, words } from './helpers.ts';

const { text, fm, body } = readCase('eta-prediction');
const { dailyActiveUsers, requestsPerUserPerDay, peakFactor, corpusSize, latencyBudgetMs, itemsPerRequest } = fm.scale;

const feedLoads = dailyActiveUsers * requestsPerUserPerDay;
const peak = peakQps(dailyActiveUsers, requestsPerUserPerDay, peakFactor);
const feedEtasPerSecond = peak * itemsPerRequest;
const ordersPerDay = 5_000_000;
const peakOrders = (ordersPerDay / 86_400) * peakFactor;
const trackingPeak = ((ordersPerDay * 80) / 86_400) * peakFactor;

// The residual network: K tokens of width d, L layers, softmax attention:
// projections 4Kd² + attention 2K²d + feed-forward 8Kd² multiply-adds per layer.
const K = 48;
const d = 64;
const L = 4;
const flopPerPrediction = 2 * (12 * K * d ** 2 + 2 * K ** 2 * d) * L;
const mflop = Math.round(flopPerPrediction / 1e6);
const pairHeadFlop = 2 * (128 * 256 + 256 * 64 + 64 * 3);
const storeEncoderFlops = (corpusSize / 60) * flopPerPrediction;
const pairHeadFlops = feedEtasPerSecond * pairHeadFlop;
const checkoutTrackingFlops = (peakOrders + trackingPeak) * flopPerPrediction;
const dispatchPairs = peakOrders * 200;
const dispatchHeadFlops = dispatchPairs * pairHeadFlop;

describe('eta-prediction: scale and traffic', () => {
	it('uses the scale the case states', () => {
		expect(dailyActiveUsers).toBe(20_000_000);
		expect(requestsPerUserPerDay).toBe(5);
		expect(peakFactor).toBe(3);
		expect(corpusSize).toBe(500_000);
		expect(latencyBudgetMs).toBe(50);
		expect(itemsPerRequest).toBe(200);
	});

	it('feed loads, average and peak QPS', () => {
		expect(text).toContain(`= ${formatInt(feedLoads)} feed loads per day`);
		expect(text).toContain(`${formatInt(feedLoads)} ÷ 86,400 s ≈ ${formatInt(averageQps(dailyActiveUsers, requestsPerUserPerDay))} QPS average`);
		expect(text).toContain(`${formatInt(averageQps(dailyActiveUsers, requestsPerUserPerDay))} × 3 peak factor (dinner) ≈ ${formatInt(peak)} QPS peak`);
		expect(formatInt(peak)).toBe('3,472');
	});

	it('feed fan-out, orders, dispatch and tracking', () => {
		expect(text).toContain(`${formatInt(peak)} feed loads per second × 200 candidate stores ≈ ${formatInt(feedEtasPerSecond)} ETAs per second at peak`);
		expect(formatInt(feedEtasPerSecond)).toBe('694,444');
		expect(text).toContain(`${formatInt(feedLoads)} × 200 = ${formatCount(feedLoads * 200)} feed ETAs per day`);
		expect(text).toContain(`÷ 86,400 × 3 ≈ ${peakOrders.toFixed(1)} orders per second at peak`);
		const dispatch = peakOrders * 200;
		expect(text).toContain(`${peakOrders.toFixed(1)} orders × 200 courier-store pairs over its matching rounds ≈ ${formatInt(dispatch)} dispatch ETAs per second`);
		expect(text).toContain(`5,000,000 orders × 80 tracking updates = ${formatInt(ordersPerDay * 80)} tracking ETAs per day, ${formatInt(trackingPeak)} per second at peak`);
		expect(text).toContain(`${formatInt(feedEtasPerSecond)} against ${formatInt(dispatch)} ETAs per second`);
		expect(Math.round(feedEtasPerSecond / 1e5) * 100).toBe(700);
		expect(Math.round(dispatch / 1e3)).toBe(35);
		expect(text).toContain('about 700k against 35k');
		// 200 pairs per order: 10 couriers scored in each of 20 rounds of 15 s (5 minutes).
		expect(10 * 20).toBe(200);
		expect((20 * 15) / 60).toBe(5);
		expect(text).toContain('about 10 nearby couriers scored in each of 20 matching rounds (5 minutes at 15 s)');
	});
});

describe('eta-prediction: what the fan-out costs', () => {
	it('buying ETAs from an API', () => {
		const perDay = ((feedLoads * 200) / 1_000) * 5;
		expect(text).toContain(`cost $${formatInt(perDay)} a day`);
	});

	it('one-to-one against one-to-many routing', () => {
		expect(text).toContain(`${formatInt(feedEtasPerSecond)} × 1 ms ≈ ${Math.round(feedEtasPerSecond * 0.001)} cores at peak`);
		expect(text).toContain(`${formatInt(peak)} × 5 ms ≈ ${Math.round(peak * 0.005)} cores`);
	});

	it('full model per pair against the factorised feed model', () => {
		const full = feedEtasPerSecond * flopPerPrediction;
		expect(mflop).toBe(21);
		expect(text).toContain(`${formatInt(feedEtasPerSecond)} × ${mflop} MFLOP ≈ ${(full / 1e12).toFixed(2)} TFLOP/s, about ${Math.round(full / 20e9)} cores`);
		expect(text).toContain(`500,000 ÷ 60 × ${mflop} MFLOP ≈ ${(storeEncoderFlops / 1e9).toFixed(1)} GFLOP/s`);
		expect(text).toContain(`${formatInt(feedEtasPerSecond)} × ${formatInt(pairHeadFlop)} FLOP ≈ ${(pairHeadFlops / 1e9).toFixed(1)} GFLOP/s`);
		const factorised = storeEncoderFlops + pairHeadFlops;
		expect(text).toContain(`about ${Math.round(factorised / 1e9)} GFLOP/s, ${Math.round(full / factorised)} times less`);
		expect(text).toContain(`would add about ${Math.round(full / 20e9)} cores`);
		// Pair head versus full model, per pair (the 60× above counts the store encoder).
		expect(Math.round(flopPerPrediction / pairHeadFlop)).toBe(215);
	});

	it('exact ETAs only for the rendered stores', () => {
		expect(200 / 50).toBe(4);
		expect(text).toContain('exact ETAs only for the ~50 rendered: about 4× fewer');
	});
});

describe('eta-prediction: storage and data', () => {
	it('drive-time matrix over H3 cells', () => {
		const area = Math.PI * 25;
		expect(text).toContain(`π × 25 ≈ ${area.toFixed(1)} km²`);
		const cells = Math.round(area / 0.737);
		expect(cells).toBe(107);
		expect(text).toContain(`about ${cells} cells of 0.737 km²`);
		expect(text).toContain(`holds ${formatInt(corpusSize * cells)} store-cell pairs`);
		expect(text).toContain(`| 500,000 × ${cells} cells × 16 bytes | ${formatBytes(storageBytes(corpusSize * cells, 16))} |`);
		expect(text).toContain(`matrix (${formatBytes(storageBytes(corpusSize * cells, 16))})`);
	});

	it('embeddings, graph, GPS and training rows', () => {
		const embeddingRows = 8 * 2 ** 20 * 64;
		expect(text).toContain(`| 8 × 2^20 rows × 64 × 2 bytes | ${formatBytes(embeddingRows * 2)} |`);
		expect(text).toContain(`8 tables × 2^20 rows × 64 = ${formatInt(embeddingRows)} parameters, ${formatBytes(embeddingRows * 2)} in fp16`);
		expect(text).toContain(`| 25M segments × about 200 bytes | ${formatBytes(25e6 * 200)} |`);
		const pings = (150_000 * 86_400) / 4;
		expect(text).toContain(`150,000 × 86,400 ÷ 4 = ${formatCount(pings, 2)} pings a day`);
		expect(text).toContain(`| ${formatCount(pings, 2)} pings a day × 50 bytes | ${formatBytes(pings * 50)} a day |`);
		const trainOrders = ordersPerDay * 84;
		expect(text).toContain(`5,000,000 orders × 84 days = ${formatInt(trainOrders)} orders per training window`);
		expect(text).toContain(`| ${formatInt(trainOrders)} orders × 2 KB | ${formatBytes(trainOrders * 2_000)} |`);
	});

	it('the training window is 12 weeks ending two days back', () => {
		expect(99 - 16 + 1).toBe(84);
		expect(15 - 9 + 1).toBe(7);
		expect(8 - 2 + 1).toBe(7);
		expect(text).toContain('train on D−99 to D−16 (12 weeks of matured days), calibrate conformal offsets on D−15 to D−9, and gate on D−8 to D−2');
	});
});

describe('eta-prediction: latency budget', () => {
	// Drive times (7 ms) and the feature read (10 ms) run in parallel: the critical path takes the slower.
	const table = [
		{ name: 'intake', ms: 3 },
		{ name: 'drive times beside features', ms: Math.max(7, 10) },
		{ name: 'pair head', ms: 5 },
		{ name: 'decision layer', ms: 2 },
		{ name: 'respond', ms: 3 },
		{ name: 'headroom', ms: 27 },
	];

	it('table sums to the budget', () => {
		const r = latencyBudget(latencyBudgetMs, table);
		expect(r.usedMs).toBe(50);
		expect(r.over).toBe(false);
		expect(text).toContain(`| **Total** | **${r.usedMs}** |`);
	});

	it('online pipeline matches the table', () => {
		const online = onlineStages(fm);
		// feature-assembly carries no latency of its own: it runs inside the drive-time stage's 10 ms.
		expect(online.map((s: { latencyMs?: number }) => s.latencyMs ?? 0)).toEqual([3, 10, 0, 5, 2, 3]);
		const sum = online.reduce((a: number, s: { latencyMs?: number }) => a + (s.latencyMs ?? 0), 0);
		expect(sum).toBe(table.slice(0, 5).reduce((a, s) => a + s.ms, 0));
		expect(text).toContain(`Pipeline stages sum to ${sum} ms`);
		expect(text).toContain('| 27 |');
		// The pair head's compute for 200 candidates.
		expect(Math.round((200 * pairHeadFlop) / 1e6)).toBe(20);
		expect(text).toContain('About 20 MFLOP, 1 ms of compute');
		for (const s of online) expect(s.items).toBe(itemsPerRequest);
	});
});

describe('eta-prediction: decision and loss arithmetic', () => {
	it('promise level when the early cost is per quoted minute', () => {
		// 1 − F(q*) = g′ ÷ c_late with g′ = 1, c_late = 4; the newsvendor ratio would give 4 ÷ (4 + 1) = 0.8.
		expect(text).toContain(`F(q*) = 1 − 1 ÷ 4 = ${1 - 1 / 4}`);
		expect(4 / (4 + 1)).toBe(0.8);
		expect(text).toContain("not the newsvendor's 0.8");
	});

	it('MAPE-optimal point sits below the median', () => {
		// For a log-normal, the 1/y-weighted median is exp(μ − σ²): the median times e^(−σ²).
		const median = 30 * Math.exp(0.05);
		expect(text).toContain(`(median ${median.toFixed(2)}, σ = 0.2) it is ${median.toFixed(2)} × e^(−0.2²) = ${(median * Math.exp(-0.04)).toFixed(2)} minutes`);
	});

	it('minimum orders for a per-segment coverage gate', () => {
		const n = Math.ceil((1.96 ** 2 * 0.8 * 0.2) / 0.02 ** 2);
		expect(text).toContain(`1.96² × 0.8 × 0.2 ÷ 0.02² ≈ ${formatInt(n)} orders`);
		expect(text).toContain(`no segment of at least ${formatInt(n)} orders`);
	});

	it('dropping the slowest 1.5% moves a p80', () => {
		expect(text).toContain(`0.8 × 0.985 = ${(0.8 * 0.985).toFixed(3)} quantile`);
	});

	it('dispatch mean of the log-normal head', () => {
		const median = 30 * Math.exp(0.05);
		const mean = 30 * Math.exp(0.05 + 0.2 ** 2 / 2);
		expect(text).toContain(`30 × e^(0.05 + 0.02) = ${mean.toFixed(2)} minutes, ${(mean - median).toFixed(2)} minutes (${Math.round(100 * (mean / median - 1))}%) above the median`);
	});

	it('pinball loss on one order', () => {
		const pinball = (tau: number, y: number, q: number) => (y >= q ? tau * (y - q) : (1 - tau) * (q - y));
		expect(text).toContain(`0.8 × 4 = ${pinball(0.8, 38, 34).toFixed(1)}`);
		expect(text).toContain(`0.2 × 4 = ${pinball(0.8, 38, 42).toFixed(1)}`);
	});

	it('sum of two stage p80s is the total p88 for independent equal normals', () => {
		const z = (2 * normalQuantile(0.8)) / Math.SQRT2;
		expect(text).toContain(`z = 2 × ${normalQuantile(0.8).toFixed(6)} ÷ √2 = ${z.toFixed(3)} of the total, its p${Math.round(100 * normalCdf(z))}`);
	});

	it('log-normal residual quantiles', () => {
		const z80 = normalQuantile(0.8);
		const z90 = normalQuantile(0.9);
		expect(text).toContain(`p50 = 30 × e^0.05 = ${(30 * Math.exp(0.05)).toFixed(2)} minutes`);
		expect(text).toContain(`p80 = 30 × e^(0.05 + 0.2 × ${z80.toFixed(6)}) = 30 × e^${(0.05 + 0.2 * z80).toFixed(6)} = ${(30 * Math.exp(0.05 + 0.2 * z80)).toFixed(2)} minutes`);
		expect(text).toContain(`p90 = ${(30 * Math.exp(0.05 + 0.2 * z90)).toFixed(2)} minutes`);
	});
});

describe('eta-prediction: model costs', () => {
	it('residual network FLOPs and parameters', () => {
		expect(flopPerPrediction).toBe(21_233_664);
		// Softmax attention 2K²d is cheaper than linear attention 2Kd² while K < d.
		expect(2 * K ** 2 * d).toBeLessThan(2 * K * d ** 2);
		expect(text).toContain(`2 × (12 × 48 × 64² + 2 × 48² × 64) × 4 layers = ${formatInt(flopPerPrediction)} FLOP ≈ ${mflop} MFLOP per prediction`);
		expect(text).toContain(`12 × 64² × 4 layers = ${formatInt(12 * d ** 2 * L)} parameters`);
		const params = 8 * 2 ** 20 * 64 + 12 * d ** 2 * L;
		expect(text).toContain(`about ${(params / 1e9).toFixed(2)}B parameters`);
		expect(text).toContain(`2 × (32,768 + 16,384 + 192) = ${formatInt(pairHeadFlop)} FLOP`);
	});

	it('checkout and tracking compute, and the model fleet', () => {
		expect(text).toContain(`(${peakOrders.toFixed(1)} + ${formatInt(trackingPeak)}) × ${mflop} MFLOP ≈ ${Math.round(checkoutTrackingFlops / 1e9)} GFLOP/s`);
		expect(text).toContain(`${formatInt(dispatchPairs)} × ${formatInt(pairHeadFlop)} FLOP ≈ ${Math.round(dispatchHeadFlops / 1e9)} GFLOP/s`);
		expect(text).toContain(`store encoder about ${Math.round((storeEncoderFlops + pairHeadFlops) / 1e9)} GFLOP/s, dispatch pair head about ${Math.round(dispatchHeadFlops / 1e9)} GFLOP/s, checkout and tracking about ${Math.round(checkoutTrackingFlops / 1e9)} GFLOP/s`);
		const total = Math.round((storeEncoderFlops + pairHeadFlops) / 1e9) + Math.round(dispatchHeadFlops / 1e9) + Math.round(checkoutTrackingFlops / 1e9);
		expect(text).toContain(`${total} GFLOP/s ÷ 20 GFLOP/s per core ≈ ${Math.round(total / 20)} cores`);
		const cores = Math.round(total / 20) * 4 * 2;
		expect(text).toContain(`${cores} cores, ${Math.ceil(cores / 32)} machines`);
	});

	it('GNN segment-speed forecaster', () => {
		const perLayer = 3 * 2 * 128 * 64 + 2 * 128 * 64;
		expect(text).toContain(`= ${formatInt(perLayer)} FLOP`);
		expect(text).toContain(`× 3 layers = ${formatInt(perLayer * 3)} FLOP per segment`);
		const pass = 25e6 * perLayer * 3;
		expect(text).toContain(`25,000,000 segments × ${formatInt(perLayer * 3)} FLOP ≈ ${(pass / 1e12).toFixed(2)} TFLOP per pass`);
		expect(text).toContain(`${(pass / 1e12).toFixed(2)} TFLOP ÷ 120 s ≈ ${(pass / 120 / 1e9).toFixed(1)} GFLOP/s`);
		expect(text).toContain(`2 GPUs × $1.00 × 730 = $${formatInt(2 * 730)} a month when it ships`);
	});

	it('probe travel per 5 minutes', () => {
		const moving = 400_000 * 0.6;
		const peakPings = 400_000 / 4;
		expect(text).toContain(`${formatInt(peakPings)} pings a second`);
		const km = (20 * 5) / 60;
		expect(text).toContain(`about ${km.toFixed(1)} km per 5 minutes: ${formatInt(moving)} × ${km.toFixed(2)} km ≈ ${formatInt(Math.round(moving * km))} km`);
	});

	it('LLM on delivery notes', () => {
		const tokens = ordersPerDay * 100;
		expect(text).toContain(`= ${formatInt(tokens)} tokens a day`);
		const flopsPerDay = 2 * 1e9 * tokens;
		expect(flopsPerDay).toBe(1e18);
		expect(text).toContain(`about ${(flopsPerDay / 86_400 / 1e12).toFixed(1)} TFLOP/s on average`);
	});
});

describe('eta-prediction: experiments', () => {
	const za = normalQuantile(0.975);
	const zb = normalQuantile(0.8);
	const population = 60_000_000;
	const armShare = 0.05;

	it('prints the z values', () => {
		expect(text).toContain(`z = ${za.toFixed(6)} and ${zb.toFixed(6)}`);
	});

	it('user-level sample size and duration by distinct customers', () => {
		const perArm = sampleSizePerArm({ baseline: 0.45, absoluteEffect: 0.0015, alpha: 0.05, power: 0.8 });
		expect(text).toContain(`That gives ${formatInt(perArm)} customers per arm`);
		const at = (days: number) => armShare * uniqueUsersAfterDays(population, dailyActiveUsers, days);
		expect(text).toContain(`1 day: 5% × 20,000,000 = ${formatInt(at(1))} customers per arm`);
		expect(text).toContain(`(1 − (2/3)²) = ${formatInt(at(2))} customers per arm, below ${formatInt(perArm)}`);
		expect(at(2)).toBeLessThan(perArm);
		expect(text).toContain(`(1 − (2/3)³) = ${formatInt(at(3))} customers per arm, enough`);
		expect(at(3)).toBeGreaterThanOrEqual(perArm);
		const days = experimentDaysUnique(perArm, population, dailyActiveUsers, 2, 2 * armShare);
		const naive = experimentDays(perArm, dailyActiveUsers, 2, 2 * armShare);
		expect(days).toBe(3);
		expect(naive).toBe(2);
		expect(text).toContain(`Enrolment takes ${days} days (counting each day's visitors as new would say ${naive})`);
		expect(text).toContain(`${days + 7} days`);
	});

	it('a smaller effect is out of reach at 5% per arm', () => {
		const perArm = sampleSizePerArm({ baseline: 0.45, absoluteEffect: 0.001, alpha: 0.05, power: 0.8 });
		expect(text).toContain(`needs ${formatInt(perArm)} per arm, more than the ${formatInt(population * armShare)} customers`);
		expect(experimentDaysUnique(perArm, population, dailyActiveUsers, 2, 2 * armShare)).toBe(Number.POSITIVE_INFINITY);
	});

	it('switchback windows', () => {
		const n = (2 * (za + zb) ** 2 * 0.04 ** 2) / 0.005 ** 2;
		expect(text).toContain(`2 × (${za.toFixed(6)} + ${zb.toFixed(6)})² × 0.04² ÷ 0.005² = 2 × ${((za + zb) ** 2).toFixed(6)} × 64 ≈ ${formatInt(Math.ceil(n))} windows`);
		const perDay = 40 * 14;
		expect(text).toContain(`40 cities × 14 active windows a day = ${formatInt(perDay)} windows a day, so about ${((2 * Math.ceil(n)) / perDay).toFixed(1)} days`);
	});
});

describe('eta-prediction: capacity and cost', () => {
	it('routing cores', () => {
		expect(text).toContain(`${formatInt(trackingPeak)} × 1 ms ≈ ${Math.round(trackingPeak * 0.001)} cores`);
		expect(text).toContain(`500,000 ÷ 300 × 5 ms ≈ ${Math.round((corpusSize / 300) * 0.005)} cores`);
		const bucket = (corpusSize * 0.0005) / 120;
		expect(text).toContain(`500,000 × 0.5 ms ÷ 120 s ≈ ${Math.round(bucket)} cores per metric, ${Math.round(bucket) * 4} for four`);
	});

	it('fleet and cost per 1,000', () => {
		const machines = 6 + 9 + 6 + 10 + 4;
		expect(text).toContain(`= ${machines} machines × $1.50 × 730 hours = $${formatInt(machines * 1.5 * 730)} per month`);
		const monthly = machines * 1.5 * 730;
		expect(text).toContain(`$${formatInt(monthly)} per month, about $${Math.round(monthly / 1e3)}k, no GPUs in v1`);
		const requests = feedLoads * 30;
		expect(text).toContain(`${formatInt(feedLoads)} × 30 = ${formatCount(requests)}`);
		expect(text).toContain(`about $${(monthly / (requests / 1_000)).toFixed(4)} per 1,000 feed requests`);
		expect(text).toContain(`about $${(monthly / ((requests * 200) / 1_000)).toFixed(6)} per 1,000 feed ETAs`);
	});
});

describe('eta-prediction: key points', () => {
	it('has 3-6 key points of at most 30 words for every section', () => {
		expect(keyPointShapeProblems(fm)).toEqual([]);
	});

	it('body stays within 4,000 to 7,200 words', () => {
		expect(words(body)).toBeGreaterThanOrEqual(4_000);
		expect(words(body)).toBeLessThanOrEqual(7_200);
	});

	it('the 25 ms follow-up fits its budget', () => {
		const path = 3 + 5 + 5 + 2 + 3;
		expect(text).toContain(`3 + 5 + 5 + 2 + 3 = ${path} ms, leaving ${25 - path} ms`);
	});
});
