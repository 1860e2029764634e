import { describe, it, expect } from 'vitest';
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
	hnswIndexBytes,
} from '../../../src/lib/numbers/estimates.ts';
import { sampleSizePerArm, experimentDays, experimentDaysUnique, uniqueUsersAfterDays, normalQuantile } from '../../../src/lib/numbers/stats.ts';
import { keyPointNumbersMissing, keyPointShapeProblems, onlineStages, readCase } from './helpers.ts';

const { text, fm, body } = readCase('yelp-local-search');
const { dailyActiveUsers, requestsPerUserPerDay, peakFactor, corpusSize, latencyBudgetMs, itemsPerRequest } = fm.scale;

const searchesPerDay = dailyActiveUsers * requestsPerUserPerDay;
const peak = peakQps(dailyActiveUsers, requestsPerUserPerDay, peakFactor);

/** A figure as printed with formatInt, back to a number. */
function formatIntNumber(n: number): number {
	return Number(formatInt(n).replace(/,/g, ''));
}

/** DCG with exponential gain 2^rel − 1 and log2(i + 1) discount. */
function dcg(grades: number[]): number {
	return grades.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
}

describe('yelp-local-search: scale and traffic', () => {
	it('uses the scale the brief asked for', () => {
		expect(dailyActiveUsers).toBe(30_000_000);
		expect(requestsPerUserPerDay).toBe(3);
		expect(peakFactor).toBe(3);
		expect(corpusSize).toBe(10_000_000);
		expect(latencyBudgetMs).toBe(300);
		expect(itemsPerRequest).toBe(20);
	});

	it('states searches per day, average and peak QPS', () => {
		expect(text).toContain(`${formatInt(searchesPerDay)} searches per day`);
		expect(text).toContain(`${formatInt(searchesPerDay)} searches ÷ 1.8 searches per session = ${formatInt(searchesPerDay / 1.8)} sessions per day`);
		expect(text).toContain(`${formatInt(averageQps(dailyActiveUsers, requestsPerUserPerDay))} QPS`);
		expect(formatInt(averageQps(dailyActiveUsers, requestsPerUserPerDay))).toBe('1,042');
		expect(text).toContain(`${formatInt(peak)} QPS`);
		expect(formatInt(peak)).toBe('3,125');
	});

	it('states corpus churn and index update rate', () => {
		const perMonth = corpusSize * 0.015;
		expect(text).toContain(`${formatInt(perMonth)} per month`);
		expect(text).toContain(`${formatInt(perMonth / 30)} new and ${formatInt(perMonth / 30)} closed`);
		expect(text).toContain(`${(500_000 / 86_400).toFixed(1)} updates per second`);
	});

	it('states the ten-times-smaller market QPS', () => {
		expect(text).toContain(`about ${formatInt(averageQps(dailyActiveUsers / 10, requestsPerUserPerDay))} QPS average`);
	});
});

