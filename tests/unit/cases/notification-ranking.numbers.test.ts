import { describe, it, expect } from 'vitest';
import { averageQps, peakQps, storageBytes, embeddingBytes, latencyBudget, formatInt, formatBytes } from '../../../src/lib/numbers/estimates.ts';
import { sampleSizePerArm, experimentDays, experimentDaysUnique, uniqueUsersAfterDays, normalQuantile } from '../../../src/lib/numbers/stats.ts';
import { keyPointNumbersMissing, keyPointShapeProblems, onlineStages, readCase, words } from './helpers.ts';

const { text, fm, body } = readCase('notification-ranking');
const { dailyActiveUsers, requestsPerUserPerDay, peakFactor, corpusSize, latencyBudgetMs, itemsPerRequest } = fm.scale;

const candidatesPerDay = dailyActiveUsers * requestsPerUserPerDay;
const peak = peakQps(dailyActiveUsers, requestsPerUserPerDay, peakFactor);
const pushes = 300_000_000;
const emails = 100_000_000;
const sends = pushes + emails;
const reachable = 250_000_000;
const sliceShare = 0.05;

describe('notification-ranking: scale and traffic', () => {
	it('uses the scale the case states', () => {
		expect(dailyActiveUsers).toBe(100_000_000);
		expect(requestsPerUserPerDay).toBe(20);
		expect(peakFactor).toBe(3);
		expect(corpusSize).toBe(60);
		expect(latencyBudgetMs).toBe(200);
		expect(itemsPerRequest).toBe(1);
	});

	it('states candidates per day, average and peak decisions per second', () => {
		expect(text).toContain(`= ${formatInt(candidatesPerDay)} candidate notifications per day`);
		const avg = averageQps(dailyActiveUsers, requestsPerUserPerDay);
		expect(formatInt(avg)).toBe('23,148');
		expect(text).toContain(`${formatInt(candidatesPerDay)} ÷ 86,400 s ≈ ${formatInt(avg)} decisions per second average`);
		expect(formatInt(peak)).toBe('69,444');
		expect(text).toContain(`≈ ${formatInt(peak)} decisions per second at the evening peak`);
	});

	it('sends a fifth of the candidates, two pushes per push-enabled user', () => {
		expect(sends / candidatesPerDay).toBe(0.2);
		expect(text).toContain(`= ${formatInt(sends)} sends per day, 20% of candidates`);
		expect(pushes / 150_000_000).toBe(2);
		expect(text).toContain('= 2 pushes per user per day on average');
	});

	it('computes average, peak and scheduled send rates', () => {
		expect(formatInt(pushes / 86_400)).toBe('3,472');
		expect(text).toContain('300,000,000 ÷ 86,400 ≈ 3,472 per second');
		expect(formatInt((pushes / 86_400) * peakFactor)).toBe('10,417');
		expect(text).toContain('about 10,417 at the peak');
		expect(text).toContain(`10,000,000 ÷ 60 s ≈ ${formatInt(10_000_000 / 60)} per second`);
		expect(text).toContain(`10,000,000 ÷ 1,800 s ≈ ${formatInt(10_000_000 / 1_800)} per second`);
		expect(30 * 60).toBe(1_800);
	});

	it('sizes sends against the FCM per-project quota and a creator fan-out', () => {
		const perSecond = 600_000 / 60;
		expect(perSecond).toBe(10_000);
		expect(text).toContain('600,000 messages a minute ÷ 60 = 10,000 per second per project');
		const digest = 10_000_000 / 60;
		expect(formatInt(digest / 2)).toBe('83,333');
		expect((digest / 2 / perSecond).toFixed(1)).toBe('8.3');
		expect(text).toContain('166,667 ÷ 2 ≈ 83,333 per second, 8.3 times the quota');
		const jittered = 10_000_000 / 1_800 / 2 + ((pushes / 86_400) * peakFactor) / 2;
		expect(formatInt(jittered)).toBe('7,986');
		expect(jittered).toBeLessThan(perSecond);
		expect(text).toContain('5,556 ÷ 2 + 10,417 ÷ 2 ≈ 7,986 per second < 10,000');
		expect(formatInt(10_000_000 / 600)).toBe('16,667');
		expect(text).toContain('10,000,000 ÷ 600 s ≈ 16,667 a second');
	});
});

