import { describe, it, expect } from 'vitest';
import { averageQps, peakQps, embeddingBytes, storageBytes, latencyBudget, formatInt, formatBytes } from '../../../src/lib/numbers/estimates.ts';
import { sampleSizePerArm, experimentDays, experimentDaysUnique, uniqueUsersAfterDays, normalQuantile } from '../../../src/lib/numbers/stats.ts';
import { keyPointNumbersMissing, keyPointShapeProblems, onlineStages, readCase, words } from './helpers.ts';

const { text, fm, body } = readCase('similar-listings');
const { dailyActiveUsers, requestsPerUserPerDay, peakFactor, corpusSize, latencyBudgetMs, itemsPerRequest } = fm.scale;

const requestsPerDay = dailyActiveUsers * requestsPerUserPerDay;
const peak = peakQps(dailyActiveUsers, requestsPerUserPerDay, peakFactor);
const dims = 32;

describe('similar-listings: scale and traffic', () => {
	it('uses the scale the case states', () => {
		expect(dailyActiveUsers).toBe(12_000_000);
		expect(requestsPerUserPerDay).toBe(5);
		expect(peakFactor).toBe(2.5);
		expect(corpusSize).toBe(7_000_000);
		expect(latencyBudgetMs).toBe(200);
		expect(itemsPerRequest).toBe(12);
	});

	it('states requests per day, average and peak QPS', () => {
		expect(text).toContain(`= ${formatInt(requestsPerDay)} carousel requests per day`);
		const avg = averageQps(dailyActiveUsers, requestsPerUserPerDay);
		expect(formatInt(avg)).toBe('694');
		expect(text).toContain(`${formatInt(requestsPerDay)} ÷ 86,400 s ≈ ${formatInt(avg)} QPS average`);
		expect(formatInt(peak)).toBe('1,736');
		expect(text).toContain(`${formatInt(avg)} × 2.5 peak factor (evenings, and January planning season) ≈ ${formatInt(peak)} QPS peak`);
	});
});

describe('similar-listings: storage', () => {
	it('sizes embeddings, calendars, prices and neighbour lists', () => {
		const emb = embeddingBytes(corpusSize, dims);
		expect(formatBytes(emb)).toBe('896 MB');
		expect(text).toContain(`| 7,000,000 × 32 × 4 bytes | ${formatBytes(emb)} |`);
		const params = 2 * corpusSize * dims;
		expect(params).toBe(448_000_000);
		expect(text).toContain(`| 2 × 7,000,000 × 32 = ${formatInt(params)} floats | ${formatBytes(params * 4)} |`);
		const bitmap = (corpusSize * 365) / 8;
		expect(formatBytes(bitmap)).toBe('319.4 MB');
		expect(text).toContain(`| 7,000,000 × 365 bits ÷ 8 | ${formatBytes(bitmap)} |`);
		expect(text).toContain(`| 7,000,000 × 365 × 4 bytes | ${formatBytes(storageBytes(corpusSize * 365, 4))} |`);
		expect(text).toContain(`| 7,000,000 × 200 × 8 bytes | ${formatBytes(storageBytes(corpusSize * 200, 8))} |`);
		expect(text).toContain(`| 7,000,000 × 500 × 8 bytes | ${formatBytes(storageBytes(corpusSize * 500, 8))} |`);
		expect(text).toContain(`| 7,000,000 × 256 × 4 bytes | ${formatBytes(embeddingBytes(corpusSize, 256))} |`);
		// Session vectors plus the bitmap, and the content vectors on top.
		expect(formatBytes(emb + bitmap)).toBe('1.2 GB');
		expect(text).toContain('fit in about 1.2 GB, content vectors add 7.2 GB');
		// Capacity, minimum nights and a price bucket, 1 byte each per listing.
		expect(formatBytes(corpusSize * 3)).toBe('21 MB');
		expect(text).toContain('(1 byte each per listing) add 21 MB');
	});

	it('sizes the calendar and price event stream', () => {
		const events = corpusSize * 10;
		expect(text).toContain(`7,000,000 listings × 10 changes a day = ${formatInt(events)} events a day ≈ ${formatInt(events / 86_400)} events per second`);
		expect(Math.round((events / 86_400) * 6 / 100) * 100).toBe(4_900);
		expect(text).toContain('× 6 retrieval hosts ≈ 4,900 bitmap or column updates per second');
	});

	it('costs the exact scan', () => {
		expect(100_000 * dims).toBe(3_200_000);
		expect(text).toContain('100,000 × 32 = 3.2M multiply-adds');
		expect(formatBytes(embeddingBytes(100_000, dims))).toBe('12.8 MB');
		expect(text).toContain('3.2M multiply-adds over 12.8 MB of vectors: about a millisecond on one core');
		const macs = 1_736 * 20_000 * dims;
		expect((macs / 1e9).toFixed(1)).toBe('1.1');
		expect(text).toContain(`${formatInt(peak)} QPS × 20,000 listings × 32 dimensions ≈ 1.1 × 10^9 multiply-adds per second`);
		expect((macs / 4e9).toFixed(2)).toBe('0.28');
		expect(text).toContain('÷ 4 × 10^9 multiply-adds per core-second ≈ 0.28 cores at peak');
	});
});