describe('yelp-local-search: storage', () => {
	it('sizes index, embeddings, features and vocabulary', () => {
		expect(text).toContain(`| ${formatBytes(storageBytes(corpusSize, 5_000))} |`);
		expect(formatBytes(storageBytes(corpusSize, 5_000))).toBe('50 GB');
		expect(text).toContain(`| ${formatBytes(embeddingBytes(corpusSize, 128))} |`);
		expect(formatBytes(embeddingBytes(corpusSize, 128))).toBe('5.1 GB');
		expect(text).toContain(`| ${formatBytes(embeddingBytes(corpusSize, 128, 1))} |`);
		expect(formatBytes(embeddingBytes(corpusSize, 128, 1))).toBe('1.3 GB');
		expect(text).toContain(`| ${formatBytes(storageBytes(corpusSize, 200 * 4))} |`);
	});

	it('sizes the int8 HNSW index with its graph links (2M links per node at layer 0)', () => {
		const m = 16;
		const links = corpusSize * 2 * m * 4;
		expect(text).toContain(`| 10,000,000 × ${2 * m} × 4 bytes | ${formatBytes(links)} |`);
		// int8 vector of 128 dims plus a 4-byte scale factor, with 2M four-byte links per node.
		const total = hnswIndexBytes(corpusSize, 128 + 4, m, 1);
		expect(total).toBe(corpusSize * (132 + 2 * 16 * 4));
		expect(text).toContain(`10,000,000 × (132 + 2 × 16 × 4) bytes = ${formatBytes(total)}`);
		expect(formatBytes(total)).toBe('2.6 GB');
		expect(text).toContain(`the ${formatBytes(total)} HNSW index`);
		// Upper layers: a node reaches layer l ≥ 1 with probability M^-l, each with M links.
		const upper = corpusSize * m * 4 * (1 / (m - 1));
		expect(text).toContain(`The 1 in ${m} nodes on upper layers add about ${Math.round(upper / 1e6)} MB`);
	});

	it('exact kNN under a tight geo filter', () => {
		expect(text).toContain(`5,000 × 128 = ${formatInt(5_000 * 128)} int8 multiply-adds over ${formatBytes(5_000 * 128)}`);
	});

	it('sizes the sampled full-candidate logs', () => {
		const requests = searchesPerDay * 0.01;
		expect(text).toContain(`${formatInt(requests)} requests × 1,000 candidates × 250 bytes = ${formatBytes(requests * 1_000 * 250)} per day`);
		expect(formatBytes(requests * 1_000 * 250)).toBe('225 GB');
		const all = searchesPerDay * 1_000 * 250;
		const rawImpressionLog = searchesPerDay * 20 * 1_000;
		expect(text).toContain(`logging every request would be ${formatBytes(all)} a day, ${all / rawImpressionLog}× the raw impression log`);
	});

	it('sizes a LambdaMART training run', () => {
		const rows = searchesPerDay * 0.3 * 14 * 0.1 * 20;
		const updates = rows * 250 * 6 * 800;
		expect(text).toContain(`${formatCount(rows, 0)} rows × 250 features × 6 tree levels × 800 trees ≈ ${(updates / 1e14).toFixed(1)} × 10^14 histogram updates`);
		const coreHours = updates / 1e9 / 3600;
		expect(text).toContain(`≈ ${Math.round(coreHours)} core-hours ≈ ${Math.ceil(coreHours / 32)} machines of 32 vCPU for an hour`);
	});

	it('sizes per-query feature traffic if features were fetched remotely', () => {
		const perQuery = 1_000 * 800;
		expect(text).toContain(`= ${formatBytes(perQuery)} per query`);
		expect(text).toContain(`= ${formatBytes(perQuery * peak)}/s of feature traffic`);
	});
});

describe('yelp-local-search: training data', () => {
	const impressions = searchesPerDay * 20;
	const engagedLists = searchesPerDay * 0.3;
	const trainLists = engagedLists * 14 * 0.1;

	it('states impressions and raw log volume', () => {
		expect(text).toContain(`${formatCount(impressions)} impression rows per day`);
		expect(text).toContain(`${formatBytes(storageBytes(impressions, 1_000))} per day of raw logs`);
	});

	it('states engaged lists and rows', () => {
		expect(text).toContain(`${formatInt(engagedLists)} lists per day`);
		expect(text).toContain(`${formatCount(engagedLists * 20)} rows, ${formatBytes(storageBytes(engagedLists * 20, 1_000))} per day`);
	});

	it('states the binned training set', () => {
		expect(text).toContain(`${formatInt(trainLists)} lists = ${formatInt(trainLists * 20)} rows at most`);
		expect(text).toContain(`${formatBytes(storageBytes(trainLists * 20, 250))} in memory`);
	});
});