describe('notification-ranking: storage', () => {
	it('sizes the logs and their retention', () => {
		const decisionLog = storageBytes(candidatesPerDay, 200);
		expect(formatBytes(decisionLog)).toBe('400 GB');
		expect(text).toContain(`| 2,000,000,000 × 200 bytes | ${formatBytes(decisionLog)} per day |`);
		const featureRows = sends + sliceShare * candidatesPerDay;
		expect(featureRows).toBe(500_000_000);
		const featureLog = storageBytes(featureRows, 2_000);
		expect(formatBytes(featureLog)).toBe('1 TB');
		expect(text).toContain(`| 500,000,000 × 2 KB | ${formatBytes(featureLog)} per day |`);
		const daily = decisionLog + featureLog;
		expect(formatBytes(daily)).toBe('1.4 TB');
		expect(formatBytes(90 * daily)).toBe('126 TB');
		expect(text).toContain('| 90 × 1.4 TB | 126 TB |');
	});

	it('sizes user state, holds and sequence embeddings', () => {
		const state = storageBytes(reachable, 2_000);
		expect(formatBytes(state)).toBe('500 GB');
		expect(formatBytes(3 * state)).toBe('1.5 TB');
		expect(text).toContain('| 250,000,000 × 2 KB | 500 GB, 1.5 TB with 3 replicas |');
		expect(formatBytes(storageBytes(100_000_000 * 10, 300))).toBe('300 GB');
		expect(text).toContain('| 100,000,000 users × 10 × 300 bytes | 300 GB |');
		const seq = embeddingBytes(reachable, 256, 2);
		expect(formatBytes(seq)).toBe('128 GB');
		expect(text).toContain(`| 250,000,000 × 256 × 2 bytes | ${formatBytes(seq)} |`);
		expect(text).toContain('cached (128 GB in fp16)');
	});
});

describe('notification-ranking: latency budget', () => {
	const stages = [
		{ name: 'Ingest and deduplication', ms: 30 },
		{ name: 'Eligibility and settings', ms: 15 },
		{ name: 'State and feature fetch', ms: 25 },
		{ name: 'Scoring', ms: 30 },
		{ name: 'Decision', ms: 15 },
		{ name: 'Hand-off to delivery', ms: 20 },
	];

	it('sums the stages and leaves the headroom the table prints', () => {
		const { usedMs, remainingMs, over } = latencyBudget(latencyBudgetMs, stages);
		expect(usedMs).toBe(135);
		expect(remainingMs).toBe(65);
		expect(over).toBe(false);
		for (const s of stages) expect(text).toContain(`| ${s.name} | ${s.ms} |`);
		expect(text).toContain('| Headroom | 65 |');
		expect(text).toContain('Stages sum to 135 ms');
	});

	it('matches the online pipeline stages', () => {
		const online = onlineStages(fm);
		expect(online.map((s) => s.latencyMs)).toEqual(stages.map((s) => s.ms));
	});
});

