import { describe, it, expect } from 'vitest';
import { averageQps, peakQps, storageBytes, embeddingBytes, latencyBudget, recalibrateDownsampled, formatInt, formatBytes } from '../../../src/lib/numbers/estimates.ts';
import { sampleSizePerArm, experimentDaysUnique, uniqueUsersAfterDays, normalQuantile } from '../../../src/lib/numbers/stats.ts';
import { keyPointNumbersMissing, keyPointShapeProblems, onlineStages, readCase, words } from './helpers.ts';

const { text, fm, body } = readCase('payment-fraud');
const { dailyActiveUsers, requestsPerUserPerDay, peakFactor, corpusSize, latencyBudgetMs, itemsPerRequest } = fm.scale;

const authsPerDay = dailyActiveUsers * requestsPerUserPerDay;
const peak = peakQps(dailyActiveUsers, requestsPerUserPerDay, peakFactor);
const fraudRate = 0.001;
const fraudPerDay = authsPerDay * fraudRate;

// Decisions per day under the current policy (assumptions stated in the estimates section).
const declines = authsPerDay * 0.0008;
const stepUps = authsPerDay * 0.004;
const approves = authsPerDay - declines - stepUps;
const declinedFraud = declines * 0.85;
const stepUpFraud = stepUps * 0.05;
const approvedFraud = fraudPerDay - declinedFraud - stepUpFraud;
const passRate = 0.15;

// Holdout.
const epsilon = 0.01;
const holdoutDeclines = declines * 0.8 * epsilon;
const holdoutDeclineFraud = holdoutDeclines * 0.85;
const holdoutStepUps = stepUps * 0.8 * epsilon;
const holdoutStepUpFraud = holdoutStepUps * 0.05;
const holdoutFraud = holdoutDeclineFraud + holdoutStepUpFraud;
const holdoutNegatives = holdoutDeclines - holdoutDeclineFraud + holdoutStepUps - holdoutStepUpFraud;
const dailyLosses = approvedFraud * 135 + stepUpFraud * passRate * 135;


describe('payment-fraud: scale and traffic', () => {
	it('uses the scale the case states', () => {
		expect(dailyActiveUsers).toBe(20_000_000);
		expect(requestsPerUserPerDay).toBe(2.5);
		expect(peakFactor).toBe(4);
		expect(corpusSize).toBe(300_000_000);
		expect(latencyBudgetMs).toBe(100);
		expect(itemsPerRequest).toBe(1);
	});

	it('states authorisations, average and peak QPS, volume and fraud attempts', () => {
		expect(authsPerDay).toBe(50_000_000);
		expect(text).toContain(`20,000,000 active cards × 2.5 authorisations per day = ${formatInt(authsPerDay)} authorisations per day`);
		const avg = averageQps(dailyActiveUsers, requestsPerUserPerDay);
		expect(text).toContain(`${formatInt(authsPerDay)} ÷ 86,400 s ≈ ${formatInt(avg)} QPS average`);
		expect(text).toContain(`${formatInt(avg)} × 4 peak factor (evening peak in the holiday season) ≈ ${formatInt(peak)} QPS peak`);
		expect(formatInt(peak)).toBe('2,315');
		expect(text).toContain(`${formatInt(authsPerDay)} × $50 = $${formatInt(authsPerDay * 50)} of volume per day`);
		expect(text).toContain(`${formatInt(authsPerDay)} × 0.1% = ${formatInt(fraudPerDay)} fraudulent attempts per day`);
	});

	it('card-testing burst rate', () => {
		expect(text).toContain(`200,000 stolen card numbers in two hours at one merchant adds about ${Math.round(200_000 / 7_200)} QPS`);
	});
});