describe('yelp-local-search: latency budget', () => {
	const table = [
		{ name: 'edge', ms: 40 },
		{ name: 'query understanding', ms: 25 },
		{ name: 'retrieval', ms: 60 },
		{ name: 'features', ms: 25 },
		{ name: 'pre-ranking', ms: 20 },
		{ name: 'ranking', ms: 50 },
		{ name: 're-ranking', ms: 15 },
		{ name: 'hydration', ms: 25 },
		{ name: 'headroom', ms: 40 },
	];

	it('latency table sums exactly to the budget', () => {
		const r = latencyBudget(latencyBudgetMs, table);
		expect(r.usedMs).toBe(300);
		expect(r.over).toBe(false);
		expect(text).toContain(`| **Total** | **${r.usedMs}** |`);
	});

	it('online pipeline stages match the table and stay within the budget', () => {
		const online = onlineStages(fm);
		const sum = online.reduce((a: number, s: { latencyMs?: number }) => a + (s.latencyMs ?? 0), 0);
		expect(sum).toBe(220);
		expect(sum).toBeLessThanOrEqual(latencyBudgetMs);
		expect(text).toContain(`Pipeline stages sum to ${sum} ms`);
		const items = online.filter((s: { items?: number }) => s.items).map((s) => s.items);
		expect(items).toEqual([1000, 1000, 200, 100, 20, 20]);
		expect(items[items.length - 1]).toBe(itemsPerRequest);
	});
});

describe('yelp-local-search: NDCG worked example and lambdas', () => {
	const logged = [3, 0, 2, 1, 0];
	const ideal = [...logged].sort((a, b) => b - a);
	const swapped = [3, 2, 0, 1, 0];
	const idcg = dcg(ideal);

	it('computes DCG, IDCG and NDCG', () => {
		expect(text).toContain(`1/2.3219`);
		expect(text).toContain((1 / Math.log2(5)).toFixed(4));
		expect(text).toContain((3 / Math.log2(3)).toFixed(4));
		expect(text).toContain(`= ${dcg(logged).toFixed(4)}`);
		expect(text).toContain(`= ${idcg.toFixed(4)}`);
		expect(text).toContain(`NDCG@5 = ${dcg(logged).toFixed(4)} ÷ ${idcg.toFixed(4)} = ${(dcg(logged) / idcg).toFixed(4)}`);
	});

	it('computes the swap delta and the lambda', () => {
		const delta = dcg(swapped) / idcg - dcg(logged) / idcg;
		expect(text).toContain(`DCG ${dcg(swapped).toFixed(4)} and NDCG ${(dcg(swapped) / idcg).toFixed(4)}, a gain of ${delta.toFixed(4)}`);
		const lambda = (1 / (1 + Math.exp(0))) * delta;
		expect(text).toContain(`0.5 × ${delta.toFixed(4)} = ${lambda.toFixed(4)}`);
	});
});

