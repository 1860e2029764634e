/**
 * "Compare with the reference": opens a section's reference answer, led by the
 * case's key points for that section, each with an "I covered this" box whose
 * ticks are stored with the attempt.
 */
import { sectionCoverage, toggleCovered, describeCoverage } from '../../lib/learning/practice/coverage.ts';
import { setText } from './worksheet-dom.ts';
import type { Session } from './worksheet-session.ts';

export function bindCompare(s: Session, onCoverage: () => void): void {
	const { doc, info, $, $$ } = s;

	s.root.addEventListener('click', (event) => {
		const button = (event.target as Element).closest<HTMLButtonElement>('[data-compare]');
		if (!button) return;
		const id = button.dataset.compare!;
		const wasOpen = button.getAttribute('aria-expanded') === 'true';
		closeReferences();
		if (wasOpen) return;
		const panel = $(`[data-reference-panel="${id}"]`)!;
		const body = panel.querySelector<HTMLElement>('[data-reference-body]')!;
		const template = doc.querySelector<HTMLTemplateElement>(`template[data-reference="${id}"]`);
		// The reference is this site's own build output, never user data.
		if (!body.hasChildNodes() && template) body.append(template.content.cloneNode(true));
		panel.hidden = false;
		panel.closest('[data-section]')?.classList.add('is-comparing');
		button.setAttribute('aria-expanded', 'true');
		setText(button.querySelector('[data-label]'), 'Hide the reference');
		if (!s.attempt.revealed.includes(id)) s.change({ ...s.attempt, revealed: [...s.attempt.revealed, id] });
	});

	s.root.addEventListener('change', (event) => {
		const box = event.target as HTMLInputElement;
		const section = box.dataset?.covered;
		if (!section) return;
		const covered = { ...s.attempt.covered, [section]: toggleCovered(s.attempt.covered[section], Number(box.value), box.checked) };
		s.change({ ...s.attempt, covered });
		renderCoverage();
		onCoverage();
	});

	function closeReferences(): void {
		for (const button of $$<HTMLButtonElement>('[data-compare]')) {
			button.setAttribute('aria-expanded', 'false');
			setText(button.querySelector('[data-label]'), 'Compare with the reference');
		}
		for (const panel of $$('[data-reference-panel]')) panel.hidden = true;
		for (const el of $$('.is-comparing')) el.classList.remove('is-comparing');
	}

	function renderCoverage(): void {
		const { covered } = s.attempt;
		for (const box of $$<HTMLInputElement>('input[data-covered]')) box.checked = (covered[box.dataset.covered!] ?? []).includes(Number(box.value));
		for (const el of $$('[data-coverage-for]')) {
			const id = el.dataset.coverageFor!;
			setText(el, describeCoverage(sectionCoverage(info.keyPoints[id]?.length ?? 0, covered[id])));
		}
	}

	s.onRender(() => {
		closeReferences();
		renderCoverage();
	});
}
