import { describe, it, expect } from 'vitest';
import { averageQps, peakQps, embeddingBytes, storageBytes, latencyBudget, formatInt, formatBytes, hnswIndexBytes } from '../../../src/lib/numbers/estimates.ts';
import { sampleSizePerArm, experimentDaysUnique, uniqueUsersAfterDays, normalQuantile, normalCdf } from '../../../src/lib/numbers/stats.ts';
import { keyPointNumbersMissing, keyPointShapeProblems, onlineStages, readCase } from './helpers.ts';

const { text, fm, body } = readCase('rag-support-assistant');
const { dailyActiveUsers, requestsPerUserPerDay, peakFactor, corpusSize, latencyBudgetMs, itemsPerRequest } = fm.scale;

const answersPerDay = dailyActiveUsers * requestsPerUserPerDay;
const peak = peakQps(dailyActiveUsers, requestsPerUserPerDay, peakFactor);

/** Dollars with thousands separators and no cents: $105,840. */
const usd = (n: number) => `$${formatInt(n)}`;

// Token and price assumptions stated on the page.
const prefixTokens = 1_500;
const inputTokens = 1_500 + 300 + 350 + 8 * 350 + 50;
const outputTokens = 250;
const priceIn = 3 / 1e6;
const priceOut = 15 / 1e6;
const priceCached = 0.3 / 1e6;
const largeNoCache = inputTokens * priceIn + outputTokens * priceOut;
const largeCached = (inputTokens - prefixTokens) * priceIn + prefixTokens * priceCached + outputTokens * priceOut;

// 8B model on an H100.
const kvPerToken = 2 * 32 * 8 * 128 * 2;
const seqTokens = inputTokens + outputTokens;
const kvPerSeq = kvPerToken * seqTokens;
const prefillTps = 400e12 / (2 * 8e9);
const stepS = (16e9 + 32 * kvPerSeq) / 3.35e12;
const decodeTps = 32 / stepS;
const prefillS = (inputTokens - prefixTokens) / prefillTps;
const decodeS = outputTokens / decodeTps;
const gpuSPerAnswer = prefillS + decodeS;

// Traffic split: no answer cache, every answer is generated.
const smallShare = 0.7;
const weightReadS = 16e9 / 3.35e12;

describe('rag-support-assistant: scale and traffic', () => {
	it('uses the stated scale', () => {
		expect(dailyActiveUsers).toBe(500_000);
		expect(requestsPerUserPerDay).toBe(2);
		expect(peakFactor).toBe(3);
		expect(corpusSize).toBe(1_975_000);
		expect(latencyBudgetMs).toBe(2_000);
		expect(itemsPerRequest).toBe(1);
	});

	it('states answers per day, average and peak QPS', () => {
		expect(body).toContain(`500,000 customers × 2 answers per day = ${formatInt(answersPerDay)} answers per day`);
		expect(body).toContain(`≈ ${averageQps(dailyActiveUsers, requestsPerUserPerDay).toFixed(1)} QPS average`);
		expect(body).toContain(`≈ ${peak.toFixed(1)} QPS peak`);
		expect(peak.toFixed(1)).toBe('34.7');
	});

	it('derives the corpus size from articles and tickets', () => {
		const help = 5_000 * 10 * 3;
		const ticketsPerYear = 100_000 * 365;
		const kept = ticketsPerYear * 0.2;
		const notes = kept * 0.25;
		expect(body).toContain(`5,000 articles × 10 locales × about 3 sections each = ${formatInt(help)} chunks`);
		expect(body).toContain(`100,000 human contacts a day × 365 = ${formatInt(ticketsPerYear)} tickets a year`);
		expect(body).toContain(`${formatInt(kept)}; clustering by meaning keeps 25% (an assumption), ${formatInt(notes)} notes`);
		expect(help + notes).toBe(corpusSize);
		expect(body).toContain(`Together ${formatInt(corpusSize)} chunks`);
		expect(body).toContain(`100 article edits × 10 locales × 2 sections = ${formatInt(100 * 10 * 2)} chunk updates`);
		expect(body).toContain(`${(ticketsPerYear / 1e6).toFixed(1)}M tickets a year become about ${(notes / 1e6).toFixed(1)}M notes`);
	});
});