describe('similar-listings: training data', () => {
	it('counts sessions, pairs and the cost of an epoch', () => {
		const sessions = dailyActiveUsers * 1.5;
		expect(text).toContain(`12,000,000 guests × 1.5 sessions a day = ${formatInt(sessions)} sessions per day`);
		const usable = sessions * 0.6;
		expect(text).toContain(`= ${formatInt(usable)} usable sessions per day`);
		const window = usable * 90;
		expect(text).toContain(`${formatInt(usable)} × 90 days = ${formatInt(window)} sessions in the embedding window`);
		const occ = window * 6;
		expect(text).toContain(`= ${formatInt(occ)} listing occurrences`);
		const pairs = occ * 5;
		expect(text).toContain(`${formatInt(occ)} × 5 context listings (the other views of a 6-view session) = ${formatInt(pairs)} positive pairs per epoch`);
		const perPair = 11 * 6 * dims;
		expect(perPair).toBe(2_112);
		expect(text).toContain(`11 dot products × 6 × 32 FLOP = ${formatInt(perPair)} FLOP`);
		const flop = pairs * perPair;
		expect((flop / 1e13).toFixed(2)).toBe('6.16');
		expect(text).toContain(`${formatInt(pairs)} × 2,112 ≈ 6.16 × 10^13 FLOP per epoch`);
		const coreHours = flop / 1e9 / 3600;
		const epochHours = coreHours / 32;
		expect(text).toContain(`≈ ${coreHours.toFixed(1)} core-hours ≈ ${epochHours.toFixed(2)} hours on 32 cores`);
		expect((5 * epochHours).toFixed(1)).toBe('2.7');
		expect(text).toContain('× 5 epochs ≈ 2.7 hours a night');
		expect(fm.keyPoints.estimates.join(' ')).toContain('5 epochs retrain nightly in 2.7 hours');
		expect(window / 1e9).toBeCloseTo(1, 1);
		// Point-in-time backfill of a candidate embedding: one nightly model per day of the 28-day window.
		expect(Math.round(28 * 5 * epochHours / 5) * 5).toBe(75);
		expect(text).toContain('28 × 2.7 hours ≈ 75 hours on 32 cores');
	});

	it('counts ranker rows and their memory', () => {
		const visible = requestsPerDay * 0.35 * 3;
		expect(visible).toBe(63_000_000);
		expect(text).toContain(`× 3 visible cards = ${formatInt(visible)} labelled impressions per day`);
		expect(text).toContain(`${formatInt(visible)} × 3% click rate = ${formatInt(visible * 0.03)} carousel clicks per day`);
		expect(text).toContain(`300,000 bookings a day × 12% with a carousel click in the booking session = ${formatInt(300_000 * 0.12)} carousel-touched bookings per day`);
		const lists = requestsPerDay * 0.35 * 0.1;
		expect(text).toContain(`= ${formatInt(lists)} lists a day × 3 cards = ${formatInt(lists * 3)} rows a day`);
		const rows = lists * 3 * 28;
		expect(text).toContain(`${formatInt(lists * 3)} × 28 days = ${formatInt(rows)} rows × 150 features × 1 byte (binned) = ${formatBytes(rows * 150)}`);
	});

	it('sizes feature logging', () => {
		expect(formatBytes(requestsPerDay * 150 * 150)).toBe('1.4 TB');
		expect((requestsPerDay * 150 * 150 / 1e12).toFixed(2)).toBe('1.35');
		expect(text).toContain('60,000,000 requests × 150 candidates × 150 bytes = 1.35 TB a day');
		expect(formatBytes(requestsPerDay * 50 * 150)).toBe('450 GB');
		expect(text).toContain('60,000,000 × 50 ranked × 150 bytes = 450 GB a day');
	});
});

