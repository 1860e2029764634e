/**
 * The practice worksheet in the browser: autosave, timer, compare with the key
 * points self-check, rubric with a target level, attempts, export/import and
 * print. All state lives in one Attempt that src/lib/learning/practice/ knows
 * how to store, time, score and export; each part of the page is bound by its
 * own module here, around one session (worksheet-session.ts).
 */
import type { WorksheetInfo } from '../../lib/learning/practice/export.ts';
import { bindAttempts } from './attempts-view.ts';
import { bindCompare } from './compare-view.ts';
import { bindMock } from './mock-view.ts';
import { bindRubric } from './rubric-view.ts';
import { bindTimer } from './timer-view.ts';
import { bindTransfer } from './transfer-view.ts';
import { setText } from './worksheet-dom.ts';
import { createSession } from './worksheet-session.ts';

export function startWorksheet(doc: Document): void {
	const root = doc.querySelector<HTMLElement>('[data-practice]');
	const config = doc.getElementById('practice-config');
	if (!root || !config) return;
	const info = JSON.parse(config.textContent ?? '{}') as WorksheetInfo;
	const s = createSession(doc, root, info);

	// Answers: what is typed is saved after a pause, and mirrored for printing.
	root.addEventListener('input', (event) => {
		const box = event.target as HTMLTextAreaElement;
		const id = box.dataset?.answer;
		if (!id) return;
		setText(s.$(`[data-print-for="${id}"]`), box.value);
		s.change({ ...s.attempt, answers: { ...s.attempt.answers, [id]: box.value } }, 'soon');
	});
	s.onRender(() => {
		for (const box of s.$$<HTMLTextAreaElement>('textarea[data-answer]')) {
			box.value = s.attempt.answers[box.dataset.answer!] ?? '';
			setText(s.$(`[data-print-for="${box.dataset.answer}"]`), box.value);
		}
		for (const radio of s.$$<HTMLInputElement>('input[data-score]')) radio.checked = s.attempt.scores[radio.dataset.score!] === Number(radio.value);
	});
	bindTimer(s);
	bindMock(s);
	const rubric = bindRubric(s);
	bindCompare(s, rubric.renderScore);
	bindAttempts(s);
	bindTransfer(s);

	for (const el of doc.querySelectorAll<HTMLElement>('[data-js-only]')) el.hidden = false;
	s.render();
	showStorageState(s);
}

/** Says at once what the learner must know about storage: data set aside, or nothing being saved. */
function showStorageState(s: ReturnType<typeof createSession>): void {
	const { loaded } = s;
	const notice = s.$('[data-practice-notice]')!;
	const saveStatus = s.$('[data-save-status]')!;
	const notes = [...loaded.notices];
	if (!loaded.available) notes.push('This browser does not let the site store data, so what you write is lost when you close the tab. Use “Download as Markdown” or “Download as JSON” below to keep it.');
	if (notes.length) {
		setText(notice, notes.join(' '));
		notice.hidden = false;
	}
	if (!loaded.available) {
		setText(saveStatus, 'Not saved: storage is blocked');
		saveStatus.classList.add('is-error');
	} else if (s.isStored(s.attempt)) setText(saveStatus, 'Saved');
}