describe('rag-support-assistant: storage', () => {
	it('sizes chunk text, embeddings, links and logs', () => {
		expect(body).toContain(`| 1,975,000 × 300 tokens × 4 bytes | ${formatBytes(storageBytes(corpusSize, 300 * 4))} |`);
		expect(body).toContain(`| 1,975,000 × 1,024 dims × 4 bytes | ${formatBytes(embeddingBytes(corpusSize, 1024))} |`);
		expect(body).toContain(`| 1,975,000 × 1,024 × 1 byte | ${formatBytes(embeddingBytes(corpusSize, 1024, 1))} |`);
		expect(body).toContain(`| 1,975,000 × 32 × 4 bytes | ${formatBytes(corpusSize * 32 * 4)} |`);
		expect(body).toContain(`| 1,000,000 × 8 KB per day | ${formatBytes(answersPerDay * 8_000)} per day |`);
	});

	it('sizes the int8 HNSW index', () => {
		const bytes = hnswIndexBytes(corpusSize, 1024, 16, 1);
		expect(body).toContain(`1,975,000 × (1,024 + 2 × 16 × 4) bytes = ${formatBytes(bytes)}`);
		expect(formatBytes(bytes)).toBe('2.3 GB');
	});

	it('re-embedding cost', () => {
		const tokens = corpusSize * 300;
		expect(body).toContain(`1,975,000 × 300 = ${formatInt(tokens)} tokens`);
		expect(body).toContain(`about ${(tokens / 20_000 / 3600).toFixed(1)} GPU-hours`);
	});
});

describe('rag-support-assistant: tokens, prices and latency', () => {
	it('prompt adds up to about 5,000 tokens', () => {
		expect(inputTokens).toBe(5_000);
		expect(body).toContain('8 sources × 350 = 2,800');
	});

	it('prices an answer on the large model with and without the cached prefix', () => {
		expect(largeNoCache).toBeCloseTo(0.01875, 12);
		expect(body).toContain(`$0.015 + $0.00375 = $${Number(largeNoCache.toFixed(5))} per answer`);
		expect(largeCached).toBeCloseTo(0.0147, 12);
		expect(body).toContain(`+ $0.00375 = $0.0147 per answer (${Math.round((1 - largeCached / largeNoCache) * 100)}% less)`);
		const monthly = answersPerDay * 30 * largeNoCache;
		expect(body).toContain(`1,000,000 × 30 days × $0.01875 = ${usd(monthly)} per month`);
	});

	it('latency table sums to the budget and the pipeline matches it', () => {
		const r = latencyBudget(latencyBudgetMs, [
			{ name: 'edge', ms: 60 },
			{ name: 'guard', ms: 40 },
			{ name: 'rewrite', ms: 200 },
			{ name: 'retrieval', ms: 80 },
			{ name: 'rerank', ms: 100 },
			{ name: 'assembly', ms: 30 },
			{ name: 'ttft', ms: 1_000 },
			{ name: 'first sentence', ms: 350 },
			{ name: 'headroom', ms: 140 },
		]);
		expect(r.usedMs).toBe(2_000);
		expect(body).toContain(`| **Total** | **${formatInt(r.usedMs)}** |`);
		const online = onlineStages(fm);
		const sum = online.reduce((a: number, s: { latencyMs?: number }) => a + (s.latencyMs ?? 0), 0);
		expect(sum).toBe(1_800);
		expect(body).toContain(`Pipeline stages sum to ${formatInt(sum)} ms`);
		const items = online.filter((s: { items?: number }) => s.items).map((s) => s.items);
		expect(items).toEqual([50, 8, 1]);
		expect(items[items.length - 1]).toBe(itemsPerRequest);
	});

	it('full answer time on the hosted large model', () => {
		const decode = outputTokens / 60;
		expect(body).toContain(`250 tokens take about ${decode.toFixed(1)} s after the first, so about ${(1 + decode).toFixed(1)} s in all`);
		expect(body).toContain(`about 1 s to first token, ${decode.toFixed(1)} s of decode`);
	});

	it('first displayed sentence and rewrite latency', () => {
		expect(body).toContain(`20 ÷ 60 tokens/s ≈ ${(20 / 60).toFixed(2)} s`);
		const rewriteBig = 600 / prefillTps + 20 * stepS;
		expect(body).toContain(`600 ÷ 25,000 s + 20 × ${(stepS * 1000).toFixed(1)} ms ≈ ${Math.round(rewriteBig * 1000 / 10) * 10} ms`);
		expect(body).toContain(`16 GB ÷ 3.35 TB/s ≈ ${(weightReadS * 1000).toFixed(1)} ms`);
		const rewriteSmall = 600 / prefillTps + 20 * Number((weightReadS * 1000).toFixed(1)) / 1000;
		expect(body).toContain(`600 ÷ 25,000 s + 20 × 4.8 ms ≈ ${Math.round(rewriteSmall * 1000)} ms`);
		expect(rewriteSmall * 1000).toBeLessThan(200);
	});
});

