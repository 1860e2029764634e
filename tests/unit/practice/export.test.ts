import { describe, expect, it } from 'vitest';
import { newAttempt, type Attempt } from '../../../src/lib/learning/practice/attempt.ts';
import { attemptToJson, attemptToMarkdown, exportFileName, MAX_IMPORT_BYTES, parseAttemptFile } from '../../../src/lib/learning/practice/export.ts';
import { startTimer, switchSection } from '../../../src/lib/learning/practice/timer.ts';
import { info, MIN, T0 } from './helpers.ts';

const NOW = T0 + 30 * MIN;

function sample(): Attempt {
	let timer = startTimer(newAttempt({ now: T0, minutes: 45, firstSection: 'requirements' }).timer, T0);
	timer = switchSection(timer, 'model', T0 + 12 * MIN);
	return {
		id: 'orig-id',
		createdAt: T0,
		updatedAt: T0 + 20 * MIN,
		answers: { requirements: 'Goal: more watch time.\nUsers: 1B DAU | mobile', model: 'Two-tower retrieval, then a multi-task ranker.' },
		scores: { 'problem-understanding': 3, modeling: 4 },
		revealed: ['model'],
		covered: { requirements: [0, 2] },
		target: 'staff',
		timer,
	};
}

/** What importing the sample gives: its answers, scores and time per section. */
function sampleImported(): Attempt {
	const r = parseAttemptFile(attemptToJson(sample(), info, NOW), info, { now: NOW });
	if (!r.ok) throw new Error(r.message);
	return r.attempt;
}

function exported(overrides: (file: Record<string, any>) => void = () => {}): string {
	const file = JSON.parse(attemptToJson(sample(), info, NOW));
	overrides(file);
	return JSON.stringify(file);
}

