import { describe, it, expect } from 'vitest';
import { averageQps, peakQps, storageBytes, latencyBudget, formatInt, formatCount, formatBytes } from '../../../src/lib/numbers/estimates.ts';
import { sampleSizePerArm, experimentDays, experimentDaysUnique, uniqueUsersAfterDays, normalQuantile } from '../../../src/lib/numbers/stats.ts';
import { unsupportedNumbers } from '../../../src/lib/content/key-point-numbers.ts';
import { keyPointNumbersMissing, keyPointShapeProblems, onlineStages, readCase } from './helpers.ts';

const { text, fm, body } = readCase('query-autocomplete');
const { dailyActiveUsers, requestsPerUserPerDay, peakFactor, corpusSize, latencyBudgetMs, itemsPerRequest } = fm.scale;

const searchesPerUser = 4;
const searchesPerDay = dailyActiveUsers * searchesPerUser;
const requestsPerDay = dailyActiveUsers * requestsPerUserPerDay;
const peak = peakQps(dailyActiveUsers, requestsPerUserPerDay, peakFactor);
const edgeShare = 0.55;
const originPeak = peak * (1 - edgeShare);

describe('query-autocomplete: scale and traffic', () => {
	it('uses the scale the case states', () => {
		expect(dailyActiveUsers).toBe(50_000_000);
		expect(requestsPerUserPerDay).toBe(28);
		expect(peakFactor).toBe(3);
		expect(corpusSize).toBe(20_000_000);
		expect(latencyBudgetMs).toBe(50);
		expect(itemsPerRequest).toBe(8);
	});

	it('derives requests per search from typed characters, coalescing and client caching', () => {
		const typed = 12;
		const afterCoalescing = typed * 0.75;
		const perSearch = afterCoalescing - 2;
		expect(perSearch).toBe(7);
		expect(searchesPerUser * perSearch).toBe(requestsPerUserPerDay);
		expect(text).toContain(`${formatInt(dailyActiveUsers)} DAU × 4 searches = ${formatInt(searchesPerDay)} searches per day`);
		expect(text).toContain(`12 × 0.75 after coalescing fast keystrokes = ${afterCoalescing} requests; − 2 answered from the client cache = ${perSearch} server requests per search`);
		expect(text).toContain(`4 searches × 7 requests = ${requestsPerUserPerDay} requests per user per day`);
	});

	it('states average, peak and origin QPS', () => {
		const avg = averageQps(dailyActiveUsers, requestsPerUserPerDay);
		expect(text).toContain(`50,000,000 × 28 = ${formatCount(requestsPerDay)} keystroke requests per day ÷ 86,400 s ≈ ${formatInt(avg)} QPS average`);
		expect(formatInt(avg)).toBe('16,204');
		expect(text).toContain(`${formatCount(requestsPerDay)} × 3 evening peak ÷ 86,400 s ≈ ${formatInt(peak)} QPS peak`);
		expect(formatInt(peak)).toBe('48,611');
		expect(text).toContain(`${formatInt(peak)} × 45% not answered at the edge ≈ ${formatInt(originPeak)} QPS at the origin at peak`);
		expect(formatInt(originPeak)).toBe('21,875');
	});

	it('states the traffic without coalescing and client caching', () => {
		const rpu = 12 * searchesPerUser;
		expect(text).toContain(`12 requests per search would be ${rpu} per user: ${formatInt(averageQps(dailyActiveUsers, rpu))} QPS average and ${formatInt(peakQps(dailyActiveUsers, rpu, peakFactor))} QPS at peak`);
	});

	it('derives the edge share and its sensitivity to session context', () => {
		expect(0.8 * 0.75).toBeCloseTo(0.6, 12);
		expect(text).toContain('0.8 × 0.75 = 0.6 are cacheable');
		expect(Math.round(0.6 * 0.92 * 100)).toBe(55);
		expect(text).toContain('0.6 × 0.92 ≈ 55% answered at the edge');
		const low = 0.8 * 0.5 * 0.92;
		expect(Math.round(low * 100)).toBe(37);
		const origin = peak * (1 - low);
		expect(text).toContain(`0.8 × 0.5 × 0.92 ≈ 37% at the edge and ${formatInt(origin)} QPS (~${Math.round(origin / 1000)}k) at the origin`);
	});

	it('states the round figures the key points use', () => {
		const avg = averageQps(dailyActiveUsers, requestsPerUserPerDay);
		const noSavings = peakQps(dailyActiveUsers, 12 * searchesPerUser, peakFactor);
		expect(text).toContain(`~${Math.round(avg / 1000)}k QPS average, ~${Math.round(peak / 1000)}k at peak, ~${Math.round(originPeak / 1000)}k at the origin, ~${Math.round(noSavings / 1000)}k without the client's savings`);
		expect(text).toContain('~16k QPS average, ~49k at peak, ~22k at the origin, ~83k');
	});
});

