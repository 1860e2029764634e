/** Test doubles for the practice modules: an in-memory Storage and a small worksheet. */
import type { StorageLike } from '../../../src/lib/learning/practice/storage.ts';
import type { WorksheetInfo } from '../../../src/lib/learning/practice/export.ts';

/** localStorage in memory; `quotaBytes` makes writes past that total throw like a full browser store. */
export class MemoryStorage implements StorageLike {
	data = new Map<string, string>();
	quotaBytes = Infinity;
	getItem(key: string): string | null {
		return this.data.has(key) ? this.data.get(key)! : null;
	}
	setItem(key: string, value: string): void {
		const used = [...this.data].reduce((n, [k, v]) => (k === key ? n : n + k.length + v.length), 0);
		if (used + key.length + value.length > this.quotaBytes) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		this.data.set(key, value);
	}
	removeItem(key: string): void {
		this.data.delete(key);
	}
	keys(): string[] {
		return [...this.data.keys()].sort();
	}
}

export const info: WorksheetInfo = {
	slug: 'sample-feed',
	title: 'Sample feed',
	prompt: 'Design a feed.',
	context: 'A video app.',
	sections: [
		{ id: 'requirements', title: 'Requirements and scope', question: 'What are we building?' },
		{ id: 'model', title: 'Model', question: 'Which model?' },
	],
	rubric: [
		{ id: 'problem-understanding', title: 'Problem understanding', weight: 40, levels: ['l1', 'l2', 'l3', 'l4'] },
		{ id: 'modeling', title: 'Modeling', weight: 60, levels: ['m1', 'm2', 'm3', 'm4'] },
	],
	keyPoints: { requirements: ['Interest-driven feed, not social-graph.', 'Latency under 200 ms.', '1B DAU at peak.'], model: ['Two-tower retrieval.', 'Multi-task ranker.'] },
	targetLevels: [
		{ id: 'senior', title: 'Senior', score: 3, summary: 'A complete, sound design.' },
		{ id: 'staff', title: 'Staff', score: 4, summary: 'Drives the interview.' },
	],
	lengths: [35, 45, 60],
	defaultMinutes: 45,
	budgets: { '35': { requirements: 15, model: 20 }, '45': { requirements: 20, model: 25 }, '60': { requirements: 27, model: 33 } },
	mock: {
		count: 3,
		sources: [
			{ id: 'new-user', kind: 'follow-up', section: 'model', prompt: 'What does a new user see first?', sketch: 'A starter pool across clusters.' },
			{ id: 'small-creators', kind: 'follow-up', section: 'requirements', prompt: 'How do small creators get views?', sketch: 'An exploration slot.' },
			{ id: 'spam-wave', kind: 'follow-up', section: 'model', prompt: 'A spam wave hits. What now?', sketch: 'Integrity filters before ranking.' },
			{ id: 'latency-halves', kind: 'change', section: 'model', prompt: 'The latency budget halves.', sketch: 'Fewer candidates, a distilled ranker.' },
			{ id: 'traffic-ten-times', kind: 'change', section: 'requirements', prompt: 'Traffic is ten times higher.', sketch: 'Redo the QPS.' },
		],
	},
};

/** 2025-03-01T10:00:00Z */
export const T0 = Date.UTC(2025, 2, 1, 10, 0, 0);
export const MIN = 60_000;