describe('notification-ranking: decision arithmetic', () => {
	it('prices a disable and works the example', () => {
		const disableCost = 0.2 * 180;
		expect(disableCost).toBe(36);
		expect(text).toContain('0.2 sessions a day × 180 days = 36 sessions');
		const cost = 0.0004 * disableCost;
		expect(cost.toFixed(4)).toBe('0.0144');
		const value = 0.03 - cost;
		expect(value.toFixed(4)).toBe('0.0156');
		expect(text).toContain('value = 0.03 − 0.0004 × 36 = 0.03 − 0.0144 = 0.0156 sessions');
		expect(value).toBeLessThan(0.02);
		expect(text).toContain('μ_u = 0.02 > 0.0156');
		expect((0.03 - 0.0004 * 5).toFixed(3)).toBe('0.028');
		expect(0.03 - 0.0004 * 5).toBeGreaterThan(0.02);
		expect(text).toContain('a $`c_d`$ of 5 sessions would make the value 0.028');
	});

	it('reads the marginal disable cost off the budget experiment', () => {
		expect(pushes / 150_000_000 * 7).toBe(14);
		expect(text).toContain('1× budget realises 2 pushes a day = 14 a week');
		expect(0.5 * 14).toBe(7);
		expect(text).toContain('1.5× budget realises 7 more pushes a week');
		const perPush = (0.0061 - 0.004) / 7;
		expect(perPush.toFixed(4)).toBe('0.0003');
		expect(text).toContain('(0.61% − 0.40%) ÷ 7 = 0.0003 extra disables per extra push');
		expect((0.0003 * 36).toFixed(4)).toBe('0.0108');
		expect(text).toContain('0.0003 × 36 sessions = 0.0108 sessions');
	});

	it('sizes the randomised data one segment needs', () => {
		const n = sampleSizePerArm({ baseline: 0.7, absoluteEffect: 0.01, alpha: 0.05, power: 0.8 });
		expect(n).toBe(32_647);
		expect(text).toContain(`needs ${formatInt(n)} randomised candidates per arm`);
		expect(sliceShare * candidatesPerDay).toBe(100_000_000);
		expect(text).toContain('5% of 2B candidates is 100M randomised decisions a day, about 2.8B in the four-week window');
		expect(28 * 100_000_000).toBe(2_800_000_000);
		expect(20 * sliceShare).toBe(1);
		expect(text).toContain('20 × 0.05 ≈ 1 random send per slice user per day');
		expect((1 / (0.05 * 0.95)).toFixed(0)).toBe('21');
		expect(text).toContain('$`1/(0.05 × 0.95) ≈ 21`$');
	});
});

describe('notification-ranking: models and their cost', () => {
	it('counts the multi-task network and its FLOPs', () => {
		const params = (500 + 256) * 512 + 512 * 256 + 4 * (256 * 128 + 128);
		expect(params).toBe(649_728);
		expect((params / 1e6).toFixed(2)).toBe('0.65');
		expect(text).toContain('756 × 512 + 512 × 256 + 4 × (256 × 128 + 128) ≈ 0.65M parameters, so about 1.3 MFLOP per candidate');
		expect(((2 * params) / 1e6).toFixed(1)).toBe('1.3');
	});

	it('computes the ε-greedy propensities and the largest IPS weight', () => {
		expect((0.9 + 0.1 / 6).toFixed(3)).toBe('0.917');
		expect((0.1 / 6).toFixed(4)).toBe('0.0167');
		expect(Math.round(1 / (0.1 / 6))).toBe(60);
		expect(text).toContain('probability 0.9 + 0.1/6 ≈ 0.917 and each other 0.1/6 ≈ 0.0167, so an IPS weight reaches 60');
	});

	it('sizes the sequence encoder', () => {
		const params = 4 * 12 * 256 ** 2;
		expect(params).toBe(3_145_728);
		expect(text).toContain('4 × 12 × 256² ≈ 3.1M parameters');
		const dense = 2 * params * 200;
		expect((dense / 1e9).toFixed(2)).toBe('1.26');
		const attention = 4 * 4 * 200 ** 2 * 256;
		expect((attention / 1e9).toFixed(2)).toBe('0.16');
		const perEncoding = dense + attention;
		expect((perEncoding / 1e9).toFixed(2)).toBe('1.42');
		const perDay = 100_000_000 * 4 * 1.42e9;
		expect((perDay / 1e17).toFixed(1)).toBe('5.7');
		expect((perDay / 86_400 / 1e12).toFixed(1)).toBe('6.6');
		expect(text).toContain('100M DAU × 4 refreshes a day = 400M encodings × 1.42 GFLOP ≈ 5.7 × 10^17 FLOP a day ≈ 6.6 TFLOP/s average');
		expect(text).toContain('6.6 TFLOP/s average fits');
	});

	it('costs per-send LLM text and the template alternative', () => {
		const perPush = 2 * 8e9 * (300 + 30);
		expect((perPush / 1e12).toFixed(2)).toBe('5.28');
		const perDay = pushes * perPush;
		expect((perDay / 1e21).toFixed(2)).toBe('1.58');
		const perGpuDay = 3e14 * 86_400;
		expect((perGpuDay / 1e19).toFixed(2)).toBe('2.59');
		expect(Math.round(perDay / perGpuDay)).toBe(61);
		expect(text).toContain('2.59 × 10^19 per GPU-day, so about 61 GPUs on average');
		expect(Math.round((peakFactor * perDay) / perGpuDay)).toBe(183);
		expect(text).toContain('about 183 GPUs');
		expect(60 * 20 * 30).toBe(36_000);
		expect(text).toContain('60 types × 20 variants × 30 locales = 36,000 texts');
	});
});