describe('yelp-local-search: features and model arithmetic', () => {
	it('distance decays by category', () => {
		expect(text).toContain(`keeps ${Math.exp(-2 / 0.8).toFixed(3)} of its weight`);
		expect(text).toContain(`keeps ${Math.exp(-2 / 25).toFixed(3)}`);
		expect(text).toContain(`keeps ${Math.exp(-20 / 25).toFixed(3)} at 20 km`);
	});

	it('Bayesian shrinkage of ratings', () => {
		const shrink = (n: number, mean: number) => (n * mean + 10 * 3.7) / (n + 10);
		expect(text).toContain(`/ 13 = ${shrink(3, 5.0).toFixed(1)}`);
		expect(text).toContain(`gets ${shrink(200, 4.3).toFixed(2)}`);
	});

	it('exploration budget per new business and the events it yields', () => {
		const impressions = searchesPerDay * 0.05;
		expect(text).toContain(`${formatInt(impressions)} exploration impressions per day`);
		const perBusiness = impressions / 150_000;
		expect(text).toContain(`about ${perBusiness} impressions per new business per day`);
		const pageViewOrBetter = 0.005 + 0.0055 + 0.0005;
		expect(pageViewOrBetter).toBeCloseTo(0.011, 10);
		const eventsPerDay = perBusiness * pageViewOrBetter * 0.3;
		expect(text).toContain(`${perBusiness} impressions × 1.1% page-view-or-better × θ ≈ 0.3 ≈ ${eventsPerDay.toFixed(1)} events per day, about ${Math.round(eventsPerDay * 30)} in 30 days`);
	});

	it('swap randomisation volume and its noise per stratum', () => {
		const randomised = searchesPerDay * 0.01;
		expect(text).toContain(`${formatInt(randomised)} searches per day; spread over 19 positions that is about ${formatInt(randomised / 19)}`);
		const perWeek = (randomised / 19) * 7;
		expect(text).toContain(`${formatInt(randomised / 19)} × 7 days ≈ ${formatInt(perWeek)} swapped searches per position per week`);
		const strata = 3 * 4 * 4;
		const perStratum = perWeek / strata;
		expect(text).toContain(`3 devices × 4 ad layouts × 4 intents = ${strata} strata: ${formatInt(perWeek)} ÷ ${strata} ≈ ${formatInt(perStratum)} per position per stratum`);
		const actions = Math.round(formatIntNumber(perStratum) * 0.01);
		expect(text).toContain(`${formatInt(perStratum)} × 1% action rate at slot 10 ≈ ${actions} actions: relative standard error ≈ 1/√${actions} ≈ ${Math.round(100 / Math.sqrt(actions))}%`);
	});

	it('label distribution is consistent with the share of lists with a positive', () => {
		const positiveShare = 0.014 + 0.005 + 0.0055 + 0.0005;
		expect(positiveShare).toBeCloseTo(0.025, 10);
		expect(text).toContain('0.5 positives per 20-result list');
		expect(positiveShare * 20).toBeCloseTo(0.5, 10);
		expect(text).toContain(`about ${((positiveShare * 20) / 0.3).toFixed(1)} per list among the 30%`);
	});

	it('cross-encoder serving cost', () => {
		const pairs = peak * 30;
		expect(text).toContain(`${formatInt(peak)} QPS × 30 pairs = ${formatInt(pairs)} pairs per second`);
		// MiniLM-style 6 layers × 384 wide: embeddings are lookups, so only layer weights cost FLOPs.
		const layerParams = 6 * 12 * 384 ** 2;
		const embeddingParams = 30_522 * 384;
		expect(text).toContain(`6 layers × 12 × 384² ≈ ${(layerParams / 1e6).toFixed(1)}M non-embedding parameters (the ${(embeddingParams / 1e6).toFixed(1)}M-parameter token table`);
		const flopPerPair = 2 * layerParams * 96;
		expect(text).toContain(`2 × ${(layerParams / 1e6).toFixed(1)}M × 96 tokens ≈ ${(flopPerPair / 1e9).toFixed(1)} GFLOP per pair`);
		const tflops = (pairs * flopPerPair) / 1e12;
		expect(text).toContain(`${formatInt(pairs)} × ${(flopPerPair / 1e9).toFixed(1)} GFLOP ≈ ${Math.round(tflops)} TFLOP/s`);
		const gpus = Math.ceil(tflops / 20);
		expect(text).toContain(`${Math.round(tflops)} ÷ 20 TFLOP/s sustained per GPU ≈ ${gpus} GPUs, ${gpus * 2} with zone headroom`);
		const monthly = gpus * 2 * 1.0 * 730;
		expect(text).toContain(`${gpus * 2} GPUs × $1.00 × 730 hours = $${formatInt(monthly)} per month`);
		const serving = 72 * 1.5 * 730;
		expect(text).toContain(`about ${Math.round((monthly / serving) * 100)}% to the serving bill`);
	});

	it('listwise LLM reranker cost', () => {
		const tokens = peak * 30 * 150;
		expect(text).toContain(`${formatInt(peak)} QPS × 30 cards × 150 tokens ≈ ${formatInt(tokens)} prefill tokens per second`);
		const flops = 2 * 8e9 * tokens;
		expect(text).toContain(`2 × 8B parameters × ${formatInt(tokens)} ≈ ${Math.round(flops / 1e15)} PFLOP/s ≈ ${formatInt(Math.ceil(flops / 200e12))} GPUs at 200 TFLOP/s sustained`);
	});

	it('LLM judge volume for recall pools', () => {
		expect(text).toContain(`5,000 queries × up to 4,000 pooled candidates = ${formatInt(5_000 * 4_000)} judgments`);
		expect(text).toContain(`5,000 queries × 200 sampled per pool = ${formatInt(5_000 * 200)} judgments`);
	});

	it('re-embedding cost', () => {
		expect(text).toContain(`${((corpusSize * 0.002) / 3600).toFixed(1)} CPU-hours`);
	});
});

