import type { CaseFrontmatter, PipelineStage } from '../../schemas/case.ts';
import { averageQps, formatCount, formatInt, peakQps } from '../numbers/estimates.ts';

export interface GlanceRow {
	label: string;
	value: string;
	/** How the value was computed, shown beside it so readers can check the arithmetic. */
	detail?: string;
}

/** The "at a glance" rows, computed from the case's scale assumptions. */
export function atAGlance(data: CaseFrontmatter): GlanceRow[] {
	const s = data.scale;
	const avg = averageQps(s.dailyActiveUsers, s.requestsPerUserPerDay);
	const peak = peakQps(s.dailyActiveUsers, s.requestsPerUserPerDay, s.peakFactor);
	const online = data.pipeline.filter((p) => p.lane === 'online');
	const used = online.reduce((sum, p) => sum + (p.latencyMs ?? 0), 0);
	return [
		{ label: 'Daily active users', value: formatCount(s.dailyActiveUsers) },
		{ label: 'Requests per user per day', value: formatInt(s.requestsPerUserPerDay) },
		{ label: 'Average QPS', value: formatInt(avg), detail: `${formatCount(s.dailyActiveUsers)} × ${formatInt(s.requestsPerUserPerDay)} ÷ 86,400 s` },
		{ label: 'Peak QPS', value: formatInt(peak), detail: `average × ${s.peakFactor} peak factor` },
		{ label: `Corpus (${s.corpusUnit})`, value: formatCount(s.corpusSize) },
		{ label: 'Items per response', value: formatInt(s.itemsPerRequest) },
		{ label: 'Latency budget', value: `${formatInt(s.latencyBudgetMs)} ms`, detail: used ? `${formatInt(used)} ms allotted across ${online.length} online stages` : undefined },
	];
}

/** The online funnel: stages with an item count, in request order. */
export function funnel(pipeline: PipelineStage[]): { name: string; items: number; latencyMs?: number }[] {
	return pipeline.filter((p) => p.lane === 'online' && p.items !== undefined).map((p) => ({ name: p.name, items: p.items!, latencyMs: p.latencyMs }));
}

export const DIFFICULTY_LABELS: Record<CaseFrontmatter['difficulty'], string> = {
	foundation: 'Foundation',
	intermediate: 'Intermediate',
	advanced: 'Advanced',
};