describe('query-autocomplete: candidate set and index memory', () => {
	it('sizes the log window and the k-anonymous candidate set', () => {
		expect(text).toContain(`${formatInt(searchesPerDay)} searches × 90 days = ${formatCount(searchesPerDay * 90)} searches`);
		expect(text).toContain(`${formatInt(corpusSize)} issued by at least 50 distinct users = ${((corpusSize / 1.5e9) * 100).toFixed(1)}% of distinct queries`);
		expect(text).toContain(`fewer than 2 × 20,000,000 = ${formatInt(2 * corpusSize)} nodes`);
	});

	it('sizes the trie table and its total', () => {
		const nodes = 2 * corpusSize;
		const lists = storageBytes(nodes, 32 * 4);
		const strings = storageBytes(corpusSize, 22);
		const features = storageBytes(corpusSize, 64);
		const structure = storageBytes(nodes, 16);
		const embeddings = storageBytes(corpusSize, 64);
		expect(text).toContain(`| 40,000,000 × 32 × 4 bytes | ${formatBytes(lists)} |`);
		expect(text).toContain(`| 20,000,000 × 22 bytes | ${formatBytes(strings)} |`);
		expect(text).toContain(`| 20,000,000 × 64 bytes | ${formatBytes(features)} |`);
		expect(text).toContain(`| 40,000,000 × 16 bytes | ${formatBytes(structure)} |`);
		expect(text).toContain(`| Candidate embeddings (64 int8 dimensions) | 20,000,000 × 64 bytes | ${formatBytes(embeddings)} |`);
		expect(text).toContain(`the ${formatBytes(embeddings)} row of the memory table`);
		const total = lists + strings + features + structure + embeddings;
		expect(formatBytes(total)).toBe('8.8 GB');
		expect(text).toContain(`| Total per serving host | | ${formatBytes(total)} |`);
		expect(text).toContain(`the whole ${formatBytes(total)} index`);
		expect(text).toContain(`twice over during an index swap (${formatBytes(2 * total)})`);
		expect(text).toContain(`hence ${formatBytes(2 * total)} for two`);
	});
});

describe('query-autocomplete: training data', () => {
	it('sizes client logs and the sampled training set', () => {
		expect(text).toContain(`${formatCount(requestsPerDay)} keystroke lists per day × 200 bytes of client log = ${formatBytes(requestsPerDay * 200)} per day`);
		const lists = requestsPerDay * 0.001;
		expect(text).toContain(`${formatCount(requestsPerDay)} × 0.001 = ${formatInt(lists)} lists per day`);
		const window = lists * 14;
		const rows = window * 50;
		expect(text).toContain(`${formatInt(lists)} × 14 days = ${formatInt(window)} lists × 50 candidates = ${formatInt(rows)} rows`);
		expect(text).toContain(`${formatInt(rows)} rows × 60 features × 1 byte per binned feature = ${formatBytes(rows * 60)} in memory`);
		const updates = rows * 60 * 6 * 300;
		expect(text).toContain(`${formatCount(rows, 0)} rows × 60 features × 6 tree levels × 300 trees ≈ ${(updates / 1e14).toFixed(1)} × 10^14 histogram updates`);
		const coreHours = updates / 1e9 / 3600;
		expect(text).toContain(`≈ ${Math.round(coreHours)} vCPU-hours ≈ ${Math.ceil(coreHours / 32)} machine of 32 vCPU for an hour`);
		expect(text).toContain(`about ${Math.round((window / 1e6))}M logged lists (about ${Math.round(rows / 1e9)}B candidate rows)`);
	});
});

describe('query-autocomplete: latency and funnel', () => {
	it('latency table sums to the budget and the pipeline stages match it', () => {
		const stages = [2, 6, 18, 5, 6, 2];
		const headroom = 11;
		const { usedMs, over } = latencyBudget(latencyBudgetMs, stages.map((ms, i) => ({ name: String(i), ms })));
		expect(usedMs + headroom).toBe(latencyBudgetMs);
		expect(over).toBe(false);
		expect(text).toContain(`Stages sum to ${usedMs} ms with generation, ${usedMs - 18} ms without`);
		const online = onlineStages(fm);
		expect(online.reduce((s: number, p: { latencyMs?: number }) => s + (p.latencyMs ?? 0), 0)).toBe(usedMs);
		expect(body).toContain(`Server stages sum to ${usedMs} ms`.replace('Server stages sum to', 'Stages sum to'));
	});

	it('candidate pool is 32 + 10 + 8', () => {
		expect(32 + 10 + 8).toBe(50);
		expect(text).toContain('**32** at the trie node, plus up to **10** fuzzy and **8** from the user\'s history = **50** candidates');
	});
});