describe('similar-listings: latency budget', () => {
	const table = [
		{ name: 'edge', ms: 30 },
		{ name: 'retrieval', ms: 25 },
		{ name: 'eligibility', ms: 15 },
		{ name: 'features', ms: 20 },
		{ name: 'ranking', ms: 25 },
		{ name: 're-ranking', ms: 5 },
		{ name: 'hydration', ms: 30 },
		{ name: 'headroom', ms: 50 },
	];

	it('latency table sums to the budget', () => {
		const r = latencyBudget(latencyBudgetMs, table);
		expect(r.usedMs).toBe(200);
		expect(r.over).toBe(false);
		expect(text).toContain(`| **Total** | **${r.usedMs}** |`);
	});

	it('online pipeline stages match the table', () => {
		const online = onlineStages(fm);
		const sum = online.reduce((a: number, s: { latencyMs?: number }) => a + (s.latencyMs ?? 0), 0);
		expect(sum).toBe(120);
		expect(text).toContain(`Pipeline stages sum to ${sum} ms; with 30 ms for the edge and 50 ms of headroom they fill the 200 ms budget`);
		expect(sum + 30 + 50).toBe(latencyBudgetMs);
		const items = online.filter((s: { items?: number }) => s.items).map((s) => s.items);
		expect(items).toEqual([400, 150, 150, 50, 12, 12]);
		expect(items[items.length - 1]).toBe(itemsPerRequest);
	});
});

describe('similar-listings: models and their cost', () => {
	it('cold start supply, exploration impressions and the cost of the slot', () => {
		const perMonth = corpusSize * 0.015;
		expect(perMonth).toBe(105_000);
		expect(Math.round(perMonth / 30)).toBe(3_500);
		expect(text).toContain('7,000,000 × 1.5% monthly churn ≈ 105,000 a month');
		expect(200 * 0.03).toBeCloseTo(6);
		expect((20 / 6).toFixed(1)).toBe('3.3');
		expect(text).toContain('200 × 3% click rate = 6 clicks a day, so 20 co-occurrences in about 3.3 days');
		const exploring = 3_500 * 3.3;
		expect(exploring).toBeCloseTo(11_550);
		expect(text).toContain('3,500 new listings a day × 3.3 days ≈ 11,550 listings in exploration');
		const slot = 11_550 * 200;
		expect(text).toContain(`11,550 × 200 = ${formatInt(slot)} slot impressions a day`);
		const viewed = requestsPerDay * 0.35;
		expect(Math.round((slot / viewed) * 100)).toBe(11);
		expect(text).toContain(`60,000,000 × 35% = ${formatInt(viewed)} viewed carousels a day: the slot appears on 11% of them`);
		const share = slot / (viewed * 3);
		expect((share * 100).toFixed(1)).toBe('3.7');
		expect(text).toContain(`The slot takes ${formatInt(slot)} of ${formatInt(viewed * 3)} visible card impressions, about 3.7%`);
		expect(Math.round((36_000 * share * 0.5) / 10) * 10).toBe(660);
		expect(text).toContain('36,000 × 3.7% × 50% ≈ 660 carousel-touched bookings a day');
	});

	it('MMR trade-off on the normalised scale', () => {
		expect((1 - 0.8) / 0.8).toBeCloseTo(0.25);
		expect(text).toContain('at 0.8, a card 1.0 less similar to those already chosen may score 0.25 of the top-50 range lower');
	});

	it('ranker cost per request', () => {
		const evals = 150 * 500;
		expect(text).toContain(`150 candidates × 500 trees = ${formatInt(evals)} tree evaluations, about ${(evals * 100) / 1e6} ms of CPU`);
	});

	it('session transformer', () => {
		const params = 4 * 12 * 128 ** 2;
		expect(params).toBe(786_432);
		expect(text).toContain(`4 × 12 × 128² = ${formatInt(params)} parameters`);
		const flop = 2 * params * 50;
		expect(text).toContain(`2 × 786,432 × 50 ≈ ${(flop / 1e6).toFixed(1)}M FLOP per request`);
		expect(text).toContain(`${formatInt(peak)} × 78.6M ≈ ${((peak * flop) / 1e9).toFixed(1)} GFLOP/s at peak`);
		const table = corpusSize * 128;
		expect(text).toContain(`7,000,000 × 128 = ${formatInt(table)} parameters (${formatBytes(table * 4)} in fp32)`);
	});

	it('LLM attribute extraction and distilled pair scores, offline', () => {
		const flop = 7_000_000 * 2_000 * 2 * 8e9;
		expect((flop / 1e20).toFixed(2)).toBe('2.24');
		expect(text).toContain('7,000,000 listings × 2,000 tokens × 2 × 8B parameters = 2.24 × 10^20 FLOP');
		expect(Math.round(flop / 200e12 / 3600)).toBe(311);
		expect(text).toContain('≈ 311 GPU-hours for the backfill');
		const pairs = corpusSize * 200;
		expect(pairs).toBe(1.4e9);
		expect(text).toContain('7,000,000 listings × 200 pairs = 1.4 × 10^9 pairs');
		const pairFlop = pairs * 500 * 2 * 100e6;
		expect(pairFlop).toBeCloseTo(1.4e20, -17);
		expect(Math.round(pairFlop / 200e12 / 3600)).toBe(194);
		expect(text).toContain('1.4 × 10^9 × 500 tokens × 2 × 100M parameters = 1.4 × 10^20 FLOP ÷ 200 TFLOP/s ≈ 194 GPU-hours');
		expect(text).not.toContain('10,400 GPUs');
	});

	it('photo embeddings', () => {
		const photos = corpusSize * 25;
		expect(text).toContain(`7,000,000 listings × 25 photos = ${formatInt(photos)} photos`);
		const hours = (photos * 35e9) / 40e12 / 3600;
		expect(text).toContain(`${formatInt(photos)} × 35 GFLOP ÷ 40 TFLOP/s sustained ≈ ${hours.toFixed(1)} GPU-hours per full re-embedding`);
	});
});