describe('yelp-local-search: experiments', () => {
	const za = normalQuantile(0.975);
	const zb = normalQuantile(0.8);
	const population = 75_000_000;
	const sessionsPerDay = searchesPerDay / 1.8;
	const armShare = 0.01;
	const rho = 0.05;

	it('prints the z values the sample sizes use', () => {
		expect(text).toContain(`z = ${za.toFixed(6)} and ${zb.toFixed(6)}`);
	});

	it('session-level sample size', () => {
		const perArm = sampleSizePerArm({ baseline: 0.15, absoluteEffect: 0.0015, alpha: 0.05, power: 0.8 });
		expect(perArm).toBe(893_198);
		expect(text).toContain(`${formatInt(perArm)} sessions per arm, about ${(perArm / 1e6).toFixed(1)}M`);
	});

	it('duration counts distinct users, with a design effect that grows as they return', () => {
		const perArm = sampleSizePerArm({ baseline: 0.15, absoluteEffect: 0.0015, alpha: 0.05, power: 0.8 });
		const at = (d: number) => {
			const users = armShare * uniqueUsersAfterDays(population, dailyActiveUsers, d);
			const sessions = d * armShare * sessionsPerDay;
			const m = sessions / users;
			const deff = 1 + (m - 1) * rho;
			return { users, sessions, m, deff, effective: sessions / deff };
		};
		const d1 = at(1);
		expect(text).toContain(`1 day: ${formatInt(d1.users)} distinct users, ${formatInt(d1.sessions)} sessions, effective ${formatInt(d1.effective)} < ${formatInt(perArm)}`);
		expect(d1.effective).toBeLessThan(perArm);
		const d2 = at(2);
		expect(text).toContain(`(1 − 0.6²) = ${formatInt(d2.users)} distinct users and ${formatInt(d2.sessions)} sessions per arm`);
		expect(text).toContain(`m = ${formatInt(d2.sessions)} ÷ ${formatInt(d2.users)} = ${d2.m.toFixed(2)} sessions per user`);
		expect(text).toContain(`design effect 1 + ${(d2.m - 1).toFixed(2)} × 0.05 = ${d2.deff.toFixed(3)}`);
		expect(text).toContain(`≈ ${formatInt(d2.effective)} effective sessions ≥ ${formatInt(perArm)}, so 2 days`);
		expect(d2.effective).toBeGreaterThanOrEqual(perArm);
		// Naive count: every day's users treated as new.
		expect(text).toContain(`would claim ${formatInt(2 * armShare * dailyActiveUsers)} users after 2 days, not ${formatInt(d2.users)}`);
		expect(text).toContain(`design effect reaches ${at(14).deff.toFixed(3)} by day 14`);
		// The homogeneous visit model's implied 7-day return, against the 50% the logs show.
		const p = dailyActiveUsers / population;
		expect(text).toContain(`1 − ${(1 - p).toFixed(1)}^7 = ${Math.round((1 - (1 - p) ** 7) * 100)}%`);
	});

	it('user-level return metric: distinct users against the arm population', () => {
		const perArm = sampleSizePerArm({ baseline: 0.5, absoluteEffect: 0.0025, alpha: 0.05, power: 0.8 });
		expect(text).toContain(`needs ${formatInt(perArm)} users per arm`);
		const cap = population * armShare;
		expect(text).toContain(`more than ${formatInt(cap)} of the 75M`);
		expect(text).toContain(`that is ${Math.round((perArm / cap) * 100)}% of everyone`);
		const unique = experimentDaysUnique(perArm, population, dailyActiveUsers, 2, 2 * armShare);
		const naive = experimentDays(perArm, dailyActiveUsers, 2, 2 * armShare);
		expect(unique).toBe(4);
		expect(naive).toBe(3);
		expect(text).toContain(`after ${unique} days (counting daily users would say ${naive})`);
		expect(text).toContain(`${unique + 7} days in all`);
	});

	it('interleaving sample size', () => {
		const n = Math.ceil(((za + zb) ** 2 * 0.25) / 0.01 ** 2);
		expect(text).toContain(`(${za.toFixed(6)} + ${zb.toFixed(6)})² × 0.25 ÷ 0.01² = ${(za + zb).toFixed(6)}² × 2,500 ≈ ${formatInt(n)} decided queries`);
		const queries = Math.ceil(n / 0.25);
		expect(text).toContain(`${formatInt(n)} ÷ 25% of queries decided = ${formatInt(queries)} interleaved queries`);
		expect(queries).toBeLessThan(searchesPerDay * 0.01);
	});
});

