import { describe, it, expect } from 'vitest';
import {
	averageQps,
	peakQps,
	storageBytes,
	embeddingBytes,
	recalibrateDownsampled,
	ecpm,
	formatInt,
	formatCount,
	formatBytes,
} from '../../../src/lib/numbers/estimates.ts';
import { sampleSizePerArm, experimentDays, experimentDaysUnique, uniqueUsersAfterDays } from '../../../src/lib/numbers/stats.ts';
import { keyPointShapeProblems, onlineStages, pct, readCase } from './helpers.ts';

const { text, fm: frontmatter, body } = readCase('ads-ctr-prediction');
const scale = frontmatter.scale as {
	dailyActiveUsers: number;
	requestsPerUserPerDay: number;
	peakFactor: number;
	corpusSize: number;
	latencyBudgetMs: number;
	itemsPerRequest: number;
};
const keyPoints = frontmatter.keyPoints as Record<string, string[]>;
const online = onlineStages(frontmatter);

// Shared assumptions stated in the case.
const dau = scale.dailyActiveUsers;
const perUser = scale.requestsPerUserPerDay;
const requestsPerDay = dau * perUser;
const servedPerDay = requestsPerDay * scale.itemsPerRequest;
const viewability = 0.9;
const impressionsPerDay = servedPerDay * viewability;
const ctr = 0.01;
const w = 0.05;
const bytesPerImpression = 2_000;
const candidatesRanked = 100;
const peak = peakQps(dau, perUser, scale.peakFactor);
const monthlyUsers = 1_000_000_000;

const clicks = impressionsPerDay * ctr;
const negatives = impressionsPerDay - clicks;
const keptNegatives = negatives * w;
const examples = clicks + keptNegatives;

const money = (x: number) => `$${x.toFixed(2)}`;

describe('ads-ctr-prediction: scale, pipeline and interview shape', () => {
	it('uses the scale the brief asked for', () => {
		expect(scale).toMatchObject({
			dailyActiveUsers: 500_000_000,
			requestsPerUserPerDay: 40,
			peakFactor: 2,
			corpusSize: 10_000_000,
			latencyBudgetMs: 100,
			itemsPerRequest: 1,
		});
	});

	it('keeps online stage latencies within the budget and the latency table at the budget', () => {
		const used = online.reduce((sum, s) => sum + (s.latencyMs ?? 0), 0);
		expect(used).toBe(90);
		expect(used + 10).toBe(scale.latencyBudgetMs);
		expect(text).toContain(`| **Total** | | **${scale.latencyBudgetMs}** |`);
		for (const s of online) expect(text).toContain(`| ${formatInt(s.items!)} | ${s.latencyMs} |`);
	});

	it('states the funnel counts that the pipeline declares', () => {
		const items = Object.fromEntries(online.map((s) => [s.id, s.items]));
		expect(items).toEqual({ 'ad-retrieval': 1000, eligibility: 600, 'pre-ranking': 100, 'feature-hydration': 100, ranking: 100, auction: 1 });
		expect(text).toContain('Ad retrieval: 1,000');
		expect(text).toContain('Eligibility: 600');
		expect(text).toContain('Pre-ranking: 100');
	});

	it('has 3 to 6 key points for every framework section, each short, with numbers the body or scale states', () => {
		expect(keyPointShapeProblems(frontmatter)).toEqual([]);
		const scaleNumbers = Object.values(scale).filter((v) => typeof v === 'number').map((v) => formatInt(v as number));
		for (const points of Object.values(keyPoints)) {
			for (const point of points) {
				for (const n of point.match(/\d[\d,.]*\d|\d/g) ?? []) {
					const inBody = body.includes(n) || scaleNumbers.includes(n);
					const asMillions = /^\d+$/.test(n) && (body.includes(`${n} million`) || body.includes(`${n}M`));
					expect(inBody || asMillions, `${n} in "${point}"`).toBe(true);
				}
			}
		}
	});
});