describe('payment-fraud: decisions, losses and labels', () => {
	it('decision table is internally consistent', () => {
		expect(text).toContain(`| Decline | 0.08% | ${formatInt(declines)} | 85% | ${formatInt(declinedFraud)} |`);
		expect(text).toContain(`| Step-up | 0.4% | ${formatInt(stepUps)} | 5% | ${formatInt(stepUpFraud)} |`);
		expect(text).toContain(`| Approve | ${((approves / authsPerDay) * 100).toFixed(2)}% | ${formatInt(approves)} | ${((approvedFraud / approves) * 100).toFixed(3)}% | ${formatInt(approvedFraud)} |`);
		expect(approvedFraud).toBeCloseTo(6_000, 6);
		expect(text).toContain(`Fraud caught by a decline is ${Math.round((declinedFraud / fraudPerDay) * 100)}% of attempts`);
	});

	it('mean fraud probability of each band lies between its thresholds', () => {
		const L = 115;
		const C = 30;
		const a = 0.08;
		const p1 = (a * C) / (L * (1 - passRate) + a * C);
		const p2 = (C * (1 - a)) / (passRate * L + C * (1 - a));
		expect(approvedFraud / approves).toBeLessThan(p1);
		expect(0.05).toBeGreaterThan(p1);
		expect(0.05).toBeLessThan(p2);
		expect(0.85).toBeGreaterThan(p2);
	});

	it('false declines and challenge abandonment', () => {
		expect(text).toContain(`${formatInt(declines)} × 15% = ${formatInt(declines * 0.15)} false declines a day`);
		const legitChallenges = stepUps - stepUpFraud;
		expect(text).toContain(`${formatInt(legitChallenges)} legitimate challenges × 8% abandonment = ${formatInt(legitChallenges * 0.08)} lost good orders`);
	});

	it('daily fraud losses', () => {
		const approvedLoss = approvedFraud * (120 + 15);
		expect(text).toContain(`approved fraud: ${formatInt(approvedFraud)} × ($120 + $15) = $${formatInt(approvedLoss)} per day`);
		const passedLoss = stepUpFraud * passRate * 135;
		expect(text).toContain(`${formatInt(stepUpFraud)} × 15% × $135 = $${formatInt(passedLoss)} per day`);
		const total = approvedLoss + passedLoss;
		expect(text).toContain(`total ≈ $${formatInt(total)} per day, about ${Math.round((total / (authsPerDay * 50)) * 10_000)} basis points of volume`);
		expect(text).toContain(`a 10% reduction ≈ $${formatInt(total * 0.1)} × 365 ≈ $${Math.round((total * 0.1 * 365) / 1e6)}M a year`);
	});

	it('PSD2 band our loss rate qualifies for', () => {
		const bp = Math.round((dailyLosses / (authsPerDay * 50)) * 10_000);
		expect(bp).toBe(4);
		expect(bp).toBeLessThanOrEqual(6);
		expect(bp).toBeGreaterThan(1);
		expect(text).toContain(`At our ${bp} basis points, the €250 band is open and the €500 band is not`);
	});

	it('labelled positives per day', () => {
		const passed = stepUpFraud * passRate;
		const positives = approvedFraud + passed + holdoutFraud;
		expect(text).toContain(`about ${formatInt(approvedFraud)} + ${formatInt(passed)} + the holdout's ${formatInt(holdoutFraud)}`);
		expect(text).toContain(`= ${formatInt(positives)} positives a day once matured`);
	});
});