describe('rag-support-assistant: framing and fusion', () => {
	it('answer-or-hand-off threshold', () => {
		const cw = 15;
		const ch = 5;
		expect(body).toContain(`p* = 1 − 5 ÷ (15 + 5) = ${1 - ch / (cw + ch)}`);
	});

	it('reciprocal rank fusion example', () => {
		const rrf = (...ranks: number[]) => ranks.reduce((a, r) => a + 1 / (60 + r), 0);
		const f6 = (x: number) => x.toFixed(6);
		expect(body).toContain(`1/61 + 1/64 = ${f6(1 / 61)} + ${f6(1 / 64)} = ${f6(rrf(1, 4))}`);
		expect(body).toContain(`1/63 + 1/62 = ${f6(1 / 63)} + ${f6(1 / 62)} = ${f6(rrf(3, 2))}`);
		expect(body).toContain(`BM25 rank 2 only: 1/62 = ${f6(rrf(2))}`);
		expect(body).toContain(`any chunk at rank 61 in both lists: 2/121 = ${f6(rrf(61, 61))}, above even a BM25-only rank 1 (${f6(rrf(1))})`);
		expect(rrf(1, 4)).toBeGreaterThan(rrf(3, 2));
		expect(rrf(61, 61)).toBeGreaterThan(rrf(1));
		expect(rrf(62, 62)).toBeLessThanOrEqual(rrf(1));
	});

	it('long-context alternative', () => {
		expect(body).toContain(`150,000 help sections at about 300 tokens are ${(150_000 * 300) / 1e6}M tokens`);
		const perAnswer = 200_000 * priceIn;
		expect(body).toContain(`200,000 × $3 ÷ 1M = $${perAnswer.toFixed(2)} per answer`);
		expect(body).toContain(`about ${Math.round(perAnswer / largeCached)} times the $0.0147`);
		const cached = 200_000 * priceCached;
		const withRest = cached + largeCached;
		expect(body).toContain(`200,000 × $0.30 ÷ 1M = $${cached.toFixed(2)} cached, + $0.0147 for the rest ≈ $${withRest.toFixed(4)}, about ${Math.round(withRest / largeCached)} times RAG`);
	});
});