describe('similar-listings: experiment', () => {
	const za = normalQuantile(0.975);
	const zb = normalQuantile(0.8);
	const population = 50_000_000;
	const triggeredDaily = dailyActiveUsers * 0.6;
	const share = 0.1;
	const perArm = sampleSizePerArm({ baseline: 0.1, absoluteEffect: 0.001, alpha: 0.05, power: 0.8 });
	const half = sampleSizePerArm({ baseline: 0.1, absoluteEffect: 0.0005, alpha: 0.05, power: 0.8 });

	it('checks the baseline against bookings and guests', () => {
		const guests = uniqueUsersAfterDays(population, dailyActiveUsers, 14);
		expect((guests / 1e6).toFixed(1)).toBe('48.9');
		expect(300_000 * 21).toBe(6_300_000);
		expect(Math.round((6_300_000 / guests) * 100)).toBe(13);
		expect(text).toContain('6.3M bookings over 50M × (1 − 0.76^14) ≈ 48.9M distinct guests, about 13% per guest');
	});

	it('prints the z values and the guests per arm', () => {
		expect(text).toContain(`z = ${za.toFixed(6)} and ${zb.toFixed(6)}`);
		expect(perArm).toBe(1_419_073);
		expect(text).toContain(`That is ${formatInt(perArm)} guests per arm (about ${(perArm / 1e6).toFixed(1)}M)`);
		expect(triggeredDaily).toBe(7_200_000);
		expect(triggeredDaily / population).toBeCloseTo(0.144);
		expect(text).toContain('7.2M ÷ 50M = 0.144');
		expect(text).toContain('U(d) = N(1 - 0.856^d)');
		expect(fm.keyPoints.evaluation.join(' ')).toContain('about 1.4M guests per arm, 3 days of enrolment at 10% per arm');
	});

	it('enrolment counts distinct triggered guests', () => {
		const at = (d: number) => share * uniqueUsersAfterDays(population, triggeredDaily, d);
		expect(at(2)).toBeLessThan(perArm);
		expect(text).toContain(`2 days: 0.1 × 50M × (1 − 0.856^2) = ${formatInt(at(2))} < ${formatInt(perArm)}`);
		expect(at(3)).toBeGreaterThanOrEqual(perArm);
		expect(text).toContain(`3 days: 0.1 × 50M × (1 − 0.856^3) = ${formatInt(at(3))} ≥ ${formatInt(perArm)}`);
		const unique = experimentDaysUnique(perArm, population, triggeredDaily, 2, 2 * share);
		const naive = experimentDays(perArm, triggeredDaily, 2, 2 * share);
		expect(unique).toBe(3);
		expect(naive).toBe(2);
		expect(text).toContain(`Enrolment takes ${unique} days; counting each day's guests as new would say ${naive}`);
	});

	it('a 0.5% lift is out of reach at 10% per arm within the test', () => {
		expect(half).toBe(5_663_747);
		expect(text).toContain(`needs ${formatInt(half)} guests per arm (full-precision z), about ${(half / 1e6).toFixed(1)}M`);
		const in14 = share * uniqueUsersAfterDays(population, triggeredDaily, 14);
		expect(in14).toBeLessThan(half);
		expect(text).toContain(`(0.1 × 50M × (1 − 0.856^14) = ${formatInt(in14)})`);
		expect(experimentDaysUnique(half, population, triggeredDaily, 2, 1)).toBe(2);
		expect(text).toContain('the test goes to 50% per arm (2 days to enrol)');
	});
});