describe('payment-fraud: storage and training data', () => {
	it('storage table', () => {
		expect(text).toContain(`| 50,000,000 × 2 KB per day | ${formatBytes(storageBytes(authsPerDay, 2_000))} per day |`);
		const counters = storageBytes(450_000_000, 1_000);
		expect(text).toContain(`| 450,000,000 × 1 KB | ${formatBytes(counters)} |`);
		expect(text).toContain(`| ${formatBytes(counters)} × 3 | ${formatBytes(counters * 3)} |`);
		expect(formatBytes(counters * 3)).toBe('1.4 TB');
		const emb = embeddingBytes(corpusSize, 64, 2);
		expect(text).toContain(`| 300,000,000 × 64 × 2 bytes | ${formatBytes(emb)} |`);
		expect(text).toContain(`300,000,000 cards on file × 64 dims × 2 bytes = ${formatBytes(emb)} of embeddings`);
		const cards7 = uniqueUsersAfterDays(corpusSize, dailyActiveUsers, 7);
		expect(text).toContain(`(1 - (14/15)^7) \\approx ${Math.round(cards7 / 1e6)}\\text{M}`);
	});

	it('counter updates at peak', () => {
		expect(text).toContain(`${formatInt(peak)} × 6 ≈ ${formatInt(peak * 6)} counter updates per second at peak, ${formatInt(Math.round(peak * 6) * 10)} in a 10× wave`);
		expect(text).toContain(`${formatInt(Math.round(peak * 6) * 10)} updates per second in the wave`);
	});

	it('training set and GBDT training cost', () => {
		// Passed-challenge rows are dropped: approved fraud plus holdout fraud.
		const positivesPerDay = approvedFraud + holdoutFraud;
		expect(positivesPerDay).toBeCloseTo(6_352, 6);
		const positives = 180 * positivesPerDay;
		expect(text).toContain(`180 × (6,000 + ${formatInt(holdoutFraud)}) = ${formatInt(positives)} positives (about ${(positives / 1e6).toFixed(1)}M)`);
		const negatives = 180 * approves * 0.01;
		const hNeg = 180 * holdoutNegatives;
		expect(text).toContain(`180 × ${formatInt(approves)} × 1% ≈ ${formatInt(negatives)} sampled negatives + 180 × ${formatInt(holdoutNegatives)} = ${formatInt(hNeg)} holdout negatives`);
		const rows = positives + negatives + hNeg;
		const updates = rows * 400 * 8 * 1_000;
		expect(text).toContain(`${formatInt(rows)} rows × 400 features × 8 tree levels × 1,000 trees ≈ ${(updates / 1e14).toFixed(1)} × 10^14 histogram updates`);
		const coreHours = updates / 1e9 / 3_600;
		expect(text).toContain(`≈ ${Math.round(coreHours)} core-hours ≈ ${Math.ceil(coreHours / 32)} machines of 32 vCPU`);
		expect(text).toContain(`${Math.round(coreHours)} core-hours per training run`);
		expect(text).toContain(`not ${(positives / 1e6).toFixed(1)}M`);
	});

	it('effective sample size of the weighted positives', () => {
		const sw = approvedFraud + holdoutFraud * 100;
		const sw2 = approvedFraud + holdoutFraud * 100 ** 2;
		const essDay = (sw * sw) / sw2;
		expect(text).toContain(`Per day, ${formatInt(approvedFraud)} positives carry weight 1 and ${formatInt(holdoutFraud)} carry weight 100, so the holdout holds ${Math.round(((holdoutFraud * 100) / sw) * 100)}% of the positive weight`);
		expect(Math.round(essDay / 10) * 10).toBe(480);
		expect(text).toContain('is about 480 a day');
		expect(Math.round((essDay * 180) / 1_000) * 1_000).toBe(87_000);
		expect(text).toContain('about 87,000 over 180 days');
		expect(text).toContain('0.85% fraud against the band');
		const passedFraud = stepUpFraud * passRate;
		const passedGood = (stepUps - stepUpFraud) * (1 - 0.08);
		expect(((passedFraud / (passedFraud + passedGood)) * 100).toFixed(2)).toBe('0.85');
	});
});

describe('payment-fraud: latency budget', () => {
	const table = [
		{ name: 'ingress', ms: 5 },
		{ name: 'policy rules', ms: 5 },
		{ name: 'feature fetch', ms: 20 },
		{ name: 'assembly', ms: 5 },
		{ name: 'scoring', ms: 10 },
		{ name: 'decision', ms: 5 },
		{ name: 'response', ms: 5 },
		{ name: 'headroom', ms: 45 },
	];

	it('table sums to the budget', () => {
		const r = latencyBudget(latencyBudgetMs, table);
		expect(r.usedMs).toBe(100);
		expect(r.over).toBe(false);
		expect(text).toContain(`| **Total** | **${r.usedMs}** |`);
		expect(text).toContain('| Headroom for tail and one feature retry | 45 |');
	});

	it('online pipeline stages match the table', () => {
		const online = onlineStages(fm);
		const sum = online.reduce((a: number, s: { latencyMs?: number }) => a + (s.latencyMs ?? 0), 0);
		expect(sum).toBe(55);
		expect(online.map((s) => s.latencyMs)).toEqual([5, 5, 20, 5, 10, 5, 5]);
		expect(text).toContain(`Pipeline stages sum to ${sum} ms`);
		expect(sum + 45).toBe(latencyBudgetMs);
	});
});