describe('rag-support-assistant: model costs', () => {
	it('cross-encoder FLOPs and GPUs', () => {
		const params = 12 * 12 * 768 ** 2;
		expect(body).toContain(`12 layers × 12 × 768² ≈ ${(params / 1e6).toFixed(1)}M non-embedding parameters`);
		const perPair = 2 * params * 384;
		expect(body).toContain(`2 × ${(params / 1e6).toFixed(1)}M × 384 tokens ≈ ${(perPair / 1e9).toFixed(1)} GFLOP per pair`);
		const perQuery = perPair * 50;
		expect(body).toContain(`× 50 pairs ≈ ${(perQuery / 1e12).toFixed(2)} TFLOP per query`);
		expect(body).toContain(`${(perQuery / 1e12).toFixed(2)} ÷ 40 ≈ ${Math.round((perQuery / 40e12) * 1000)} ms per query`);
		const atPeak = (peak * perQuery) / 1e12;
		expect(body).toContain(`${peak.toFixed(1)} QPS × ${(perQuery / 1e12).toFixed(2)} TFLOP ≈ ${Math.round(atPeak)} TFLOP/s at peak ÷ 40 ≈ ${Math.ceil(atPeak / 40)} GPUs, ${Math.ceil(atPeak / 40) * 2} with zone headroom`);
		expect(body).toContain(`2 × 560M × 32 tokens ≈ ${Math.round((2 * 560e6 * 32) / 1e9)} GFLOP per query`);
		expect(body).toContain(`n ÷ 6d = 384 ÷ ${formatInt(6 * 768)} ≈ ${Math.round((384 / (6 * 768)) * 100)}%`);
		const busyGpus = atPeak / 40;
		expect(body).toContain(`Three GPUs would run at ${Math.round((busyGpus / 3) * 100)}%`);
		expect(body).toContain(`six run at ${Math.round((busyGpus / 6) * 100)}%, and ${Math.round((busyGpus / 4) * 100)}% with a zone down`);
	});

	it('8B model memory, prefill and decode', () => {
		expect(body).toContain(`8B × 2 bytes = ${formatBytes(8e9 * 2)}`);
		expect(body).toContain(`2 × 32 layers × 8 heads × 128 dims × 2 bytes = ${formatInt(kvPerToken)} bytes`);
		expect(body).toContain(`per sequence of ${formatInt(seqTokens)} tokens: ${formatInt(kvPerToken)} × ${formatInt(seqTokens)} = ${formatBytes(kvPerSeq, 0)}`);
		expect(body).toContain(`about 60 GB free holds about ${Math.floor(60e9 / kvPerSeq)} sequences`);
		expect(body).toContain(`2 × 8B = 16 GFLOP per token; at 400 TFLOP/s sustained (40% of 989 peak) = ${formatInt(prefillTps)} tokens/s`);
		expect(body).toContain(`(16 GB + 32 × ${formatBytes(kvPerSeq, 0)}) ÷ 3.35 TB/s ≈ ${(stepS * 1000).toFixed(1)} ms → ${Math.round(1 / stepS)} tokens/s per stream, ${formatInt(Math.round(decodeTps / 10) * 10)} per GPU`);
		expect(body).toContain(`3,500 uncached tokens ÷ 25,000 = ${prefillS.toFixed(2)} s + 250 ÷ 2,820 = ${decodeS.toFixed(3)} s = ${gpuSPerAnswer.toFixed(3)}, about ${gpuSPerAnswer.toFixed(2)} GPU-seconds`);
		expect(body).toContain(`a 250-token answer streams in about ${(outputTokens / (1 / stepS)).toFixed(1)} s`);
	});

	it('distillation compute', () => {
		const tokens = 100_000 * seqTokens;
		expect(body).toContain(`100,000 judged answers × 5,250 tokens = ${tokens / 1e6}M tokens`);
		const flops = 6 * 8e9 * tokens;
		expect(body).toContain(`6 × 8B × 525M ≈ ${(flops / 1e19).toFixed(2)} × 10^19 FLOPs`);
		expect(body).toContain(`about ${(flops / (8 * 400e12) / 3600).toFixed(1)} hours per epoch`);
	});
});

