import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { averageQps, peakQps, embeddingBytes, storageBytes, latencyBudget, formatInt, formatBytes, hnswIndexBytes } from '../../../src/lib/numbers/estimates.ts';
import { sampleSizePerArm, experimentDaysUnique, uniqueUsersAfterDays, normalQuantile } from '../../../src/lib/numbers/stats.ts';

const text = readFileSync(new URL('../../../case-studies/rag-support-assistant.mdx', import.meta.url), 'utf8');
const fm = parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]);
const body = text.slice(text.indexOf('\n---\n', 4) + 5);
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

// Traffic split.
const cacheShare = 0.2;
const smallShare = 0.7;

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
		expect(body).toContain(`${formatInt(kept)}; near-duplicate collapsing keeps 25%, ${formatInt(notes)} notes`);
		expect(help + notes).toBe(corpusSize);
		expect(body).toContain(`Together ${formatInt(corpusSize)} chunks`);
		expect(body).toContain(`500 article edits × 10 locales × 3 sections = ${formatInt(500 * 10 * 3)} chunk updates`);
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
			{ name: 'rewrite', ms: 250 },
			{ name: 'retrieval', ms: 80 },
			{ name: 'rerank', ms: 100 },
			{ name: 'assembly', ms: 30 },
			{ name: 'ttft', ms: 1_000 },
			{ name: 'headroom', ms: 440 },
		]);
		expect(r.usedMs).toBe(2_000);
		expect(body).toContain(`| **Total** | **${formatInt(r.usedMs)}** |`);
		const online = fm.pipeline.filter((s: { lane: string }) => s.lane === 'online');
		const sum = online.reduce((a: number, s: { latencyMs?: number }) => a + (s.latencyMs ?? 0), 0);
		expect(sum).toBe(1_500);
		expect(body).toContain(`Pipeline stages sum to ${formatInt(sum)} ms`);
		const items = online.filter((s: { items?: number }) => s.items).map((s: { items: number }) => s.items);
		expect(items).toEqual([50, 8, 1]);
		expect(items[items.length - 1]).toBe(itemsPerRequest);
	});

	it('full answer time on the hosted large model', () => {
		const decode = outputTokens / 60;
		expect(body).toContain(`250 tokens take about ${decode.toFixed(1)} s after the first, so about ${(1 + decode).toFixed(1)} s in all`);
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
		expect(body).toContain(`dense rank 2 only: 1/62 = ${f6(rrf(2))}`);
		expect(rrf(1, 4)).toBeGreaterThan(rrf(3, 2));
		expect(rrf(3, 2)).toBeGreaterThan(rrf(2));
	});

	it('long-context alternative', () => {
		expect(body).toContain(`150,000 help sections at about 300 tokens are ${(150_000 * 300) / 1e6}M tokens`);
		const perAnswer = 200_000 * priceIn;
		expect(body).toContain(`200,000 × $3 ÷ 1M = $${perAnswer.toFixed(2)} per answer`);
		expect(body).toContain(`about ${Math.round(perAnswer / largeCached)} times the $0.0147`);
		expect(body).toContain(`${usd(perAnswer * answersPerDay)} a day at 1M answers`);
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

	it('calibration sample needed for the judge sensitivity', () => {
		const n = Math.ceil((1.96 ** 2 * 0.8 * 0.2) / 0.05 ** 2);
		expect(body).toContain(`1.96² × 0.8 × 0.2 ÷ 0.05² ≈ ${n} truly unfaithful answers, about ${formatInt(n / 0.05)} random answers`);
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
	const generated = 1 - cacheShare;
	const smallQps = peak * generated * smallShare;
	const rewriteGpuS = 600 / prefillTps + 30 / decodeTps;
	const rewriteQps = peak / 2;
	const busy = smallQps * gpuSPerAnswer + rewriteQps * rewriteGpuS;
	const smallGpus = 12;
	const smallMonthly = smallGpus * 3 * 730;
	const largePerDay = answersPerDay * generated * (1 - smallShare);
	const largeMonthly = largePerDay * largeCached * 30;
	const rerankMonthly = 6 * 0.8 * 730;
	const retrievalMonthly = 6 * 1.5 * 730;
	const judgeMonthly = answersPerDay * 0.02 * (6_000 * priceIn + 300 * priceOut) * 30;
	const total = smallMonthly + largeMonthly + rerankMonthly + retrievalMonthly + judgeMonthly;

	it('sizes the 8B fleet', () => {
		expect(body).toContain(`34.7 QPS × 0.8 × 0.7 ≈ ${smallQps.toFixed(1)} QPS × 0.229 GPU-s ≈ ${(smallQps * gpuSPerAnswer).toFixed(1)} busy GPUs`);
		expect(body).toContain(`≈ ${rewriteGpuS.toFixed(3)} GPU-s × ${rewriteQps.toFixed(1)} QPS ≈ ${(rewriteQps * rewriteGpuS).toFixed(1)} busy GPUs`);
		expect(body).toContain(`about ${busy.toFixed(2)} busy GPUs ÷ 50% utilisation ≈ ${(busy / 0.5).toFixed(1)}, so 12 GPUs`);
		expect(Math.ceil(busy / 0.5)).toBeLessThanOrEqual(smallGpus);
		expect(body).toContain(`12 GPUs (4 per zone) × $3 × 730 h = ${usd(smallMonthly)} per month`);
	});

	it('prices each component and the total', () => {
		expect(body).toContain(`1,000,000 × 0.8 × 0.3 = ${formatInt(largePerDay)} answers per day × $0.0147 × 30 = ${usd(largeMonthly)} per month`);
		expect(body).toContain(`6 GPUs × $0.80 × 730 h = ${usd(rerankMonthly)} per month`);
		expect(body).toContain(`6 nodes × $1.50 × 730 h = ${usd(retrievalMonthly)} per month`);
		expect(body).toContain(`20,000 × (6,000 × $3 + 300 × $15) ÷ 1M × 30 = ${usd(judgeMonthly)} per month`);
		expect(body).toContain(`total ≈ ${usd(total)} per month ÷ 30,000,000 answers ≈ $${(total / 30e6).toFixed(4)} per answer`);
		expect(fm.keyPoints.estimates.join(' ')).toContain(usd(total));
	});

	it('compares with human contacts', () => {
		expect(body).toContain(`10,000 × $5 × 30 = ${usd(10_000 * 5 * 30)} a month`);
	});

	it('the cost-halving follow-up', () => {
		const answers = fm.followUps.map((f: { answer: string }) => f.answer).join(' ');
		expect(answers).toContain(`${usd(largeMonthly)} of the ${usd(total)} a month`);
		expect(answers).toContain(`halves that bill to ${usd(answersPerDay * generated * 0.15 * largeCached * 30)}`);
		expect(answers).toContain(`saves ${usd(judgeMonthly / 2)}`);
		expect(answers).toContain(`cuts ${2 * 350} input tokens`);
	});

	it('the ten-times-smaller follow-up', () => {
		const answers = fm.followUps.map((f: { answer: string }) => f.answer).join(' ');
		expect(answers).toContain(`About ${(peak / 10).toFixed(1)} QPS at peak`);
	});
});

describe('rag-support-assistant: key points', () => {
	const sections = ['requirements', 'estimates', 'framing', 'metrics', 'architecture', 'data', 'features', 'model', 'evaluation', 'serving', 'monitoring'];

	it('has 3-6 short key points for every framework section', () => {
		expect(Object.keys(fm.keyPoints).sort()).toEqual([...sections].sort());
		for (const id of sections) {
			const points: string[] = fm.keyPoints[id];
			expect(points.length).toBeGreaterThanOrEqual(3);
			expect(points.length).toBeLessThanOrEqual(6);
			for (const p of points) expect(p.split(/\s+/).length, p).toBeLessThanOrEqual(30);
		}
	});

	it('every number in a key point appears in the body', () => {
		for (const id of sections) {
			for (const p of fm.keyPoints[id] as string[]) {
				for (const raw of p.match(/\$?\d[\d,.]*%?/g) ?? []) {
					const n = raw.replace(/[.,]$/, '');
					expect(body, `"${n}" from keyPoints.${id}`).toContain(n);
				}
			}
		}
	});
});
