/** The timer: start/pause, interview length, section budgets, time per section and overrun warnings. */
import { watchSectionOnScreen } from './section-on-screen.ts';
import { formatDuration, isRunning, pauseTimer, setLength, startTimer, switchSection, timerStatus } from '../../lib/learning/practice/timer.ts';
import { setText } from './worksheet-dom.ts';
import type { Session } from './worksheet-session.ts';

export function bindTimer(s: Session): void {
	const { info, $, $$ } = s;
	const titleOf = new Map(info.sections.map((x) => [x.id, x.title]));
	let ticker: ReturnType<typeof setInterval> | undefined;
	let lastWarning = '';

	// Time counts against the section the user is working in.
	// Time counts against the section the user is working in: the one with focus, else the one on screen.
	function workIn(section: string | undefined): void {
		if (!section || section === s.attempt.timer.active) return;
		const timer = switchSection(s.attempt.timer, section, Date.now());
		if (isRunning(timer)) s.change({ ...s.attempt, timer });
		else s.replace({ ...s.attempt, timer });
		renderTimer();
	}
	s.root.addEventListener('focusin', (event) => workIn((event.target as Element).closest<HTMLElement>('[data-section]')?.dataset.section));
	watchSectionOnScreen(s.root, (section) => {
		if (!s.doc.activeElement?.closest('[data-section]')) workIn(section);
	});

	$('[data-timer-toggle]')?.addEventListener('click', () => {
		const now = Date.now();
		const { timer } = s.attempt;
		s.change({ ...s.attempt, timer: isRunning(timer) ? pauseTimer(timer, now) : startTimer(timer, now) });
		renderTimer();
	});

	$<HTMLSelectElement>('[data-timer-length]')?.addEventListener('change', (event) => {
		const minutes = Number((event.target as HTMLSelectElement).value);
		s.change({ ...s.attempt, timer: setLength(s.attempt.timer, minutes) });
		renderBudgets();
		renderTimer();
	});

	function budgets(): Record<string, number> {
		return info.budgets[String(s.attempt.timer.minutes)] ?? info.budgets[String(info.defaultMinutes)];
	}

	function renderBudgets(): void {
		const b = budgets();
		for (const el of $$('[data-budget-for]')) setText(el, String(b[el.dataset.budgetFor!] ?? ''));
		setText($('[data-total-minutes]'), String(s.attempt.timer.minutes));
		const select = $<HTMLSelectElement>('[data-timer-length]');
		if (select) select.value = String(s.attempt.timer.minutes);
		for (const el of $$('[data-section]')) el.style.setProperty('--budget-minutes', String(b[el.dataset.section!] ?? 3));
	}

	function renderTimer(): void {
		const { attempt } = s;
		const status = timerStatus(attempt.timer, budgets(), Date.now());
		setText($('[data-timer-elapsed]'), formatDuration(status.elapsedMs));
		setText($('[data-timer-total]'), formatDuration(status.totalMs));
		setText($('[data-timer-state]'), status.running ? 'running' : status.started ? 'paused' : 'not started');
		setText($('[data-timer-toggle]'), status.running ? 'Pause the timer' : status.started ? 'Resume the timer' : 'Start the timer');
		$('.practice-clock')?.classList.toggle('is-over', status.sessionOver);
		const active = attempt.timer.active;
		for (const x of status.sections) {
			const row = $(`[data-budget-row="${x.id}"]`);
			row?.classList.toggle('is-over', x.over);
			row?.classList.toggle('is-current', x.id === active);
			if (x.id === active) row?.setAttribute('aria-current', 'step');
			else row?.removeAttribute('aria-current');
			setText($(`[data-used-for="${x.id}"]`), `${formatDuration(x.spentMs)} of `);
			$(`[data-section="${x.id}"]`)?.classList.toggle('is-current', x.id === active);
		}
		const current = $<HTMLAnchorElement>('[data-timer-current]');
		if (current) {
			setText(current, titleOf.get(active) ?? '');
			current.href = `#${$(`[data-section="${active}"] h2`)?.id ?? ''}`;
		}
		// Announced text changes only when the set of overruns does, not every second.
		const over = status.sections.filter((x) => x.over).map((x) => `${titleOf.get(x.id)} is over its ${Math.round(x.budgetMs / 60_000)}-minute budget.`);
		if (status.sessionOver) over.unshift(`Time is up: the ${attempt.timer.minutes}-minute interview has run over.`);
		const warning = over.join(' ');
		if (warning !== lastWarning) {
			lastWarning = warning;
			setText($('[data-timer-warning]'), warning);
		}
		if (status.running && ticker === undefined) ticker = setInterval(renderTimer, 1000);
		if (!status.running && ticker !== undefined) {
			clearInterval(ticker);
			ticker = undefined;
		}
	}

	s.onRender(() => {
		renderBudgets();
		renderTimer();
	});
}
