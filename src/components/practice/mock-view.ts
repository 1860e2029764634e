/**
 * Mock-interview mode on the worksheet: the switch plans the interview from a
 * seed (`?seed=` in the address replays one), the running timer brings each
 * interjection at its moment, the learner answers it in its box, and ending
 * the interview (or running out of time) reveals the answer sketches. All of it
 * is stored with the attempt; prompts and answers only ever go into textContent.
 */
import type { Attempt, Interjection, MockState } from '../../lib/learning/practice/attempt.ts';
import { fireDue, newSeed, planMock } from '../../lib/learning/practice/mock.ts';
import { elapsedMs, formatDuration, isRunning } from '../../lib/learning/practice/timer.ts';
import { setText } from './worksheet-dom.ts';
import type { Session } from './worksheet-session.ts';

export function bindMock(s: Session): void {
	const { info, $, doc } = s;
	const toggle = $<HTMLInputElement>('[data-mock-toggle]');
	const list = $('[data-mock-list]');
	const status = $('[data-mock-status]');
	const endButton = $<HTMLButtonElement>('[data-mock-end]');
	const alert = $('[data-mock-alert]');
	if (!toggle || !list || !status || !endButton) return;
	const titleOf = new Map(info.sections.map((x) => [x.id, x.title]));
	const order = info.sections.map((x) => x.id);
	let drawn = '';
	let ticker: ReturnType<typeof setInterval> | undefined;

	const budgets = (a: Attempt) => info.budgets[String(a.timer.minutes)] ?? info.budgets[String(info.defaultMinutes)];
	const plan = (a: Attempt, seed: number) => planMock(info.mock.sources, order, budgets(a), seed, info.mock.count);
	const anyShown = (m: MockState) => m.interjections.some((i) => i.shownAt !== null);

	toggle.addEventListener('change', () => {
		const a = s.attempt;
		if (toggle.checked && !a.mock) {
			const asked = Number(new URLSearchParams(location.search).get('seed'));
			const seed = Number.isInteger(asked) && asked >= 0 && asked <= 0xffffffff && new URLSearchParams(location.search).has('seed') ? asked : newSeed();
			s.change({ ...a, mock: plan(a, seed) });
		} else if (!toggle.checked && a.mock && !anyShown(a.mock)) {
			const { mock: _, ...rest } = a;
			s.change(rest);
		}
		render();
	});

	// A new interview length re-times an interview that has not started interrupting yet, from the same seed.
	$<HTMLSelectElement>('[data-timer-length]')?.addEventListener('change', () => {
		const a = s.attempt;
		if (a.mock && !anyShown(a.mock)) s.change({ ...a, mock: plan(a, a.mock.seed) });
		render();
	});
	$('[data-timer-toggle]')?.addEventListener('click', () => render());

	list.addEventListener('input', (event) => {
		const box = event.target as HTMLTextAreaElement;
		const id = box.dataset.mockAnswer;
		const mock = s.attempt.mock;
		if (!id || !mock) return;
		s.change({ ...s.attempt, mock: { ...mock, interjections: mock.interjections.map((i) => (i.id === id ? { ...i, answer: box.value } : i)) } }, 'soon');
	});

	endButton.addEventListener('click', () => {
		const mock = s.attempt.mock;
		if (!mock) return;
		s.change({ ...s.attempt, mock: { ...mock, endedAt: Date.now() } });
		render();
		$('#mock-heading')?.focus();
	});

	/** Brings the interjections whose moment has come, and ends the interview when its time is up. */
	function tick(): void {
		const a = s.attempt;
		if (!a.mock || a.mock.endedAt !== null) return;
		const now = Date.now();
		const elapsed = elapsedMs(a.timer, now);
		let mock = fireDue(a.mock, elapsed, now);
		if (elapsed >= a.timer.minutes * 60_000) mock = { ...fireDue(mock, Infinity, now), endedAt: now };
		if (mock === a.mock) return;
		const fresh = mock.interjections.filter((i) => i.shownAt === now);
		s.change({ ...a, mock });
		render();
		if (fresh.length && alert) setText(alert, `The interviewer interrupts: “${fresh.at(-1)!.prompt}” Answer under Mock interview.`);
	}

	function render(): void {
		const mock = s.attempt.mock;
		toggle!.checked = Boolean(mock);
		toggle!.disabled = Boolean(mock && anyShown(mock));
		const running = isRunning(s.attempt.timer);
		if (running && mock && mock.endedAt === null && ticker === undefined) ticker = setInterval(tick, 1000);
		if ((!running || !mock || mock.endedAt !== null) && ticker !== undefined) {
			clearInterval(ticker);
			ticker = undefined;
		}
		if (!mock) {
			setText(status!, '');
			draw([], false);
			endButton!.hidden = true;
			if (alert) setText(alert, '');
			return;
		}
		const shown = mock.interjections.filter((i) => i.shownAt !== null);
		const ended = mock.endedAt !== null;
		const replay = `Seed ${mock.seed}: open this page with ?seed=${mock.seed} and turn this on to replay the same interview.`;
		setText(status!, ended ? `The interview is over; the answer sketches are shown below each answer. ${replay}` : `${shown.length} of ${mock.interjections.length} interruptions so far${running ? '' : '; they come only while the timer runs'}. ${replay}`);
		endButton!.hidden = ended;
		if (ended && alert) setText(alert, '');
		draw(ended ? mock.interjections : shown, ended);
		tick();
	}

	/** Rebuilds the list only when what is listed changes, so typing in a box keeps its focus and caret. */
	function draw(items: Interjection[], ended: boolean): void {
		const key = JSON.stringify([ended, items.map((i) => i.id)]);
		if (key === drawn) return;
		drawn = key;
		list!.replaceChildren(...items.map((i) => item(i, ended)));
	}

	function item(i: Interjection, ended: boolean): HTMLLIElement {
		const li = doc.createElement('li');
		li.className = 'practice-mock-item';
		const who = doc.createElement('p');
		who.className = 'practice-mock-who';
		who.textContent = `${i.kind === 'change' ? 'Requirement change' : 'Follow-up question'}, ${formatDuration(i.atMs)} into the interview (${titleOf.get(i.section) ?? i.section})${i.shownAt === null ? ': not reached' : ''}`;
		const said = doc.createElement('blockquote');
		said.textContent = i.prompt;
		const id = `mock-answer-${i.id.replace(/[^a-z0-9-]/gi, '-')}`;
		const label = doc.createElement('label');
		label.htmlFor = id;
		label.textContent = 'Your answer';
		const box = doc.createElement('textarea');
		box.id = id;
		box.rows = 4;
		box.dataset.mockAnswer = i.id;
		box.value = i.answer;
		li.append(who, said, label, box);
		if (ended) {
			const sketch = doc.createElement('p');
			sketch.className = 'practice-mock-sketch';
			const strong = doc.createElement('strong');
			strong.textContent = 'Answer sketch: ';
			sketch.append(strong, i.sketch);
			li.append(sketch);
		}
		return li;
	}

	s.onRender(() => {
		drawn = '';
		render();
	});
}