describe('export', () => {
	it('round-trips through JSON into a new attempt with the same content and a stopped timer', () => {
		const result = parseAttemptFile(attemptToJson(sample(), info, NOW), info, { now: NOW + MIN, newId: 'imported' });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const a = sample();
		expect(result.attempt).toEqual({
			...a,
			id: 'imported',
			updatedAt: NOW + MIN,
			timer: { minutes: 45, runningSince: null, active: 'model', spentMs: { requirements: 12 * MIN, model: 18 * MIN } },
		});
	});

	it('writes the envelope naming format, version and case', () => {
		const file = JSON.parse(attemptToJson(sample(), info, NOW));
		expect(file).toMatchObject({ format: 'mlsd-workbook/practice-attempt', version: 3, case: 'sample-feed', caseTitle: 'Sample feed', exportedAt: '2025-03-01T10:30:00.000Z' });
	});

	it('writes Markdown with the prompt, every section, times, answers and the scored rubric', () => {
		const md = attemptToMarkdown(sample(), info, NOW);
		expect(md).toContain('# Practice attempt: Sample feed');
		expect(md).toContain('- Interview length: 45 minutes; time used: 30:00');
		expect(md).toContain('- Self-assessment: 87 / 100 (2 of 2 dimensions scored)');
		expect(md).toContain('- Reference answers viewed: Model');
		expect(md).toContain('> Design a feed.');
		expect(md).toContain('## 1. Requirements and scope\n\n*What are we building?*\n\nTime: 12:00 of 20 min\n\nGoal: more watch time.\nUsers: 1B DAU | mobile');
		expect(md).toContain('## 2. Model');
		expect(md).toContain('Time: 18:00 of 25 min');
		expect(md).toContain('| Dimension | Weight | Score | Level | Staff (4+) |');
		expect(md).toContain('| Modeling | 60 | 4 | m4 | meets |');
		expect(md).toContain('| Problem understanding | 40 | 3 | l3 | below |');
		expect(md).toContain('- Target level: Staff; meets Staff on 1 of 2 dimensions');
		expect(md).toContain('- Key points: 2 of 5 key points covered');
		expect(md).toContain('Key points (2 of 3 key points covered):\n\n- [x] Interest-driven feed, not social-graph.\n- [ ] Latency under 200 ms.\n- [x] 1B DAU at peak.');
		expect(md).toContain('total = Σ weight × (score − 1) ÷ 3');
	});

	it('writes the whole Markdown document exactly (pinned: this is what a reader shares)', () => {
		const a = { ...sample(), revealed: ['requirements', 'model'], scores: { modeling: 2 } };
		const withPipes = { ...info, context: 'A video app.\nOne billion users.', rubric: [{ ...info.rubric[0], title: 'Problem | scope' }, { ...info.rubric[1], levels: ['m1', 'Solid\nbut plain', 'm3', 'm4'] }] };
		expect(attemptToMarkdown(a, withPipes, NOW)).toMatchSnapshot();
	});

	it('marks empty and blank sections in Markdown', () => {
		expect(attemptToMarkdown({ ...sample(), answers: { model: '  \n ' } }, info, NOW).match(/_\(no answer\)_/g)).toHaveLength(2);
		const md = attemptToMarkdown({ ...sample(), answers: {} }, info, NOW);
		expect(md.match(/_\(no answer\)_/g)).toHaveLength(2);
	});

	it('writes the mock interview: each interjection in order, when it came, the answer and the sketch', () => {
		const interjection = { id: 'change:latency-halves', kind: 'change' as const, section: 'model', atMs: 12 * MIN + 5_000, prompt: 'The latency budget halves.', sketch: 'Fewer candidates.', shownAt: T0 + 13 * MIN, answer: '  Cut candidates.  ' };
		const mock = {
			seed: 7,
			endedAt: null,
			interjections: [
				interjection,
				{ ...interjection, id: 'follow-up:new-user', kind: 'follow-up' as const, section: 'requirements', atMs: 3 * MIN, prompt: 'What does a new user see?\nFirst session.', sketch: 'A starter pool.', answer: ' \n ' },
				{ ...interjection, id: 'follow-up:gone', kind: 'follow-up' as const, section: 'removed-section', atMs: 40 * MIN, shownAt: null, answer: '' },
			],
		};
		const md = attemptToMarkdown({ ...sample(), mock }, info, NOW);
		const part = md.slice(md.indexOf('## Mock interview'), md.indexOf('## Self-assessment'));
		expect(part).toBe(
			[
				'## Mock interview',
				'',
				'Seed 7 (the same seed gives the same interjections at the same moments). The interview had not been ended.',
				'',
				'### 1. Requirement change (12:05 into the interview, during Model)',
				'',
				'> The latency budget halves.',
				'',
				'Cut candidates.',
				'',
				'Answer sketch: Fewer candidates.',
				'',
				'### 2. Follow-up question (3:00 into the interview, during Requirements and scope)',
				'',
				'> What does a new user see?',
				'> First session.',
				'',
				'_(no answer)_',
				'',
				'Answer sketch: A starter pool.',
				'',
				'### 3. Follow-up question (40:00 into the interview, during removed-section)',
				'',
				'> The latency budget halves.',
				'',
				'_(not reached)_',
				'',
				'Answer sketch: Fewer candidates.',
				'',
				'',
			].join('\n'),
		);
		expect(attemptToMarkdown({ ...sample(), mock: { ...mock, endedAt: NOW } }, info, NOW)).toContain('at the same moments). Ended and revealed.\n');
		expect(attemptToMarkdown(sample(), info, NOW)).not.toContain('## Mock interview');
	});

	it('writes what the worksheet lacks plainly: no budget for the length, no key points, nothing viewed', () => {
		const a = { ...sample(), revealed: [], timer: { ...sample().timer, minutes: 50 } };
		const md = attemptToMarkdown(a, { ...info, keyPoints: { requirements: info.keyPoints.requirements, model: [] } }, NOW);
		expect(md).toContain('- Reference answers viewed: none\n');
		expect(md).toContain('Time: 12:00 of ? min');
		expect(md).toContain('Key points (2 of 3 key points covered)');
		expect(md.match(/Key points \(/g)).toHaveLength(1);
		expect(attemptToMarkdown(a, { ...info, keyPoints: { requirements: info.keyPoints.requirements } }, NOW).match(/Key points \(/g)).toHaveLength(1);
	});

	it('names files by case and start time', () => {
		expect(exportFileName('sample-feed', sample(), 'md')).toBe('sample-feed-attempt-2025-03-01-1000.md');
		expect(exportFileName('sample-feed', sample(), 'json')).toBe('sample-feed-attempt-2025-03-01-1000.json');
	});
});

describe('import of untrusted files', () => {
	const parse = (text: string) => parseAttemptFile(text, info, { now: NOW });
	const message = (text: string) => {
		const r = parse(text);
		return r.ok ? 'accepted' : r.message;
	};

	it('keeps markup in answers as plain text, byte for byte', () => {
		const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
		const r = parse(exported((f) => (f.attempt.answers.requirements = hostile)));
		expect(r.ok && r.attempt.answers.requirements).toBe(hostile);
	});

	it('rejects files over 1 MB before parsing them', () => {
		const big = exported((f) => (f.attempt.answers.model = 'x'.repeat(MAX_IMPORT_BYTES)));
		expect(message(big)).toMatch(/^This file is 1 MB; an exported attempt is at most 1 MB\. /);
		// Multi-byte characters count as the bytes they take.
		expect(message('"' + 'é'.repeat(MAX_IMPORT_BYTES / 2 + 1) + '"')).toMatch(/at most 1 MB\. /);
	});

	it.each([
		['not JSON', 'hello <b>world</b>', /not JSON/],
		['the Markdown export', '# Practice attempt: Sample feed', /not JSON.*Markdown export cannot be imported/],
		['some other JSON', '{"name":"package.json"}', /not a practice attempt exported by the MLSD Workbook/],
		['JSON null', 'null', /not a practice attempt/],
		['a JSON array', '[1,2]', /not a practice attempt/],
	])('rejects %s with a clear message', (_, text, expected) => {
		expect(message(text)).toMatch(expected);
	});

	it('rejects a future format version', () => {
		expect(message(exported((f) => (f.version = 4)))).toMatch(/damaged or from an incompatible version.*version: expected 1 or 2 or 3/);
	});

	it('rejects an attempt at another case, naming it', () => {
		expect(message(exported((f) => (f.case = 'yelp-local-search')))).toBe('This export is an attempt at another case ("yelp-local-search"). Open that case\'s worksheet to import it.');
	});

	it.each([
		['an answer that is not text', (f: any) => (f.attempt.answers.model = { html: '<b>' }), /attempt\.answers\.model: expected string/],
		['a score out of range', (f: any) => (f.attempt.scores.modeling = 9), /attempt\.scores\.modeling: too large/],
		['a fractional score', (f: any) => (f.attempt.scores.modeling = 2.5), /attempt\.scores\.modeling/],
		['a negative duration', (f: any) => (f.attempt.timer.spentMs.model = -5), /attempt\.timer\.spentMs\.model: too small/],
		['an absurd timestamp', (f: any) => (f.attempt.createdAt = 1e20), /attempt\.createdAt: too large/],
		['an extra field in the attempt', (f: any) => (f.attempt.html = '<script>'), /unexpected field "html"/],
		['a section id that is not a plain name', (f: any) => (f.attempt.answers['<img src=x>'] = 'hi'), /not a valid name/],
		['a huge id', (f: any) => (f.attempt.id = 'a'.repeat(500)), /attempt\.id/],
	])('rejects %s, saying where', (_, change, expected) => {
		expect(message(exported(change))).toMatch(expected);
	});

	it('rejects sections and rubric dimensions this worksheet does not have', () => {
		expect(message(exported((f) => (f.attempt.answers.pricing = 'x')))).toMatch(/sections this worksheet does not \("pricing"\)/);
		expect(message(exported((f) => (f.attempt.timer.active = 'pricing')))).toMatch(/"pricing"/);
		expect(message(exported((f) => (f.attempt.scores.charisma = 4)))).toMatch(/rubric dimensions this worksheet does not have \("charisma"\)/);
	});

	// JSON.parse keeps "__proto__" as an own key; an object built from it by assignment would take it as its prototype.
	it.each([
		['answers', '"answers":{', (a: Attempt) => a.answers],
		['scores', '"scores":{', (a: Attempt) => a.scores],
		['timer.spentMs', '"spentMs":{', (a: Attempt) => a.timer.spentMs],
	])('drops a __proto__ key in %s: the imported records are plain, with only known keys', (_, at, record) => {
		const clean = exported();
		const text = clean.replace(at, `${at}"__proto__":{"polluted":"yes"},`);
		expect(text, 'the key is really in the file').not.toBe(clean);
		const r = parse(text);
		expect(Object.prototype).not.toHaveProperty('polluted');
		expect(r.ok).toBe(true);
		const imported = record((r as { attempt: Attempt }).attempt);
		expect(Object.getPrototypeOf(imported)).toBe(Object.prototype);
		expect('polluted' in imported).toBe(false);
		expect(imported).toEqual(record(sampleImported()));
	});

	it('refuses a __proto__ key on the attempt itself', () => {
		const text = exported().replace('"attempt":{', '"attempt":{"__proto__":{"polluted":"yes"},');
		expect(text).toContain('"attempt":{"__proto__"');
		const r = parse(text);
		expect(Object.prototype).not.toHaveProperty('polluted');
		expect(r.ok ? 'accepted' : r.message).toMatch(/^This export is damaged or from an incompatible version, so nothing was imported/);
	});

	it('accepts a file of exactly the largest size, and nothing larger', () => {
		// JSON allows trailing whitespace: pad a real export to the byte.
		const base = exported();
		const padded = (n: number) => base + ' '.repeat(n);
		const fill = MAX_IMPORT_BYTES - new TextEncoder().encode(base).length;
		expect(parse(padded(fill)).ok).toBe(true);
		expect(message(padded(fill + 1))).toMatch(/^This file is 1 MB; an exported attempt is at most 1 MB/);
	});

	it('names the first three problems of a damaged file', () => {
		const text = exported((f) => {
			f.attempt.scores.modeling = 9;
			f.attempt.createdAt = 'yesterday';
			f.attempt.timer.minutes = -1;
			f.attempt.id = 5;
		});
		expect(message(text)).toMatch(/^This export is damaged or from an incompatible version, so nothing was imported \([^;]+; [^;]+; [^;]+\)\.$/);
	});

	it('keeps each revealed section once, and no keys the file did not have', () => {
		const r = parse(exported((f) => { f.attempt.revealed = ['model', 'requirements', 'model']; f.attempt.answers = { model: 'only this' }; }));
		if (!r.ok) throw new Error(r.message);
		expect(r.attempt.revealed).toEqual(['model', 'requirements']);
		expect(Object.keys(r.attempt.answers)).toEqual(['model']);
		expect(Object.keys(r.attempt.scores)).toEqual(['problem-understanding', 'modeling']);
	});

	it('keeps only ticks of key points the case has, and no section whose ticks all went', () => {
		const r = parse(exported((f) => (f.attempt.covered = { requirements: [2, 3, 2, 0], model: [2, 5] })));
		expect(r.ok && r.attempt.covered).toEqual({ requirements: [0, 2] });
	});

	it('upgrades only a version 1 file that has no key-point ticks; a newer one without them is damaged', () => {
		expect(message(exported((f) => delete f.attempt.covered))).toMatch(/^This export is damaged or from an incompatible version/);
		const v1 = parse(exported((f) => ((f.version = 1), delete f.attempt.covered, delete f.attempt.target)));
		expect(v1.ok && v1.attempt.covered).toEqual({});
	});

	it('names every unknown rubric dimension', () => {
		expect(message(exported((f) => { f.attempt.scores.charisma = 4; f.attempt.scores.luck = 1; }))).toBe('This export scores rubric dimensions this worksheet does not have ("charisma", "luck"), so nothing was imported.');
	});

	it.each([
		['revealed', (f: any) => f.attempt.revealed.push('pricing')],
		['timer.spentMs', (f: any) => (f.attempt.timer.spentMs.pricing = 1000)],
	])('rejects an unknown section id in %s', (_, change) => {
		expect(message(exported(change))).toBe('This export has sections this worksheet does not ("pricing"), so nothing was imported.');
	});

	it('names every unknown section', () => {
		expect(message(exported((f) => { f.attempt.answers.pricing = 'x'; f.attempt.revealed.push('ops'); }))).toBe('This export has sections this worksheet does not ("pricing", "ops"), so nothing was imported.');
	});

	it('gives the imported attempt a fresh id and a stopped timer, even if the file says it was running', () => {
		const r = parse(exported((f) => (f.attempt.timer.runningSince = T0)));
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.attempt.id).not.toBe('orig-id');
		expect(r.attempt.timer.runningSince).toBeNull();
	});
});
