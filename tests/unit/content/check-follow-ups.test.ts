import { describe, expect, it } from 'vitest';
import { checkFollowUps } from '../../../src/lib/content/check-follow-ups.ts';
import { loadFramework } from '../../../src/lib/content/framework.ts';
import type { CaseFrontmatter } from '../../../src/schemas/case.ts';

const fw = loadFramework();
const data = (followUps: CaseFrontmatter['followUps']) => ({ followUps }) as CaseFrontmatter;
const messages = (followUps: CaseFrontmatter['followUps']) => checkFollowUps(data(followUps), 'case-studies/x.mdx', (path) => 10 + Number(path[1] ?? 0), fw).map((p) => `${p.line}: ${p.message} | ${p.fix}`);

describe('follow-up checks', () => {
	it('accepts distinct questions, an explicit id and a known section', () => {
		expect(messages([
			{ question: 'What if the latency budget halves?', answer: 'Cut the ranker candidates first.' },
			{ id: 'cold-start', section: 'model', question: 'How do new items get shown?', answer: 'Content features and exploration slots.' },
		])).toEqual([]);
	});

	it('names two follow-ups whose ids collide, and an unknown section with a suggestion', () => {
		expect(messages([
			{ question: 'What if the latency budget halves?', answer: 'Cut the ranker candidates first.' },
			{ question: 'What if the latency budget halves!', section: 'modle', answer: 'The same question again, reworded.' },
		])).toEqual([
			'11: followUps[1] has the same id "what-if-the-latency-budget-halves" as followUps[0] | Give one of them its own `id:` (kebab-case); learners\' flashcard history is kept by it.',
			expect.stringMatching(/^11: unknown framework section "modle" in followUps\[1\]\.section\. Did you mean "model"\?.*\| Use a section id from templates\/framework\.yaml: requirements, .*, or leave `section` out\.$/),
		]);
	});
});
