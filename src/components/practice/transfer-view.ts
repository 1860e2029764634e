/** Export (Markdown, JSON), import of a JSON export, and printing the worksheet filled in or blank. */
import { attemptToJson, attemptToMarkdown, exportFileName, formatBytes, MAX_IMPORT_BYTES, parseAttemptFile } from '../../lib/learning/practice/export.ts';
import { download, formatDate } from './worksheet-dom.ts';
import type { Session } from './worksheet-session.ts';

export function bindTransfer(s: Session): void {
	const { doc, info, $, $$ } = s;

	for (const button of $$<HTMLButtonElement>('[data-export]')) {
		button.addEventListener('click', () => {
			s.flush();
			const now = Date.now();
			const markdown = button.dataset.export === 'md';
			const text = markdown ? attemptToMarkdown(s.attempt, info, now) : attemptToJson(s.attempt, info, now);
			download(exportFileName(info.slug, s.attempt, markdown ? 'md' : 'json'), markdown ? 'text/markdown' : 'application/json', text);
		});
	}

	const importInput = $<HTMLInputElement>('[data-import]');
	importInput?.addEventListener('change', async () => {
		const file = importInput.files?.[0];
		importInput.value = '';
		if (!file) return;
		if (file.size > MAX_IMPORT_BYTES) return s.say(`Not imported: “${file.name}” is ${formatBytes(file.size)}; an exported attempt is at most ${formatBytes(MAX_IMPORT_BYTES)}.`, true);
		let text: string;
		try {
			text = await file.text();
		} catch {
			return s.say(`Not imported: “${file.name}” could not be read.`, true);
		}
		const result = parseAttemptFile(text, info, { now: Date.now() });
		if (!result.ok) return s.say(`Not imported: ${result.message}`, true);
		s.add(result.attempt);
		s.open(result.attempt, `Imported the attempt started ${formatDate(result.attempt.createdAt)} from “${file.name}”; it is open now. Your other attempts are listed below.`);
	});

	$('[data-print]')?.addEventListener('click', () => {
		s.flush();
		print();
	});
	$('[data-print-blank]')?.addEventListener('click', () => {
		const html = doc.documentElement;
		html.classList.add('practice-blank');
		addEventListener('afterprint', () => html.classList.remove('practice-blank'), { once: true });
		print();
	});
}