describe('payment-fraud: expected-cost thresholds', () => {
	const L = 115;
	const C = 30;
	const a = 0.08;
	const r = passRate;

	it('approve vs step-up', () => {
		const num = a * C;
		const den = L * (1 - r) + a * C;
		expect(text).toContain(`p₁ = 0.08 × 30 ÷ (115 × 0.85 + 0.08 × 30) = ${num.toFixed(1)} ÷ ${den.toFixed(2)} = ${(num / den).toFixed(3)}`);
		expect(text).toContain(`approved below a ${((num / den) * 100).toFixed(1)}% fraud probability`);
	});

	it('step-up vs decline', () => {
		const num = C * (1 - a);
		const den = r * L + C * (1 - a);
		expect(text).toContain(`p₂ = 30 × 0.92 ÷ (0.15 × 115 + 30 × 0.92) = ${num.toFixed(1)} ÷ ${den.toFixed(2)} = ${(num / den).toFixed(3)}`);
		expect(text).toContain(`between 2.4% and ${((num / den) * 100).toFixed(1)}%`);
	});

	it('two-action threshold', () => {
		expect(text).toContain(`C ÷ (L + C) = 30 ÷ 145 = ${(C / (L + C)).toFixed(3)}`);
		expect(text).toContain(`two-action threshold of ${((C / (L + C)) * 100).toFixed(1)}%`);
	});

	it('review capacity', () => {
		expect(text).toContain(`about 50 analysts × 8 hours × 20 cases = ${formatInt(50 * 8 * 20)} held orders a day`);
	});
});

describe('payment-fraud: metrics and calibration', () => {
	it('precision at 80% recall and 1% false positives', () => {
		const tp = 0.8 * fraudRate;
		const fp = 0.01 * (1 - fraudRate);
		expect(text).toContain(`0.8 × 0.001 ÷ (0.8 × 0.001 + 0.01 × 0.999) = ${tp.toFixed(4)} ÷ ${(tp + fp).toFixed(5)} = ${((tp / (tp + fp)) * 100).toFixed(1)}%`);
		expect(text).toContain(`turns away ${(fp / tp).toFixed(1)} good customers for every fraudster`);
	});

	it('operating region of false-positive rates', () => {
		const legit = authsPerDay - fraudPerDay;
		const fprDecline = (declines * 0.15) / legit;
		const fprChallenge = (stepUps - stepUpFraud) / legit;
		expect(text).toContain(`declines flag 6,000 ÷ ${formatInt(legit)} = ${(fprDecline * 100).toFixed(3)}% of legitimate payments and challenges ${(fprChallenge * 100).toFixed(2)}%`);
		expect(Math.ceil(fprChallenge * 1_000) / 10).toBe(0.4);
		expect(text).toContain('a false-positive rate of at most 0.4%');
	});

	it('recalibration after keeping 1% of negatives', () => {
		const q = recalibrateDownsampled(0.5, 0.01);
		expect(text).toContain(`0.50/(0.50 + 0.50/0.01) = ${q.toFixed(4)}`);
	});
});