describe('yelp-local-search: serving capacity and cost', () => {
	it('query understanding load', () => {
		const misses = peak * 0.3;
		expect(text).toContain(`= ${misses} QPS`);
		expect(text).toContain(`= ${(misses * 0.005).toFixed(1)} cores`);
	});

	it('search node count', () => {
		const nodes = Math.ceil(peak / 150);
		expect(text).toContain(`${formatInt(peak)} ÷ 150 ≈ ${nodes} nodes, doubled to ${nodes * 2}`);
	});

	it('ranking fleet', () => {
		const evals = 1_000 * 100 + 200 * 800;
		expect(text).toContain(`${formatInt(evals)} tree evaluations per query`);
		const cpuSeconds = (evals * 100) / 1e9;
		expect(text).toContain(`${Math.round(cpuSeconds * 1000)} ms of CPU per query`);
		const cores = peak * cpuSeconds;
		expect(text).toContain(`= ${cores} cores`);
		const atHalf = Math.ceil(cores / 0.5);
		expect(text).toContain(`at 50% utilisation ${atHalf} cores`);
		expect(text).toContain(`to ${atHalf * 2} cores ÷ 32 vCPU = ${((atHalf * 2) / 32).toFixed(1)}, so ${Math.ceil((atHalf * 2) / 32)} machines`);
	});

	it('fleet total and cost per 1,000 searches', () => {
		const machines = 42 + 12 + 6 + 6 + 6;
		expect(text).toContain(`= ${machines} machines`);
		const monthly = machines * 1.5 * 730;
		expect(text).toContain(`${machines} × $1.50 × 730 hours = $${formatInt(monthly)} per month`);
		const searchesPerMonth = searchesPerDay * 30;
		expect(text).toContain(`= ${formatCount(searchesPerMonth)}`);
		const per1000 = monthly / (searchesPerMonth / 1000);
		expect(text).toContain(`$${per1000.toFixed(4)} per 1,000 searches (about ${Math.round(per1000 * 100)} cents)`);
	});
});

describe('yelp-local-search: recalibration after negative downsampling', () => {
	it('recalibrates the pointwise head', () => {
		const q = recalibrateDownsampled(0.3, 0.1);
		expect(text).toContain(`0.30 / (0.30 + 0.70 / 0.1) = ${q.toFixed(4)}`);
	});
});

describe('yelp-local-search: key points', () => {
	it('has 3-6 short key points for every framework section', () => {
		expect(keyPointShapeProblems(fm)).toEqual([]);
	});

	it('every number in a key point appears in the body', () => {
		expect(keyPointNumbersMissing(fm, [body])).toEqual([]);
	});
});