describe('rag-support-assistant: evaluation', () => {
	it('standard error of recall@8', () => {
		const se = Math.sqrt((0.85 * 0.15) / 2_000);
		expect(body).toContain(`√(0.85 × 0.15 ÷ 2,000) ≈ ${se.toFixed(3)}, about ±${(1.96 * se * 100).toFixed(1)} points`);
	});

	it('judge-corrected unfaithful rate', () => {
		const u = (0.05 - 0.02) / (0.8 - 0.02);
		expect(body).toContain(`(0.05 − 0.02) ÷ (0.80 − 0.02) ≈ ${u.toFixed(3)}, so about ${(u * 100).toFixed(1)}% unfaithful`);
	});

	it('stratified estimate of the unfaithful rate and its standard error', () => {
		const u = (0.05 - 0.02) / (0.8 - 0.02);
		const ppv = (0.8 * u) / 0.05;
		const forr = (0.2 * u) / 0.95;
		expect(body).toContain(`PPV = 0.80 × ${u.toFixed(4)} ÷ 0.05 ≈ ${ppv.toFixed(3)}; FOR = 0.20 × ${u.toFixed(4)} ÷ 0.95 ≈ ${forr.toFixed(4)}`);
		expect(0.05 * ppv + 0.95 * forr).toBeCloseTo(u, 12);
		expect(body).toContain(`u = 0.05 × ${ppv.toFixed(3)} + 0.95 × ${forr.toFixed(4)} ≈ ${u.toFixed(4)}`);
		const se = Math.sqrt((0.05 ** 2 * ppv * (1 - ppv)) / 300 + (0.95 ** 2 * forr * (1 - forr)) / 300);
		expect(body).toContain(`0.05² × ${ppv.toFixed(3)} × ${(1 - ppv).toFixed(3)} ÷ 300 + 0.95² × ${forr.toFixed(4)} × ${(1 - forr).toFixed(4)} ÷ 300) ≈ ${se.toFixed(4)}, about ±${Math.round(1.96 * se * 100)} point`);
		// the unflagged stratum carries most of the variance
		expect((0.95 ** 2 * forr * (1 - forr)) / 300).toBeGreaterThan((0.05 ** 2 * ppv * (1 - ppv)) / 300);
	});

	it('non-inferiority margins the suite can resolve', () => {
		const seAll = Math.sqrt(0.1 / 2_000);
		const seLocale = Math.sqrt(0.1 / 200);
		const passAll = normalCdf(0.02 / seAll - normalQuantile(0.975));
		const passLocale = normalCdf(0.06 / seLocale - normalQuantile(0.975));
		expect(body).toContain(`√(0.10 ÷ 2,000) ≈ ${seAll.toFixed(4)}; a 2-point margin passes an equal candidate ${Math.round(passAll * 100)}% of the time`);
		expect(body).toContain(`√(0.10 ÷ 200) ≈ ${seLocale.toFixed(3)}; a 6-point margin passes it ${Math.round(passLocale * 100)}% of the time`);
	});

	it('canary judging and per-locale kappa sample', () => {
		expect(body).toContain(`all judged (about ${formatInt(answersPerDay * 0.01)}, against ${formatInt(answersPerDay * 0.01 * 0.02)} at the 2% rate)`);
		expect(body).toContain(`Per locale, ${600 / 10} grades`);
	});

	it('prints the z values', () => {
		expect(body).toContain(`z = ${normalQuantile(0.975).toFixed(6)} and ${normalQuantile(0.8).toFixed(6)}`);
	});

	it('A/B sample size and enrolment days', () => {
		const perArm = sampleSizePerArm({ baseline: 0.25, absoluteEffect: -0.01, alpha: 0.05, power: 0.8 });
		expect(perArm).toBe(29_036);
		expect(body).toContain(`that is ${formatInt(perArm)} customers per arm`);
		const population = 6_000_000;
		const share = 0.1;
		expect(body).toContain(`probability 1/${population / dailyActiveUsers}`);
		const d1 = share * uniqueUsersAfterDays(population, dailyActiveUsers, 1);
		const d2 = share * uniqueUsersAfterDays(population, dailyActiveUsers, 2);
		expect(body).toContain(`= ${formatInt(d1)} < 2 × ${formatInt(perArm)} = ${formatInt(2 * perArm)}`);
		expect(body).toContain(`≈ ${formatInt(d2)} ≥ ${formatInt(2 * perArm)}, so enrolment takes 2 days`);
		expect(experimentDaysUnique(perArm, population, dailyActiveUsers, 2, share)).toBe(2);
	});
});