describe('payment-fraud: model costs', () => {
	it('sequence transformer', () => {
		const params = 4 * 12 * 128 ** 2;
		expect(text).toContain(`4 layers × 12 × 128² = ${formatInt(params)} parameters (about ${(params / 1e6).toFixed(1)}M)`);
		const flop = 2 * params * 64;
		expect(text).toContain(`2 × ${formatInt(params)} × 64 events ≈ ${(flop / 1e9).toFixed(1)} GFLOP per sequence`);
		expect(text).toContain(`${formatInt(authsPerDay)} updates per day × 0.1 GFLOP ≈ ${Math.round((authsPerDay * flop) / 86_400 / 1e9)} GFLOP/s`);
	});

	it('GNN neighbour reads', () => {
		expect(10 + 10 * 10).toBe(110);
		expect(text).toContain('about 110 neighbour reads per request');
	});

	it('payments foundation model', () => {
		const txs = authsPerDay * 365 * 2;
		const tokens = txs * 20;
		expect(text).toContain(`50,000,000 × 365 × 2 = ${(txs / 1e9).toFixed(1)}B transactions × 20 tokens = ${tokens / 1e9}B tokens`);
		const flop = 6 * 100e6 * tokens;
		expect(text).toContain(`6 × 100M parameters × ${tokens / 1e9}B tokens ≈ ${(flop / 1e20).toFixed(1)} × 10^20 FLOP per epoch`);
		const gpuHours = flop / 400e12 / 3_600;
		expect(text).toContain(`≈ ${Math.round(gpuHours)} GPU-hours`);
		const perTx = 64 * 20 * 2 * 100e6;
		expect(text).toContain(`${formatInt(64 * 20)} tokens × 2 × 100M ≈ ${perTx / 1e9} GFLOP per transaction`);
		expect(text).toContain(`50,000,000 × ${perTx / 1e9} GFLOP ÷ 86,400 s ≈ ${Math.round((authsPerDay * perTx) / 86_400 / 1e12)} TFLOP/s`);
	});

	it('LLM analyst tokens', () => {
		expect(text).toContain(`About 8,000 review cases × 3,000 tokens = ${formatInt(8_000 * 3_000)} tokens a day`);
	});
});

describe('payment-fraud: holdout cost and precision', () => {
	it('retrying against a per-authorisation draw', () => {
		expect(text).toContain(`1 − 0.99^100 = ${Math.round((1 - 0.99 ** 100) * 100)}%`);
	});

	it('decline-band holdout', () => {
		expect(text).toContain(`declines: ${formatInt(declines)} × 80% eligible × 1% = ${formatInt(holdoutDeclines)} per day, ${formatInt(holdoutDeclineFraud)} of them fraud (85%)`);
		expect(text).toContain(`${formatInt(holdoutDeclineFraud)} × ($60 average capped amount + $15 fee) = $${formatInt(holdoutDeclineFraud * 75)} per day`);
	});

	it('step-up holdout, counting only the fraud the request would have stopped', () => {
		expect(text).toContain(`3-D Secure requests: ${formatInt(stepUps)} × 80% eligible × 1% = ${formatInt(holdoutStepUps)} per day, ${formatInt(holdoutStepUpFraud)} of them fraud (5%)`);
		expect(text).toContain(`${formatInt(holdoutStepUpFraud)} × 85% that would have been stopped × $75 = $${formatInt(holdoutStepUpFraud * (1 - passRate) * 75)} per day`);
	});

	it('annual cost, share of fraud losses and friction saved', () => {
		const daily = holdoutDeclineFraud * 75 + holdoutStepUpFraud * (1 - passRate) * 75;
		const yearly = daily * 365;
		expect(text).toContain(`($20,400 + $5,100) × 365 ≈ $${(yearly / 1e6).toFixed(1)}M per year gross, about ${((daily / dailyLosses) * 100).toFixed(1)}% of fraud losses`);
		expect(text).toContain(`it costs about $${(yearly / 1e6).toFixed(1)}M a year`);
		expect(text).toContain(`Finance wants to cut the $${(yearly / 1e6).toFixed(1)}M holdout`);
		const goodHoldout = holdoutStepUps - holdoutStepUpFraud;
		const saved = goodHoldout * 0.08 * 30;
		expect(text).toContain(`friction saved: ${formatInt(goodHoldout)} good customers × 8% × $30 = $${formatInt(saved)} per day, so net ≈ $${(((daily - saved) * 365) / 1e6).toFixed(1)}M per year`);
	});

	it('monthly label count and relative standard errors', () => {
		const labels = holdoutDeclineFraud * 30;
		expect(text).toContain(`${formatInt(holdoutDeclineFraud)} × 30 = ${formatInt(labels)} decline-band fraud labels, relative standard error ≈ 1/√${formatInt(labels)} ≈ ${((1 / Math.sqrt(labels)) * 100).toFixed(1)}%`);
		const disagree = labels * 0.1;
		expect(text).toContain(`leaves ${formatInt(disagree)} labels a month, 1/√${formatInt(disagree)} ≈ ${((1 / Math.sqrt(disagree)) * 100).toFixed(1)}%`);
		// At ε = 0.5% the disagreement region's count halves.
		expect(text).toContain(`Halving ε overall costs precision where it counts: about ${((1 / Math.sqrt(disagree / 2)) * 100).toFixed(1)}% relative`);
	});
});