describe('query-autocomplete: metrics example', () => {
	it('MRR and keystrokes saved', () => {
		const mrr3 = (0 + 1 / 5 + 1 / 2) / 3;
		expect(text).toContain(`(0 + 0.2 + 0.5) ÷ 3 ≈ ${mrr3.toFixed(3)}`);
		expect(text).toContain(`(14 − 3 typed − 1 tap) ÷ 14 ≈ ${(((14 - 3 - 1) / 14) * 100).toFixed(1)}%`);
		expect(text).toContain(`(0 + 0.2 + 0.5 + 1) ÷ 4 = ${((0 + 0.2 + 0.5 + 1) / 4).toFixed(3)}`);
		expect('iphone 15 case'.length).toBe(14);
	});
});

describe('query-autocomplete: model costs', () => {
	it('ranker cost', () => {
		const evals = 50 * 300;
		expect(text).toContain(`50 candidates × 300 trees = ${formatInt(evals)} tree evaluations per request`);
		expect(text).toContain(`${formatInt(evals)} × 100 ns ≈ ${(evals * 100) / 1e6} ms of CPU per request`);
	});

	it('small language model cost', () => {
		const perStep = 2 * 30e6 * 8;
		expect(text).toContain(`2 × 30M parameters × 8 beams = ${perStep / 1e6} MFLOPs per decode step`);
		const perRequest = perStep * 6;
		expect(text).toContain(`${perStep / 1e6} MFLOPs × 6 subword steps ≈ ${perRequest / 1e9} GFLOPs per request`);
		const qps = originPeak * 0.08;
		expect(text).toContain(`${formatInt(originPeak)} QPS × 8% = ${formatInt(qps)} QPS × ${perRequest / 1e9} GFLOPs ≈ ${Math.round((qps * perRequest) / 1e12)} TFLOP/s at peak`);
	});

	it('online LLM cost and latency floor', () => {
		const perRequest = 2 * 7e9 * 8 * 6;
		expect(text).toContain(`2 × 7B parameters × 8 beams × 6 steps = ${perRequest / 1e9} GFLOPs per request`);
		const sparse = 1_750 * perRequest;
		expect(text).toContain(`1,750 sparse-prefix QPS × ${perRequest / 1e9} GFLOPs ≈ ${(sparse / 1e15).toFixed(2)} PFLOP/s ≈ ${Math.ceil(sparse / 1e14)} GPUs at 100 TFLOP/s effective`);
		const all = originPeak * perRequest;
		expect(text).toContain(`${formatInt(originPeak)} QPS × ${perRequest / 1e9} GFLOPs ≈ ${(all / 1e15).toFixed(1)} PFLOP/s ≈ ${Math.ceil(all / 1e14)} GPUs for all origin traffic`);
		const stepMs = (14e9 / 3.35e12) * 1000;
		expect(text).toContain(`about ${Math.round(stepMs)} ms at 3.35 TB/s, so 6 steps take ${Math.round(stepMs * 6)} ms`);
	});

	it('offline LLM generation cost', () => {
		const tokens = 2e6 * 300;
		expect(text).toContain(`that is ${tokens / 1e6}M tokens a week, about $${(tokens / 1e6) * 0.2}`);
	});

	it('small quantised model on sparse prefixes', () => {
		const perRequest = 2 * 0.5e9 * 8 * 6;
		expect(text).toContain(`2 × 0.5B parameters × 8 beams × 6 steps = ${perRequest / 1e9} GFLOPs per request`);
		const load = 1_750 * perRequest;
		expect(text).toContain(`1,750 QPS × ${perRequest / 1e9} GFLOPs = ${load / 1e12} TFLOP/s ≈ ${Math.ceil(load / 1e14)} GPU at 100 TFLOP/s effective`);
	});

	it('cross-encoder cost, without the embedding table', () => {
		const tokens = 50 * 24;
		const flops = 2 * 10e6 * tokens;
		expect(text).toContain(`2 × 10M × ${formatInt(tokens)} tokens ≈ ${flops / 1e9} GFLOPs per request, about ${Math.ceil((flops * originPeak) / 1e14)} GPUs at peak`);
	});

	it('distinct counting sketch error', () => {
		expect(((1.04 / Math.sqrt(4096)) * 100).toFixed(1)).toBe('1.6');
		expect((4096 * 6) / 8 / 1024).toBe(3);
		expect(text).toContain('4,096 registers, about 3 KB and 1.6% standard error');
	});
});