describe('notification-ranking: experiment', () => {
	const za = normalQuantile(0.975);
	const zb = normalQuantile(0.8);
	const perArm = sampleSizePerArm({ baseline: 0.55, absoluteEffect: 0.002, alpha: 0.05, power: 0.8 });
	const armShare = 0.005;

	it('prints the z values and the users per arm', () => {
		expect(text).toContain(`z = ${za.toFixed(6)} and ${zb.toFixed(6)}`);
		expect(perArm).toBe(970_902);
		expect(text).toContain(`That is ${formatInt(perArm)} users per arm, about ${(perArm / 1e6).toFixed(2)}M`);
		expect(((0.002 / 0.55) * 100).toFixed(2)).toBe('0.36');
		expect(text).toContain('0.2 points absolute (0.36% relative)');
	});

	it('counts distinct users during enrolment with returning users', () => {
		const dailyWithCandidate = 100_000_000;
		expect(dailyWithCandidate / reachable).toBe(0.4);
		// the homogeneous model the page rejects says 3 days at 0.5%
		const homogeneous = experimentDaysUnique(perArm, reachable, dailyWithCandidate, 2, 2 * armShare);
		expect(homogeneous).toBe(3);
		expect(experimentDays(perArm, dailyWithCandidate, 2, 2 * armShare)).toBe(2);
		expect(armShare * uniqueUsersAfterDays(reachable, dailyWithCandidate, 3)).toBeGreaterThanOrEqual(perArm);
		expect(text).toContain('says a 0.5% arm enrols in 3 days');
		// two groups: 80M core at 95% a day, 170M at 14% a day
		expect(80e6 * 0.95 + 170e6 * 0.14).toBeCloseTo(99.8e6, -3);
		const U = (d: number) => 80e6 * (1 - 0.05 ** d) + 170e6 * (1 - 0.86 ** d);
		const fmt = (x: number) => formatInt(Math.round(x));
		expect(fmt(0.005 * U(3))).toBe('709,302');
		expect(text).toContain(`0.5% arm, 3 days: 0.005 × U(3) ≈ ${fmt(0.005 * U(3))} < ${formatInt(perArm)}`);
		expect(text).toContain(`0.5% arm, 7 days: 0.005 × U(7) ≈ ${fmt(0.005 * U(7))} < ${formatInt(perArm)}`);
		expect(text).toContain(`0.5% arm, 8 days: 0.005 × U(8) ≈ ${fmt(0.005 * U(8))} ≥ ${formatInt(perArm)}`);
		expect(0.005 * U(7)).toBeLessThan(perArm);
		expect(0.005 * U(8)).toBeGreaterThanOrEqual(perArm);
		expect(text).toContain(`1% arm, 2 days: 0.01 × U(2) ≈ ${fmt(0.01 * U(2))} ≥ ${formatInt(perArm)}`);
		expect(0.01 * U(1)).toBeGreaterThanOrEqual(perArm);
		expect(0.01 * reachable).toBe(2_500_000);
		expect(text).toContain('arms get 1% (at most 2.5M users), which the core alone fills in 2 days');
		expect(0.01 * 80e6 * (1 - 0.05 ** 2)).toBeGreaterThanOrEqual(perArm * 0.8);
		expect(text).toContain(`the primary is read at day ${2 + 14}`);
	});

	it('prices type holdouts and their overlap', () => {
		expect(((1 - 0.99 ** 60) * 100).toFixed(0)).toBe('45');
		expect(text).toContain('1 − 0.99^60 ≈ 45% of users miss at least one type');
		const mde = (za + zb) * 4 * Math.sqrt(1 / 1_000_000 + 1 / 99_000_000);
		expect(mde.toFixed(3)).toBe('0.011');
		expect(text).toContain('MDE = 2.801585 × 4 × √(1/1,000,000 + 1/99,000,000) ≈ 0.011 sessions a day');
		expect((0.2 / 60).toFixed(4)).toBe('0.0033');
		expect(text).toContain('0.2 ÷ 60 ≈ 0.0033 < 0.011');
	});

	it('powers the disable guardrail', () => {
		const n = sampleSizePerArm({ baseline: 0.008, absoluteEffect: 0.0008, alpha: 0.05, power: 0.8 });
		expect(n).toBe(204_302);
		expect(2 * 0.004).toBe(0.008);
		expect(n).toBeLessThan(perArm);
		expect(text).toContain(`needs ${formatInt(n)} users per arm to detect a 10% relative rise`);
	});

	it('sizes the no-notification holdout and its cost', () => {
		const z = za + zb;
		expect(z.toFixed(6)).toBe('2.801585');
		const mde = z * Math.sqrt((0.55 * 0.45) / 1_250_000);
		expect((mde * 100).toFixed(2)).toBe('0.12');
		expect(text).toContain('2.801585 × √(0.55 × 0.45 ÷ 1,250,000) ≈ 0.12 points');
		const cost = 0.005 * dailyActiveUsers * 0.2;
		expect(cost).toBe(100_000);
		expect(dailyActiveUsers * 4).toBe(400_000_000);
		expect(((cost / 400_000_000) * 100).toFixed(3)).toBe('0.025');
		expect(text).toContain('0.005 × 100M DAU × 0.2 = 100,000 sessions a day, 0.025% of the 400M daily sessions');
	});
});