describe('ads-ctr-prediction: traffic and training data', () => {
	it('computes average and peak QPS from the frontmatter scale', () => {
		expect(text).toContain(`${formatInt(averageQps(dau, perUser))} QPS average`);
		expect(text).toContain(`${formatInt(peak)} QPS peak`);
		expect(formatInt(peak)).toBe('462,963');
	});

	it('counts requests, viewable impressions and candidates scored per second', () => {
		expect(text).toContain(`= ${formatInt(requestsPerDay)} requests per day`);
		expect(text).toContain(`${formatInt(servedPerDay)} served × 90% viewable = ${formatInt(impressionsPerDay)} viewable impressions per day`);
		expect(text).toContain(`≈ ${formatCount(peak * candidatesRanked)} candidate ads per second`);
	});

	it('derives clicks, kept negatives and training examples per day', () => {
		expect(text).toContain(`= ${formatInt(clicks)} clicks per day`);
		expect(text).toContain(`= ${formatInt(negatives)} non-clicks per day`);
		expect(text).toContain(`= ${formatInt(keptNegatives)} kept non-clicks`);
		expect(text).toContain(`= ${formatInt(examples)} training examples per day`);
		expect(text).toContain(`about ${Math.round(impressionsPerDay / examples)}-fold`);
		expect(text).toContain(`${formatInt(examples)} ÷ 14,400 s ≈ ${formatInt(examples / (4 * 3600))} examples/s`);
	});

	it('sizes the logs, training partitions, joiner and candidate logging', () => {
		expect(text).toContain(`${formatInt(servedPerDay)} served × 2,000 B = ${formatBytes(storageBytes(servedPerDay, bytesPerImpression))} per day`);
		expect(text).toContain(`= ${formatBytes(storageBytes(servedPerDay * 30, bytesPerImpression))} raw retention`);
		const partitions = storageBytes(examples, bytesPerImpression);
		expect(text).toContain(`≈ ${(partitions / 1e12).toFixed(2)} TB per day of training partitions`);
		// Retention computed from the unrounded daily size.
		expect(text).toContain(`${formatInt(examples)} × 2,000 B × 90 days ≈ ${((partitions * 90) / 1e12).toFixed(1)} TB`);
		const buffered = peak * 15 * 60;
		expect(text).toContain(`${formatInt(buffered)} buffered impressions`);
		expect(text).toContain(`${formatBytes(storageBytes(buffered, bytesPerImpression))} of memory`);
		expect(text).toContain(`need ${formatBytes(storageBytes(buffered, 100))}`);
		expect(text).toContain(`= ${formatBytes(servedPerDay * candidatesRanked * bytesPerImpression)} per day`);
		expect(text).toContain(`× 0.005 × 100 × 2,000 B = ${formatBytes(servedPerDay * 0.005 * candidatesRanked * bytesPerImpression)} per day`);
		// 8-byte ID + pre-ranker score + three ranker heads at 4 bytes = 24 bytes per candidate.
		const perCandidate = 8 + 4 * 4;
		expect(text).toContain(`8-byte ID, the pre-ranker score and three ranker heads at 4 bytes each, ${perCandidate} bytes`);
		expect(text).toContain(`× 100 × ${perCandidate} B = ${formatBytes(servedPerDay * candidatesRanked * perCandidate)} per day`);
	});
});