describe('query-autocomplete: experiment', () => {
	const za = normalQuantile(0.975);
	const zb = normalQuantile(0.8);
	const population = 120_000_000;
	const armShare = 0.02;

	it('prints the z values', () => {
		expect(text).toContain(`z = ${za.toFixed(6)} and ${zb.toFixed(6)}`);
	});

	it('searches per arm and the design effect over days', () => {
		const perArm = sampleSizePerArm({ baseline: 0.3, absoluteEffect: 0.0006, alpha: 0.05, power: 0.8 });
		expect(text).toContain(`That is ${formatInt(perArm)} searches per arm, about ${(perArm / 1e6).toFixed(1)}M`);
		const zr = (x: number) => Number(x.toFixed(6));
		const [p1, p2] = [0.3, 0.3006];
		const pbar = (p1 + p2) / 2;
		const printed = (zr(za) * Math.sqrt(2 * pbar * (1 - pbar)) + zr(zb) * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / 0.0006 ** 2;
		expect(text).toContain(`the printed values give ${formatInt(Math.floor(printed))}`);
		const rho = 0.02;
		const at = (d: number) => {
			const users = armShare * uniqueUsersAfterDays(population, dailyActiveUsers, d);
			const searches = armShare * searchesPerDay * d;
			const m = searches / users;
			const deff = 1 + (m - 1) * rho;
			return { users, searches, m, deff, effective: searches / deff };
		};
		expect(armShare * searchesPerDay).toBe(4_000_000);
		const d2 = at(2);
		expect(text).toContain(`2 days: ${formatInt(d2.users)} users, ${formatInt(d2.searches)} searches, effective ${formatInt(d2.effective)}, short of ${formatInt(perArm)}`);
		expect(d2.effective).toBeLessThan(perArm);
		const d3 = at(3);
		expect(text).toContain(`(1 − (7/12)³) = ${formatInt(d3.users)} users and ${formatInt(d3.searches)} searches per arm`);
		expect(text).toContain(`m = ${formatInt(d3.searches)} ÷ ${formatInt(d3.users)} = ${d3.m.toFixed(2)} searches per user; design effect 1 + ${(d3.m - 1).toFixed(2)} × 0.02 = ${d3.deff.toFixed(3)}`);
		expect(text).toContain(`≈ ${formatInt(d3.effective)} effective searches ≥ ${formatInt(perArm)}, so 3 days`);
		expect(d3.effective).toBeGreaterThanOrEqual(perArm);
		expect(1 - dailyActiveUsers / population).toBeCloseTo(7 / 12, 12);
		const daysAt = (r: number) => {
			for (let d = 1; d < 60; d++) {
				const users = armShare * uniqueUsersAfterDays(population, dailyActiveUsers, d);
				const searches = armShare * searchesPerDay * d;
				if (searches / (1 + (searches / users - 1) * r) >= perArm) return d;
			}
			return Infinity;
		};
		expect(daysAt(0.02)).toBe(3);
		expect(text).toContain(`gives ${daysAt(0.05)} days at ρ = 0.05, ${daysAt(0.1)} at 0.1 and ${daysAt(0.2)} at 0.2`);
		expect(text).toContain(`in 3 days at 2% per arm, ${daysAt(0.2)} days if ρ = 0.2`);
		expect(text).toContain(`r = 0.3 saves ${Math.round(0.3 ** 2 * 100)}% of searches`);
	});

	it('user-level metric duration', () => {
		const perArm = sampleSizePerArm({ baseline: 0.4, absoluteEffect: 0.0015, alpha: 0.05, power: 0.8 });
		expect(text).toContain(`needs ${formatInt(perArm)} users per arm`);
		const unique = experimentDaysUnique(perArm, population, dailyActiveUsers, 2, 2 * armShare);
		const naive = experimentDays(perArm, dailyActiveUsers, 2, 2 * armShare);
		expect(unique).toBe(3);
		expect(naive).toBe(2);
		expect(text).toContain(`reaches it after ${unique} days (counting each day's users as new would say ${naive}), plus 7 days of observation, ${unique + 7} days in all`);
	});

	it('holdout logging volume', () => {
		expect(dailyActiveUsers * 0.005 * searchesPerUser).toBe(1_000_000);
		expect(text).toContain(`50M × 0.5% × 4 = ${formatInt(dailyActiveUsers * 0.005 * searchesPerUser)} searches a day`);
	});

	it('rule of three for the tail, and why it cannot stand for "never"', () => {
		expect(text).toContain(`3 ÷ 0.0001 = ${formatInt(3 / 0.0001)} sampled suggestions`);
		const impressions = requestsPerDay * 8;
		expect(text).toContain(`${formatCount(requestsPerDay)} lists × 8 slots ≈ ${formatCount(impressions)} suggestion impressions a day`);
		expect(text).toContain(`still allow ${formatCount(impressions * 1e-4, 2)} unsafe impressions a day`);
		const head = 37 + 37 ** 2 + 37 ** 3;
		expect(text).toContain(`37 + 37² + 37³ = ${formatInt(head)}`);
		expect(Math.round((head + 200_000) / 10_000) * 10_000).toBe(250_000);
	});
});

describe('query-autocomplete: capacity and cost', () => {
	const perRequestMs = 2.5 + 0.08 * 10;
	const plan = (origin: number) => {
		const regional = origin * 0.5;
		const vcpu = (regional * perRequestMs) / 1000;
		const provisioned = Math.ceil(vcpu / 0.5);
		return { regional, vcpu, provisioned, machines: Math.ceil(provisioned / 32) };
	};

	it('suggest hosts in vCPU, at the planned and the pessimistic edge share', () => {
		expect(perRequestMs).toBeCloseTo(3.3, 12);
		const a = plan(originPeak);
		expect(text).toContain(`${formatInt(originPeak)} × 0.5 ≈ ${formatInt(Math.floor(a.regional))} QPS × 3.3 ms ≈ ${Math.round(a.vcpu)} vCPU, ${a.provisioned} at 50% utilisation = ${a.machines} machines of 32 vCPU per region, ${a.machines * 3} in all`);
		expect(a.machines * 3).toBe(9);
		const lowOrigin = peak * (1 - 0.8 * 0.5 * 0.92);
		const b = plan(lowOrigin);
		expect(text).toContain(`${formatInt(lowOrigin)} × 0.5 ≈ ${formatInt(Math.round(b.regional))} QPS × 3.3 ms ≈ ${Math.round(b.vcpu)} vCPU, ${b.provisioned} at 50% = ${b.machines} machines per region, ${b.machines * 3} in all`);
	});

	it('monthly cost and cost per 1,000 searches', () => {
		const cpu = (9 + 6 + 4) * 1.5 * 730;
		expect(text).toContain(`(9 + 6 + 4) = 19 machines × $1.50 × 730 hours = $${formatInt(cpu)} per month`);
		const cdnRequests = requestsPerDay * 30;
		const cdn = (cdnRequests / 1e6) * 0.5;
		expect(text).toContain(`${formatCount(requestsPerDay)} × 30 days = ${formatCount(cdnRequests)} requests × $0.50 per million = $${formatInt(cdn)} per month`);
		const egressGB = (cdnRequests * 1000) / 1e9;
		const egress = egressGB * 0.02;
		expect(text).toContain(`${formatCount(cdnRequests)} × 1 KB = ${egressGB / 1000} TB × $0.02 per GB = $${formatInt(egress)} per month`);
		const total = cpu + cdn + egress;
		const thousands = (searchesPerDay * 30) / 1000;
		expect(text).toContain(`total ≈ $${formatInt(total)} per month ÷ ${formatInt(thousands)} thousand searches ≈ $${(total / thousands).toFixed(4)} per 1,000 searches`);
		expect(text).toContain(`About $${Math.round(total / 1000)}k a month`);
		expect(text).toContain(`6 × $4 × 730 hours = $${formatInt(6 * 4 * 730)}`);
	});
});

describe('query-autocomplete: key points', () => {
	it('has 3-6 short key points for every framework section', () => {
		expect(keyPointShapeProblems(fm)).toEqual([]);
	});

	it('every number in a key point appears in the body or the scale', () => {
		const scale = Object.values(fm.scale).map(String).join(' ');
		expect(keyPointNumbersMissing(fm, [body, scale])).toEqual([]);
		for (const [id, points] of Object.entries(fm.keyPoints as Record<string, string[]>)) {
			for (const p of points) expect(unsupportedNumbers(p, [body, scale]), `keyPoints.${id}: ${p}`).toEqual([]);
		}
	});
});