describe('notification-ranking: serving capacity and cost', () => {
	it('sizes scoring and the state store at peak', () => {
		const scorings = peak * 10;
		expect(formatInt(scorings)).toBe('694,444');
		const flops = scorings * 1.3e6;
		expect((flops / 1e11).toFixed(0)).toBe('9');
		expect(Math.round(flops / 5e10)).toBe(18);
		expect(text).toContain('69,444 × 10 ≈ 694,444 scorings a second at peak × about 1.3 MFLOP ≈ 9 × 10^11 FLOP/s, about 18 cores at 50 GFLOP/s');
		expect(formatInt(peak * 3)).toBe('208,333');
		expect(text).toContain('69,444 decisions × 3 operations ≈ 208,333 operations a second');
	});

	it('prices the fleet per month and per 1,000 sends', () => {
		const machines = 10 + 30 + 24 + 20;
		expect(machines).toBe(84);
		const cpu = machines * 1.5 * 730;
		expect(formatInt(cpu)).toBe('91,980');
		const gpu = 4 * 2 * 730;
		expect(formatInt(gpu)).toBe('5,840');
		expect(text).toContain(`10 + 30 + 24 + 20 = 84 machines × $1.50 × 730 hours = $${formatInt(cpu)} a month, plus 4 GPUs × $2 × 730 = $${formatInt(gpu)}, about $${formatInt(cpu + gpu)} a month`);
		const monthlySends = sends * 30;
		expect(monthlySends).toBe(12e9);
		expect(((cpu + gpu) / (monthlySends / 1_000)).toFixed(4)).toBe('0.0082');
		expect(text).toContain('about $0.0082 per 1,000 sends');
		const emailsMonthly = emails * 30;
		expect(emailsMonthly).toBe(3e9);
		expect((emailsMonthly / 1_000) * 0.1).toBe(300_000);
		expect(text).toContain('100M × 30 = 3B emails a month × $0.10 per 1,000 ≈ $300,000 a month');
	});
});

describe('notification-ranking: key points', () => {
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