describe('ads-ctr-prediction: embeddings, hashing and model size', () => {
	const buckets = 2 ** 24;
	const dims = 32;
	const userRows = 1_000_000_000;
	const adRows = scale.corpusSize;
	const idRows = userRows + adRows + 5_000_000 + 2_000_000;
	const smallRows = 20 * 10_000;
	const hashedRows = 24 * buckets;
	const rows = idRows + smallRows + hashedRows;

	it('sizes the embedding tables per field', () => {
		expect(text).toContain(formatInt(buckets));
		expect(text).toContain(`= ${formatBytes(embeddingBytes(userRows, dims))}`);
		expect(text).toContain(`= ${formatBytes(embeddingBytes(adRows, dims))}`);
		expect(text).toContain(`= ${formatInt(smallRows)} rows`);
		expect(text).toContain(`= ${formatInt(hashedRows)} rows`);
		expect(text).toContain(`total rows = ${formatInt(rows)}`);
		expect(text).toContain(`float32 = ${formatBytes(embeddingBytes(rows, dims))}; float16 for serving = ${formatBytes(embeddingBytes(rows, dims, 2))}`);
		expect(text).toContain(`= ${formatBytes(embeddingBytes(rows, dims) + rows * 4)}`);
		expect(text).toContain(`${formatBytes(embeddingBytes(userRows, dims) + embeddingBytes(adRows, dims))} for user and ad IDs`);
		expect(text).toContain(`about ${Math.round((rows * dims) / 1e9)} billion parameters`);
		expect(text).toContain(`is ${formatBytes(storageBytes(adRows, 1_000))}, small enough`);
	});

	it('computes hash collision rates for 2^24 buckets', () => {
		const collide = (n: number, m: number) => 1 - Math.exp(-n / m);
		expect(text).toContain(`e^(−${(adRows / buckets).toFixed(3)})`);
		expect(text).toContain(`≈ ${pct(collide(adRows, buckets))} of ads collide`);
		expect(text).toContain(`rate is still ${pct(collide(adRows, 2 ** 26))}`);
		expect(text).toContain(`collide about ${pct(collide(5_000_000, buckets))} of the time`);
		// Advertiser × country: 2M advertisers × 200 countries possible, about 1M live pairs.
		const crossValues = 1_000_000;
		expect(text).toContain(`out of ${formatInt((2_000_000 * 200) / 1e6)} million possible`);
		expect(Math.round(buckets / crossValues)).toBe(17);
		expect(text).toContain('about 16 buckets per live value');
		expect(text).toContain(formatInt(crossValues));
		expect(text).toContain(`e^(−${(crossValues / buckets).toFixed(4)})`);
		expect(text).toContain(`≈ ${pct(collide(crossValues, buckets))} of values collide`);
		expect(text).toContain(`about ${formatInt((crossValues * (crossValues - 1)) / (2 * buckets))} colliding pairs`);
	});

	it('counts the DCN-V2 dense parameters, FLOPs and the sequence-feature cost', () => {
		const input = 48 * dims + 128;
		expect(text).toContain(`x0 of ${formatInt(input)} values`);
		const rank = 256;
		const crossLayer = input * rank + rank * input + input;
		const cross = 3 * crossLayer;
		const deep = input * 1024 + 1024 + 1024 * 512 + 512 + 512 * 256 + 256;
		const headIn = input + 256;
		const heads = 3 * (headIn + 1);
		const total = cross + deep + heads;
		expect(text).toContain(`| ${formatInt(cross)} |`);
		expect(text).toContain(`| ${formatInt(deep)} |`);
		expect(text).toContain(`| ${formatInt(heads)} |`);
		expect(text).toContain(`on the ${formatInt(headIn)}-wide concatenation`);
		expect(text).toContain(`**${formatInt(total)}**`);
		expect(text).toContain(`has ${formatInt(total)} parameters`);
		expect(text).toContain(`costs only ${formatInt(headIn + 1)} parameters`);
		const flops = 2 * total;
		expect(text).toContain(`≈ ${(flops / 1e6).toFixed(1)} MFLOPs per candidate`);
		expect(text).toContain(`about ${((peak * candidatesRanked * flops) / 1e12).toFixed(0)} TFLOP/s`);
		const fullRank = input * input + input;
		expect(text).toContain(`about ${Math.round((100 * crossLayer) / fullRank)}% of the full-rank cost`);
		// Negative sampling at 0.025 instead of 0.05: all clicks are kept, so the data is not halved.
		expect(text).toContain(`${(examples / (clicks + negatives * 0.025)).toFixed(2)} times the training data`);
		// Retrieval: targeted set scored exhaustively; broad set would be the whole corpus.
		expect(text).toContain(`20,000 ads × 64 dimensions = ${formatInt(20_000 * 64)} multiply-adds`);
		const broad = scale.corpusSize * 64;
		expect(text).toContain(`10,000,000 ads × 64 dimensions = ${broad / 1e9} GMAC per request`);
		expect((peak * broad) / 1e14).toBeCloseTo(2.96, 2);
		expect(text).toContain('≈ 3 × 10^14 multiply-adds per second');
		// Pre-ranker audit: the ranker scores all 600 (5× its usual 100 more) on 0.1% of requests.
		expect(text).toContain(`about ${(0.001 * (600 - 100) / 100) * 100}% more ranker compute`);
		// Sequence features: dot-product attention, DIN activation unit, SIM-style retrieval.
		expect(text).toContain(`2 × 1,000 × 64 × 2 FLOP ≈ ${((2 * 1_000 * 64 * 2) / 1e6).toFixed(2)} MFLOP per candidate`);
		const dinPerEvent = 4 * 64 * 80 + 80 * 40 + 40;
		expect(text).toContain(`(256 → 80 → 40 → 1) = ${formatInt(dinPerEvent)} multiply-adds per event`);
		const din = (dinPerEvent * 1_000 * 2) / 1e6;
		expect(text).toContain(`× 1,000 events × 2 FLOP ≈ ${din.toFixed(1)} MFLOP per candidate, about ${Math.round(din / (flops / 1e6))}× the ${(flops / 1e6).toFixed(1)} MFLOP dense network`);
		expect(text).toContain(`≈ ${((peak * candidatesRanked * din * 1e6) / 1e15).toFixed(1)} PFLOP/s at peak`);
		expect(text).toContain(`200 × ${formatInt(dinPerEvent)} × 2 ≈ ${((200 * dinPerEvent * 2) / 1e6).toFixed(1)} MFLOP per candidate`);
		expect(text).toContain(`1,000 events × 16 B = ${formatBytes(16_000, 0)} per request, about ${formatBytes(peak * 16_000)}/s at peak`);
		expect(text).toContain(`${formatBytes(1_000 * 64 * 2, 0)} a request`);
		// Foundation models: a 100M-parameter scorer online, and offline embedding of new ads.
		const scorer = 2 * 100e6 * peak * candidatesRanked;
		expect(text).toContain(`0.2 GFLOP × 46.3M candidates per second ≈ ${(scorer / 1e15).toFixed(1)} PFLOP/s, about ${Math.round(scorer / (peak * candidatesRanked * flops))}× the fleet's ${((peak * candidatesRanked * flops) / 1e12).toFixed(0)} TFLOP/s`);
		const gpuHours = 1_000_000 / 3600;
		expect(text).toContain(`1,000,000 new ads a day ≈ ${Math.round(gpuHours)} GPU-hours ≈ $${formatInt(gpuHours * 3)} a day at $3.00 an hour`);
	});
});