describe('payment-fraud: A/B test', () => {
	const za = normalQuantile(0.975);
	const zb = normalQuantile(0.8);
	const baseline = approvedFraud / authsPerDay;
	const perArm = sampleSizePerArm({ baseline, absoluteEffect: -baseline * 0.1, alpha: 0.05, power: 0.8 });
	const population = corpusSize;
	const armShare = 0.1;
	const rho = 0.1;
	const at = (d: number) => {
		const cards = armShare * uniqueUsersAfterDays(population, dailyActiveUsers, d);
		const txs = d * armShare * authsPerDay;
		const m = txs / cards;
		const deff = 1 + (m - 1) * rho;
		return { cards, txs, m, deff, effective: txs / deff };
	};
	const M = (n: number) => `${(n / 1e6).toFixed(1)}M`;

	it('prints the z values and the baseline', () => {
		expect(text).toContain(`z = ${za.toFixed(6)} and ${zb.toFixed(6)}`);
		expect(text).toContain(`6,000 ÷ 50,000,000 = ${(baseline * 100).toFixed(3)}%`);
		expect(text).toContain(`(0.012% to ${(baseline * 0.9 * 100).toFixed(4)}%)`);
	});

	it('transactions per arm', () => {
		expect(Math.abs(perArm - 12_425_975)).toBeLessThanOrEqual(2);
		expect(text).toContain(`That is about ${M(perArm)} transactions per arm`);
	});

	it('count metric: enough effective transactions after 3 days, not 2', () => {
		expect(at(2).effective).toBeLessThan(perArm);
		const d3 = at(3);
		expect(d3.effective).toBeGreaterThanOrEqual(perArm);
		expect(text).toContain(`3 days: ${Math.round(d3.txs / 1e6)}M transactions over 0.1 × 300M × (1 − (14/15)³) ≈ ${M(d3.cards)} cards per arm`);
		expect(text).toContain(`m ≈ ${d3.m.toFixed(2)}; design effect 1 + ${(d3.m - 1).toFixed(2)} × 0.1 ≈ ${d3.deff.toFixed(2)}; ${Math.round(d3.txs / 1e6)}M ÷ ${d3.deff.toFixed(2)} ≈ ${M(d3.effective)} effective ≥ ${M(perArm)}, so 3 days for the count`);
	});

	it('dollar metric: about 10 days', () => {
		const dollar = perArm * (1 + 1.5 ** 2);
		expect(text).toContain(`variance × (1 + CV²) = ${(1 + 1.5 ** 2).toFixed(2)} at a CV of 1.5, so ≈ ${M(dollar)} per arm`);
		expect(at(9).effective).toBeLessThan(dollar);
		const d10 = at(10);
		expect(d10.effective).toBeGreaterThanOrEqual(dollar);
		expect(text).toContain(`10 days: ${Math.round(d10.txs / 1e6)}M transactions over ≈ ${M(d10.cards)} cards, design effect ≈ ${d10.deff.toFixed(2)}, ≈ ${M(d10.effective)} effective, so about 10 days for dollars`);
		expect(text).toContain(`about ${M(at(14).effective)} effective in 14 days`);
	});

	it('false-decline side: rows, relative error and minimum detectable change', () => {
		const rows = declines * armShare * 14 * 0.8 * epsilon * 0.15;
		expect(text).toContain(`40,000 × 10% × 14 days × 80% × 1% × 15% ≈ ${Math.round(rows)} legitimate holdout rows per arm`);
		expect(text).toContain(`a relative error of about ${Math.round(100 / Math.sqrt(rows))}%`);
		const mde = (za + zb) * Math.sqrt(2 / rows);
		expect(text).toContain(`a minimum detectable change of about ${Math.round(mde * 100)}%`);
		expect(text).toContain(`about ${Math.round(rows)} rows per arm in 14 days`);
	});

	it('counting distinct cards, a card-level metric is reached within a day', () => {
		const cards = sampleSizePerArm({ baseline: 0.01, absoluteEffect: 0.0005, alpha: 0.05, power: 0.8 });
		expect(experimentDaysUnique(cards, population, dailyActiveUsers, 2, 2 * armShare)).toBe(1);
	});
});