describe('rag-support-assistant: serving cost', () => {
	const smallQps = peak * smallShare;
	const answerGpus = 12;
	const rewriteQps = peak / 2;
	const rewriteS = 0.12;
	const smallGpus = answerGpus + 3;
	const smallMonthly = smallGpus * 3 * 730;
	const largePerDay = answersPerDay * (1 - smallShare);
	const largeMonthly = largePerDay * largeCached * 30;
	const inferenceMonthly = 8 * 0.8 * 730;
	const retrievalMonthly = 6 * 1.5 * 730;
	const judgeMonthly = answersPerDay * 0.02 * (6_000 * priceIn + 300 * priceOut) * 30;
	const distilPerTicket = 2_500 * priceIn + 300 * priceOut;
	const distilMonthly = (7_300_000 * distilPerTicket) / 12;
	const total = smallMonthly + largeMonthly + inferenceMonthly + retrievalMonthly + judgeMonthly + distilMonthly;
	const genCost = (smallMonthly + largeMonthly) / 30e6;

	it('sizes the 8B fleet', () => {
		const busy = smallQps * gpuSPerAnswer;
		expect(body).toContain(`34.7 QPS × 0.7 ≈ ${smallQps.toFixed(1)} QPS × 0.229 GPU-s ≈ ${busy.toFixed(1)} busy GPUs on 12 answer GPUs (4 per zone), about ${Math.round((busy / answerGpus) * 100)}%`);
		expect(body).toContain(`${rewriteQps.toFixed(1)} QPS × ${rewriteS} s ≈ ${(rewriteQps * rewriteS).toFixed(1)} in flight at small batch, so 3 GPUs`);
		expect(body).toContain(`15 GPUs × $3 × 730 h = ${usd(smallMonthly)} per month`);
		const all = peak * gpuSPerAnswer;
		expect(body).toContain(`34.7 × 0.229 ≈ ${all.toFixed(1)} busy GPUs, about ${Math.round((all / answerGpus) * 100)}%`);
	});

	it('prices each component and the total', () => {
		expect(body).toContain(`1,000,000 × 0.3 = ${formatInt(largePerDay)} answers per day × $0.0147 × 30 = ${usd(largeMonthly)} per month`);
		expect(body).toContain(`8 × $0.80 × 730 h = ${usd(inferenceMonthly)} per month`);
		expect(body).toContain(`6 nodes × $1.50 × 730 h = ${usd(retrievalMonthly)} per month`);
		expect(body).toContain(`20,000 × (6,000 × $3 + 300 × $15) ÷ 1M × 30 = ${usd(judgeMonthly)} per month`);
		expect(distilPerTicket).toBeCloseTo(0.012, 12);
		expect(body).toContain(`7,300,000 a year × $0.012 (2,500 in, 300 out) ÷ 12 = ${usd(distilMonthly)} per month`);
		expect(body).toContain(`one-off ${usd(7_300_000 * distilPerTicket)}`);
		expect(body).toContain(`total ≈ ${usd(total)} per month ÷ 30,000,000 answers ≈ $${(total / 30e6).toFixed(4)} per answer`);
		expect(fm.keyPoints.estimates.join(' ')).toContain(usd(total));
	});

	it('semantic answer cache break-even', () => {
		expect(body).toContain(`(${usd(smallMonthly)} + ${usd(largeMonthly)}) ÷ 30M ≈ $${genCost.toFixed(4)}`);
		const saved = Number(genCost.toFixed(4));
		const breakEven = 1 - saved / 20;
		expect(body).toContain(`1 − $${saved} ÷ $20 ≈ ${breakEven.toFixed(5)}, about ${(breakEven * 100).toFixed(2)}%`);
		const hits = answersPerDay * 0.2;
		expect(body).toContain(`${formatInt(hits * 0.01)} wrong × $20 = ${usd(hits * 0.01 * 20)} a day, against ${formatInt(hits)} × $${saved} = ${usd(hits * saved)} saved`);
	});

	it('hosted small model against self-hosting', () => {
		const perAnswer = 5_000 * (0.2 / 1e6) + 250 * (0.8 / 1e6);
		expect(body).toContain(`5,000 × $0.20 ÷ 1M + 250 × $0.80 ÷ 1M = $${perAnswer.toFixed(4)} per answer, ${usd(perAnswer * answersPerDay * smallShare * 30)} a month for ${formatInt(answersPerDay * smallShare)} answers a day, against ${usd(smallMonthly)}`);
	});

	it('compares with human contacts', () => {
		expect(body).toContain(`10,000 × $5 × 30 = ${usd(10_000 * 5 * 30)} a month`);
	});

	it('the cost-halving follow-up', () => {
		const answers = fm.followUps.map((f: { answer: string }) => f.answer).join(' ');
		expect(answers).toContain(`${usd(largeMonthly)} of the ${usd(total)} a month`);
		const largeAt85 = answersPerDay * 0.15 * largeCached * 30;
		expect(answers).toContain(`halves that bill to ${usd(largeAt85)}`);
		expect(answers).toContain(`saves ${usd(judgeMonthly / 2)}`);
		const fewerSources = 2 * 350 * priceIn * answersPerDay * 0.15 * 30;
		expect(answers).toContain(`cuts ${2 * 350} input tokens, ${usd(fewerSources)} on the large model's 15%`);
		expect(answers).toContain(`run at about ${Math.round(((peak * 0.85 * gpuSPerAnswer) / answerGpus) * 100)}%`);
		const saving = largeMonthly - largeAt85 + judgeMonthly / 2 + fewerSources;
		expect(answers).toContain(`Together that is about ${Math.round((saving / total) * 100)}%`);
	});

	it('the ten-times-smaller follow-up', () => {
		const answers = fm.followUps.map((f: { answer: string }) => f.answer).join(' ');
		expect(answers).toContain(`About ${(peak / 10).toFixed(1)} QPS at peak`);
	});
});

describe('rag-support-assistant: key points', () => {
	const sections = ['requirements', 'estimates', 'framing', 'metrics', 'architecture', 'data', 'features', 'model', 'evaluation', 'serving', 'monitoring'];

	it('has 3-6 short key points for every framework section', () => {
		expect(keyPointShapeProblems(fm)).toEqual([]);
	});

	it('every number in a key point appears in the body', () => {
		expect(keyPointNumbersMissing(fm, [body])).toEqual([]);
	});
});