describe('ads-ctr-prediction: auction, NE and recalibration', () => {
	const lambda = 2;
	const reserve = 5;
	const tv = (bid: number, p: number, hide: number) => ecpm(bid, p) - lambda * hide * 1000;
	const price = (runnerUp: number, p: number, hide: number) => (Math.max(runnerUp, reserve) + lambda * hide * 1000) / (p * 1000);

	it('works the total-value auction with the reserve and the user term', () => {
		const a = tv(2.0, 0.01, 0.001);
		const b = tv(0.8, 0.02, 0.0005);
		const c = tv(5.0, 0.003, 0.002);
		expect(text).toContain(`| A | $2.00 | 1.0% | 0.10% | ${money(ecpm(2, 0.01))} | $2.00 | ${money(a)} |`);
		expect(text).toContain(`| B | $0.80 | 2.0% | 0.05% | ${money(ecpm(0.8, 0.02))} | $1.00 | ${money(b)} |`);
		expect(text).toContain(`| C | $5.00 | 0.3% | 0.20% | ${money(ecpm(5, 0.003))} | $4.00 | ${money(c)} |`);
		const priceA = price(b, 0.01, 0.001);
		expect(text).toContain(`= ${money(priceA)} per click`);
		expect(text).toContain(`pays ${money(priceA * 10)}`);
		expect(priceA).toBeLessThanOrEqual(2.0);
		// The runner-up-eCPM shortcut can charge above the bid.
		const x = tv(1.8, 0.01, 0);
		const y = tv(2.0, 0.01, 0.0025);
		expect(text).toContain(`(total value ${money(x)})`);
		expect(text).toContain(`(total value ${money(y)})`);
		expect(text).toContain(`charges X ${money(ecpm(2.0, 0.01) / 10)} per click, while the threshold price is ${money(price(y, 0.01, 0))}`);
	});

	it('works the over-predicted C example', () => {
		const a = tv(2.0, 0.01, 0.001);
		const cUp = tv(5.0, 0.006, 0.002);
		expect(text).toContain(`its eCPM ${money(ecpm(5.0, 0.006))} and its total value ${money(cUp)}`);
		const priceC = price(a, 0.006, 0.002);
		expect(text).toContain(`= ${money(priceC)} per click`);
		const revenueC = priceC * 0.003 * 1000;
		const revenueA = price(tv(0.8, 0.02, 0.0005), 0.01, 0.001) * 10;
		expect(text).toContain(`3 × $${priceC.toFixed(3)} = ${money(revenueC)} of revenue instead of ${money(revenueA)}, a ${pct(1 - revenueC / revenueA)} loss`);
	});

	it('shows that a uniform scale cancels in the CPC price only without the user term', () => {
		const priceNoHide = ecpm(0.8, 0.04) / (0.02 * 1000);
		expect(priceNoHide).toBeCloseTo(ecpm(0.8, 0.02) / (0.01 * 1000), 12);
		expect(text).toContain(`${money(ecpm(0.8, 0.04))} ÷ 20 = ${money(priceNoHide)}, unchanged`);
		const bDoubled = tv(0.8, 0.04, 0.0005);
		expect(text).toContain(`from $1.70 to (${money(bDoubled)} + $2.00) ÷ 20 = ${money(price(bDoubled, 0.02, 0.001))}`);
		// oCPM: the per-impression charge follows the runner-up's total value, which doubles.
		const perMille = (runnerUp: number) => Math.max(runnerUp, reserve) + lambda * 0.001 * 1000;
		expect(text).toContain(`(${money(bDoubled)} + $2.00) = ${money(perMille(bDoubled))} per 1,000 impressions instead of ${money(perMille(tv(0.8, 0.02, 0.0005)))}`);
		expect(perMille(bDoubled) / perMille(tv(0.8, 0.02, 0.0005))).toBeGreaterThan(1.9);
	});

	it('works the normalized entropy example', () => {
		const p = 0.01;
		const h = -(p * Math.log(p) + (1 - p) * Math.log(1 - p));
		expect(text).toContain(`= ${h.toFixed(4)} nats per impression`);
		expect(text).toContain(`−ln 0.05 = ${(-Math.log(0.05)).toFixed(3)} nats`);
		expect(text).toContain(`−ln 0.95 = ${(-Math.log(0.95)).toFixed(4)} nats`);
		expect(text).toContain(`NE = 0.0504 ÷ ${h.toFixed(4)} = ${(0.0504 / h).toFixed(3)}`);
		const twice = -(p * Math.log(0.02) + (1 - p) * Math.log(0.98));
		expect(text).toContain(`= ${twice.toFixed(4)} nats, so NE = ${(twice / h).toFixed(3)}`);
		expect(text).toContain(`costs ${pct(twice / h - 1)} of NE`);
		expect(text).toContain(`has ratio ${(10_800 / 10_000).toFixed(2)}`);
	});

	it('recalibrates pCTR and shows why p(hide) needs importance weights', () => {
		const downsampledCtr = ctr / (ctr + (1 - ctr) * w);
		expect(text).toContain(`= ${pct(downsampledCtr)} in the training data`);
		expect(text).toContain(`about ${pct(downsampledCtr)} for a 1% CTR ad`);
		const q20 = recalibrateDownsampled(0.2, w);
		const q05 = recalibrateDownsampled(0.05, w);
		expect(text).toContain(`0.20 ÷ ${(0.2 + 0.8 / w).toFixed(1)} = ${pct(q20, 2)}`);
		expect(text).toContain(`0.05 ÷ ${(0.05 + 0.95 / w).toFixed(2)} = ${pct(q05, 2)}`);
		expect(recalibrateDownsampled(downsampledCtr, w)).toBeCloseTo(ctr, 12);
		expect(text).toContain(`ln 2 = ${Math.log(0.05 / 0.025).toFixed(3)}`);
		// p(hide) under click-based downsampling, hide rate 0.1% among clicks and 0.5% among non-clicks.
		const bias = (c: number) => {
			const truth = c * 0.001 + (1 - c) * 0.005;
			const sampled = (c * 0.001 + (1 - c) * w * 0.005) / (c + (1 - c) * w);
			return 1 - sampled / truth;
		};
		expect(text).toContain(`${pct(bias(0.01))} too low for a 1%-CTR ad and ${pct(bias(0.05))} too low for a 5%-CTR ad`);
		expect(text).toContain(`1/w = ${1 / w}`);
	});

	it('sizes the randomised slice, its support and its cost', () => {
		const slice = impressionsPerDay * 0.005;
		expect(text).toContain(`${formatInt(slice)} viewable impressions a day`);
		const eps = 0.1;
		const inTop5 = (1 - eps) * (1 / 5) + eps * (1 / 100);
		expect(text).toContain(`0.9 × 0.2 + 0.1 × 0.01 = ${inTop5.toFixed(3)}, about ${formatInt(slice * inTop5)} matched impressions a day`);
		expect(text).toContain(`propensity at least ${eps / 100}`);
		expect(text).toContain(`probability ${eps / 100}, about ${formatInt(slice * (eps / 100))} a day at weights of ${formatInt(100 / eps)}`);
		const lost = 0.9 * 0.2 + 0.1 * 0.7;
		expect(text).toContain(`0.9 × 20% + 0.1 × 70% = ${Math.round(lost * 100)}% of its revenue`);
		const revenue = (impressionsPerDay / 1000) * 10;
		const cost = 0.005 * lost * revenue;
		expect(text).toContain(`0.005 × 25% × $${formatInt(revenue)} per day = $${formatInt(cost)} per day`);
		expect(text).toContain(`$${formatInt(cost)} ÷ $11,952 ranking fleet per day ≈ ${Math.round(cost / 11_952)}×`);
	});
});