describe('payment-fraud: serving capacity and cost', () => {
	it('scoring fleet at a 10× spike', () => {
		const spike = peak * 10;
		const cores = spike * 0.002;
		expect(text).toContain(`${formatInt(spike)} QPS × 0.002 s = ${cores.toFixed(1)} cores`);
		expect(text).toContain(`adds about ${Math.round(200_000 / 7_200)} QPS, ${Math.round((200_000 / 7_200 / peak) * 100)}% of the platform`);
		const vcpu = 3 * 4 * 16;
		expect(text).toContain(`Three zones × 4 machines of 16 vCPU = ${vcpu} vCPU runs that wave at about ${Math.round((cores / vcpu) * 100)}% utilisation`);
	});

	it('counter store nodes', () => {
		const nodes = Math.ceil((450e9 * 3) / 128e9);
		expect(text).toContain(`÷ 128 GB usable per node ≈ ${nodes} nodes, rounded to 12`);
	});

	it('fleet cost and cost per 1,000 authorisations', () => {
		const machines = 12 + 12 + 6 + 4;
		expect(text).toContain(`12 + 12 + 6 + 4 = ${machines} machines`);
		const monthly = machines * 1.5 * 730;
		expect(text).toContain(`${machines} × $1.50 × 730 hours = $${formatInt(monthly)} per month`);
		const perMonth = authsPerDay * 30;
		expect(text).toContain(`At ${perMonth / 1e9}B authorisations a month`);
		const per1000 = monthly / (perMonth / 1_000);
		expect(text).toContain(`$${per1000.toFixed(4)} per 1,000 authorisations (about ${(per1000 * 100).toFixed(1)} cents)`);
	});
});

describe('payment-fraud: backtest dates', () => {
	const day = 86_400_000;
	const d = (s: string) => Date.parse(`${s}T00:00:00Z`);

	it('windows have the stated lengths', () => {
		expect((d('2026-01-13') - d('2025-07-18')) / day + 1).toBe(180);
		expect((d('2026-02-10') - d('2026-01-14')) / day + 1).toBe(28);
		expect((d('2026-05-11') - d('2026-02-10')) / day).toBe(90);
		expect((d('2026-05-03') - d('2026-03-05')) / day + 1).toBe(60);
		expect((d('2026-05-11') - d('2026-05-04')) / day).toBe(7);
		expect((d('2026-06-03') - d('2026-05-11')) / day + 1).toBe(24);
		expect((d('2026-09-01') - d('2026-06-03')) / day).toBe(90);
		expect(text).toContain('2025-07-18 → 2026-01-13 (180 days)');
		expect(text).toContain('2026-01-14 → 2026-02-10 (28 days, the newest 90 days old at release)');
		expect(text).toContain('2026-03-05 → 2026-05-03 (60 days, leaving out the 7 days before release)');
		expect(text).toContain('Test on 2026-05-11 → 2026-06-03, 24 days, with labels read on 2026-09-01, 90 days after the last test day');
	});
});

describe('payment-fraud: key points and length', () => {
	it('has 3-6 key points of at most 30 words for every framework section', () => {
		expect(keyPointShapeProblems(fm)).toEqual([]);
	});

	it('every number in a key point appears in the body', () => {
		expect(keyPointNumbersMissing(fm, [body])).toEqual([]);
	});

	it('body length is within 4,000-7,200 words', () => {
		const n = words(body);
		expect(n).toBeGreaterThanOrEqual(4_000);
		expect(n).toBeLessThanOrEqual(7_200);
	});
});