describe('similar-listings: labels, split dates and follow-ups', () => {
	const day = (s: string) => Date.parse(`${s}T00:00:00Z`) / 86_400_000;

	it('labels mature at D+10 and the split leaves that gap', () => {
		// Request by D+7, host reply within 24 h, 48 h after confirmation.
		expect(7 + 1 + 2).toBe(10);
		expect(text).toContain('so a day\'s labels are final at D+10');
		expect(day('2026-03-19') - day('2026-02-20') + 1).toBe(28);
		expect(day('2026-03-29') - day('2026-03-19')).toBe(10);
		expect(day('2026-04-05') - day('2026-03-30') + 1).toBe(7);
		expect(day('2026-04-15') - day('2026-04-05')).toBe(10);
		expect(text).toContain('a 10-day gap to 2026-03-29 lets labels mature; the test is 2026-03-30 to 2026-04-05 (final by 2026-04-15)');
	});

	it('the 100 ms follow-up fits', () => {
		expect(30 + 25 + 15 + 20 + 5 + 5 + 20).toBe(120);
		expect(text).toContain('Cutting stages alone leaves 120 ms');
		const sum = 15 + 25 + 15 + 15 + 20;
		expect(sum).toBe(90);
		expect(sum).toBeLessThanOrEqual(100);
		expect(text).toContain('15 + 25 + 15 + 15 + 20 = 90 ms');
	});

	it('the tenfold catalogue follow-up', () => {
		expect(1_000_000 * dims).toBe(32_000_000);
		expect((1_000_000 * dims) / 4e9 * 1000).toBe(8);
		expect(text).toContain('a 32M multiply-add scan, about 8 ms per request');
		expect(formatBytes(embeddingBytes(70_000_000, 256))).toBe('71.7 GB');
		expect(text).toContain('256-dimension content vectors, 71.7 GB');
	});
});

describe('similar-listings: serving capacity and cost', () => {
	it('ranking fleet', () => {
		const cores = 1_736 * 0.0075;
		expect(Math.round(cores)).toBe(13);
		expect(text).toContain(`1,736 × 0.0075 s ≈ 13 cores at peak, 26 at 50% utilisation, doubled to 52 for feature assembly, ÷ 32 vCPU ≈ ${(52 / 32).toFixed(1)}, so 2 machines, 3 for one per zone`);
	});

	it('fleet total and cost per 1,000 carousels', () => {
		const machines = 6 + 3 + 6 + 3 + 6;
		const monthly = machines * 1.5 * 730;
		expect(text).toContain(`6 + 3 + 6 + 3 + 6 = ${machines} machines × $1.50 × 730 hours = $${formatInt(monthly)} a month`);
		const perMonth = requestsPerDay * 30;
		expect(text).toContain(`60,000,000 × 30 = ${(perMonth / 1e9).toFixed(1)}B requests a month`);
		const per1000 = monthly / (perMonth / 1000);
		expect(text).toContain(`about $${per1000.toFixed(4)} per 1,000 carousels (about ${(per1000 * 100).toFixed(1)} cents)`);
		expect(fm.keyPoints.serving.join(' ')).toContain(`about ${(per1000 * 100).toFixed(1)} cents per 1,000 carousels`);
	});
});

describe('similar-listings: key points', () => {
	it('has 3-6 short key points for every framework section', () => {
		expect(keyPointShapeProblems(fm)).toEqual([]);
	});

	it('keeps the body within 7,200 words', () => {
		expect(words(body)).toBeLessThanOrEqual(7_200);
	});

	it('every number in a key point appears in the body', () => {
		expect(keyPointNumbersMissing(fm, [body])).toEqual([]);
	});
});