describe('ads-ctr-prediction: experiment, capacity, pacing and alerts', () => {
	const zAlpha = 1.959964;
	const zBeta = 0.841621;

	it('sizes the revenue test on distinct users', () => {
		const cv = 3;
		const cupedFactor = 0.5;
		const mde = 0.0025;
		const n = Math.ceil((2 * (zAlpha + zBeta) ** 2 * cv ** 2 * cupedFactor) / mde ** 2);
		expect(text).toContain(`${zAlpha} and ${zBeta}`);
		expect(text).toContain(`÷ 0.0025² = ${formatInt(n)} users per arm`);
		expect(text).toContain(`probability ${formatInt(dau)} ÷ ${formatInt(monthlyUsers)} = ${dau / monthlyUsers}`);
		// A 1% arm can never hold n distinct users; naive division by daily users says 3 days.
		expect(experimentDaysUnique(n, monthlyUsers, dau, 2, 0.02)).toBe(Number.POSITIVE_INFINITY);
		expect(0.01 * monthlyUsers).toBeLessThan(n);
		expect(text).toContain(`at most 0.01 × ${formatInt(monthlyUsers)} = ${formatInt(0.01 * monthlyUsers)} distinct users, never ${formatInt(n)}`);
		expect(text).toContain(`a 1% arm gets there in ${experimentDays(n, dau, 2, 0.02)} days`);
		expect(text).toContain(`day 1: 0.02 × ${formatInt(monthlyUsers)} × 0.5 = ${formatInt(0.02 * uniqueUsersAfterDays(monthlyUsers, dau, 1))} distinct users`);
		// The CV is a 14-day CV, so the sample is read on users counted over the full 14 days.
		const u14 = 0.02 * uniqueUsersAfterDays(monthlyUsers, dau, 14);
		expect(experimentDaysUnique(n, monthlyUsers, dau, 2, 0.04)).toBeLessThanOrEqual(14);
		expect(text).toContain(`(1 − 0.5^14) ≈ ${formatInt(u14)} distinct users`);
		expect(text).toContain(`0.25% × √(${formatInt(n)} ÷ ${formatInt(u14)}) ≈ ${(0.25 * Math.sqrt(n / u14)).toFixed(2)}%`);
		expect(text).toContain(`fall ${Math.round(100 * (1 - n / u14))}% short`);
		expect(text).not.toContain('power is reached on day');
	});

	it('sizes the conversions-per-dollar co-primary with the delta method', () => {
		const zOneSided = 1.644854;
		const cvc = 6;
		const cvs = 3;
		const rho = 0.5;
		const cv2 = cvc ** 2 + cvs ** 2 - 2 * rho * cvc * cvs;
		expect(text).toContain(`CV_R² = 36 + 9 − 18 = ${cv2}`);
		const n = Math.ceil((2 * (zOneSided + zBeta) ** 2 * cv2) / 0.005 ** 2);
		expect(text).toContain(`z = ${zOneSided} and ${zBeta}`);
		expect(text).toContain(`2 × (${zOneSided} + ${zBeta})² × ${cv2} ÷ 0.005² = ${formatInt(n)} users per arm`);
		const u14 = 0.02 * uniqueUsersAfterDays(monthlyUsers, dau, 14);
		expect(n).toBeLessThan(u14);
		expect(text).toContain(`only ${Math.round(100 * (1 - n / u14))}% slack against the ${formatInt(u14)}`);
	});

	it('computes the CTR sample size and duration-dependent design effects', () => {
		// Computed with the z values the page prints, so a reader recomputing gets the same figure.
		const p1 = ctr;
		const p2 = ctr + 0.00005;
		const pbar = (p1 + p2) / 2;
		const n = Math.ceil((zAlpha * Math.sqrt(2 * pbar * (1 - pbar)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / 0.00005 ** 2);
		expect(Math.abs(n - sampleSizePerArm({ baseline: ctr, absoluteEffect: 0.00005, alpha: 0.05, power: 0.8 }))).toBeLessThan(20);
		expect(text).toContain(`n = ${formatInt(n)} impressions per arm`);
		const m1 = perUser * viewability;
		const deff1 = 1 + (m1 - 1) * 0.01;
		expect(text).toContain(`m = ${m1} viewable impressions per user: DEFF = 1 + ${m1 - 1} × 0.01 = ${deff1.toFixed(2)}`);
		expect(text).toContain(`${formatInt(n)} × ${deff1.toFixed(2)} ≈ ${formatInt(Math.ceil(n * deff1))} impressions per arm`);
		const m14 = m1 * 7;
		expect(text).toContain(`m = ${m14}, DEFF = 1 + ${m14 - 1} × 0.01 = ${(1 + (m14 - 1) * 0.01).toFixed(2)}`);
		const armUsers = dau * 0.02;
		expect(text).toContain(`${formatInt(armUsers)} users × ${m1} = ${formatInt(armUsers * m1)} viewable impressions a day`);
		expect(armUsers * m1).toBeGreaterThan(n * deff1);
	});

	it('sizes the ranking fleet and its cost', () => {
		const raw = peak / (4_000 * 0.7);
		const hosts = Math.ceil(raw);
		expect(text).toContain(`≈ ${raw.toFixed(1)} → ${hosts} hosts`);
		const perDay = hosts * 3 * 24;
		expect(text).toContain(`= $${formatInt(perDay)}`);
		expect(text).toContain(`About $${Math.round(perDay / 1000)}K a day`);
		expect(text).toContain(`≈ $${(perDay / (requestsPerDay / 1000)).toFixed(4)}`);
		const revenue = (impressionsPerDay / 1000) * 10;
		expect(text).toContain(`= $${formatInt(revenue)} per day`);
		expect(text).toContain(`≈ ${((100 * perDay) / revenue).toFixed(4)}%`);
	});

	it('works the pacing example and the calibration alert noise', () => {
		const planned = 1_000 * 0.62;
		expect(text).toContain(`planned spend is $${formatInt(planned)}`);
		expect(text).toContain(`${(800 / planned).toFixed(2)}× the plan`);
		const se = 1 / Math.sqrt(5_000);
		expect(text).toContain(`1/√5,000 = ${pct(se, 2)}`);
		expect(text).toContain(`±8% is about ${(0.08 / se).toFixed(1)} standard errors`);
	});
});
