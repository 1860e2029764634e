/** The list of attempts at this case: open, delete, start a new one. */
import { rubricTotal } from '../../lib/learning/practice/rubric.ts';
import { attemptCoverage } from '../../lib/learning/practice/coverage.ts';
import { formatDuration, timerStatus } from '../../lib/learning/practice/timer.ts';
import type { Attempt } from '../../lib/learning/practice/attempt.ts';
import { formatDate } from './worksheet-dom.ts';
import type { Session } from './worksheet-session.ts';

export function bindAttempts(s: Session): void {
	const { doc, info, $ } = s;
	const sectionIds = info.sections.map((x) => x.id);

	$('[data-new-attempt]')?.addEventListener('click', () => {
		if (!s.isStored(s.attempt)) return s.say('This attempt is still empty, so it is already a new one.');
		s.open(s.fresh(), 'New attempt started. Your earlier attempts are listed below.');
		$('textarea[data-answer]')?.focus();
	});

	$('[data-attempt-list]')?.addEventListener('click', (event) => {
		const button = (event.target as Element).closest<HTMLButtonElement>('button[data-attempt]');
		if (!button) return;
		const target = s.store.attempts.find((a) => a.id === button.dataset.attempt);
		if (!target) return;
		if (button.dataset.action === 'open') return s.open(target, `Opened the attempt started ${formatDate(target.createdAt)}.`);
		if (!confirm(`Delete the attempt started ${formatDate(target.createdAt)}? This cannot be undone.`)) return;
		s.remove(target.id);
		s.say(`Deleted the attempt started ${formatDate(target.createdAt)}.`);
		$('#attempt-list-title')?.focus();
	});

	function renderAttempts(): void {
		const list = $('[data-attempt-list]');
		if (!list) return;
		const { attempt } = s;
		// An attempt exists from the first thing typed, timed or scored: an untouched one is not listed as if it were saved.
		const pending = doc.createElement('li');
		pending.classList.add('is-current');
		pending.textContent = s.store.attempts.length
			? 'New attempt · open now · saved as soon as you type, time or score'
			: 'None yet. An attempt is saved here as soon as you type an answer, start the timer or score yourself.';
		list.replaceChildren(
			...s.store.attempts.map((a) => {
				const li = doc.createElement('li');
				const current = a.id === attempt.id;
				li.classList.toggle('is-current', current);
				const { total, scored } = rubricTotal(info.rubric, a.scores);
				const { overall } = attemptCoverage(info.keyPoints, sectionIds, a.covered);
				const used = formatDuration(timerStatus(a.timer, {}, Date.now()).elapsedMs);
				const summary = doc.createElement('span');
				const points = overall.total ? ` · key points ${overall.covered}/${overall.total}` : '';
				summary.textContent = `Started ${formatDate(a.createdAt)} · ${used} used of ${a.timer.minutes} min · ${scored ? `score ${total}/100` : 'not scored'}${points}${current ? ' · open now' : ''}`;
				li.append(summary);
				if (s.isStored(a)) {
					if (!current) li.append(' ', actionButton('open', 'Open', a));
					li.append(' ', actionButton('delete', 'Delete', a));
				}
				return li;
			}),
			...(s.isStored(attempt) ? [] : [pending]),
		);
	}

	function actionButton(action: 'open' | 'delete', label: string, a: Attempt): HTMLButtonElement {
		const b = doc.createElement('button');
		b.type = 'button';
		b.className = 'practice-button practice-button-small';
		b.dataset.attempt = a.id;
		b.dataset.action = action;
		const hidden = doc.createElement('span');
		hidden.className = 'sr-only';
		hidden.textContent = ` the attempt started ${formatDate(a.createdAt)}`;
		b.append(label, hidden);
		return b;
	}

	s.onRender(renderAttempts);
	s.onSaved(renderAttempts);
}
