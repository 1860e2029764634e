/**
 * /progress/ in the browser: reads everything stored for the learner, shows
 * it with the weakest framework sections, and exports or imports all of it as
 * one JSON file. An import is validated and summarised first and written only
 * when the learner confirms. Text from storage or a file only ever goes into
 * textContent.
 */
import { todayCounts } from '../../lib/learning/flashcards/today.ts';
import { rubricTotal } from '../../lib/learning/practice/rubric.ts';
import { probeStorage } from '../../lib/learning/practice/storage.ts';
import { applyImport, collectProgress, MAX_PROGRESS_BYTES, parseProgressFile, planImport, progressToJson, type ProgressBundle } from '../../lib/learning/progress/bundle.ts';
import { sectionWeaknesses, type ProgressConfig } from '../../lib/learning/progress/weakest.ts';
import { siteStorage } from '../../lib/learning/site-storage.ts';
import { download, formatDate } from '../practice/worksheet-dom.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function startProgress(doc: Document): void {
	const found = doc.querySelector<HTMLElement>('[data-progress]');
	const configEl = doc.getElementById('progress-config');
	if (!found || !configEl) return;
	const root: HTMLElement = found;
	const config = JSON.parse(configEl.textContent ?? '{}') as ProgressConfig;
	const base = root.dataset.base ?? '/';
	const $ = <T extends HTMLElement = HTMLElement>(s: string) => root.querySelector<T>(s)!;
	const titles = Object.fromEntries(config.cases.map((c) => [c.slug, c.title]));
	const raw = probeStorage(() => window.localStorage);
	const storage = raw && siteStorage(raw, import.meta.env.BASE_URL);
	const firstSection = config.sections[0].id;
	const read = () => collectProgress(storage, config.cases.map((c) => c.slug), Date.now(), firstSection);
	let pending: ProgressBundle | null = null;

	if (!storage) {
		const notice = $('[data-progress-notice]');
		notice.textContent = 'This browser does not let the site store data, so there is nothing to show, and an import cannot be saved.';
		notice.hidden = false;
	}

	function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
		const node = doc.createElement(tag);
		if (text !== undefined) node.textContent = text;
		for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
		return node;
	}
	const link = (text: string, href: string) => el('a', text, { href: base + href });

	function render(): void {
		const bundle = read();
		const weeks = bundle.roadmap.filter((t) => /^week-\d+$/.test(t)).length;
		const actions = bundle.roadmap.filter((t) => /^week-\d+\//.test(t)).length;
		$('[data-roadmap-summary]').replaceChildren(`${weeks} of ${plural(config.roadmap.weeks, 'week')} done, ${actions} of ${plural(config.roadmap.actions, 'action')} ticked. `, link('Open the roadmap', 'roadmap/'));

		const cards = bundle.flashcards;
		const cardLine = $('[data-cards-summary]');
		if (!cards) cardLine.replaceChildren('No flashcards reviewed yet. ', link('Start reviewing', 'review/'));
		else {
			const schedules = Object.values(cards.cards);
			const today = todayCounts(cards, Date.now());
			const reviews = schedules.reduce((n, s) => n + s.reps, 0);
			const lapses = schedules.reduce((n, s) => n + s.lapses, 0);
			cardLine.replaceChildren(`${schedules.length} of ${plural(config.deckSize, 'card')} seen, ${plural(reviews, 'review')}, ${plural(lapses, 'lapse')} (cards forgotten after being learned); ${today.due} due today. `, link('Review now', 'review/'));
		}

		const practice = $('[data-practice-list]');
		practice.replaceChildren(
			...config.cases.flatMap((c) => {
				const attempts = Object.hasOwn(bundle.practice, c.slug) ? bundle.practice[c.slug].attempts : [];
				if (!attempts.length) return [];
				const li = el('li');
				li.append(link(c.title, `practice/${c.slug}/`));
				const rows = el('ul');
				for (const a of attempts) {
					const score = rubricTotal(config.rubric, a.scores);
					const points = Object.entries(c.keyPoints).reduce((n, [, k]) => n + k, 0);
					const covered = Object.values(a.covered).reduce((n, list) => n + list.length, 0);
					const mock = a.mock ? `; mock interview, ${a.mock.interjections.filter((i) => i.shownAt !== null).length} interruptions` : '';
					rows.append(el('li', `${formatDate(a.createdAt)}: self-assessment ${score.total} / 100 (${score.scored} of ${score.of} scored); key points ${covered} of ${points} covered${mock}`));
				}
				li.append(rows);
				return [li];
			}),
		);
		$('[data-practice-empty]').hidden = practice.children.length > 0;

		const checklist = $('[data-checklist-list]');
		checklist.replaceChildren(
			...config.cases.flatMap((c) => {
				const ticks = bundle.checklists[c.slug]?.length ?? 0;
				if (!ticks) return [];
				const li = el('li');
				li.append(link(c.title, `cases/${c.slug}/`), `: ${ticks} of ${plural(c.checklistItems, 'question')} ticked`);
				return [li];
			}),
		);
		$('[data-checklist-empty]').hidden = checklist.children.length > 0;

		const weakest = sectionWeaknesses(bundle, config).slice(0, 3);
		$('[data-weakest-empty]').hidden = weakest.length > 0;
		$('[data-weakest]').replaceChildren(
			...weakest.map((w) => {
				const li = el('li');
				li.append(el('strong', w.title));
				const facts: string[] = [];
				if (w.rubric) facts.push(`self-assessed ${w.rubric.mean.toFixed(1)} of 4 over ${plural(w.rubric.attempts, 'attempt')}`);
				if (w.coverage) facts.push(`${Math.round(w.coverage.share * 100)}% of key points covered`);
				if (w.cards) facts.push(`${plural(w.cards.lapses, 'lapse')} in ${plural(w.cards.reviews, 'flashcard review')}`);
				li.append(`: ${facts.join('; ')}. Study: `, link('the framework section', `framework/#${w.anchor}`));
				if (w.studyCase) li.append(', ', link(`this section in ${titles[w.studyCase]}`, `cases/${w.studyCase}/#${w.anchor}`));
				li.append(', ', link(`its flashcards`, `review/?section=${w.id}`), '.');
				return li;
			}),
		);
	}

	const message = $('[data-progress-message]');
	const say = (text: string) => (message.textContent = text);

	$('[data-progress-export]').addEventListener('click', () => {
		const bundle = read();
		download(`mlsd-workbook-progress-${bundle.exportedAt.slice(0, 10)}.json`, 'application/json', progressToJson(bundle));
		say('Downloaded all your progress as one JSON file.');
	});

	const input = $<HTMLInputElement>('[data-progress-import]');
	const planBox = $('[data-import-plan]');
	input.addEventListener('change', async () => {
		const file = input.files?.[0];
		input.value = '';
		planBox.hidden = true;
		pending = null;
		if (!file) return;
		if (file.size > MAX_PROGRESS_BYTES) return void say(`Not imported: “${file.name}” is too large for a progress export.`);
		let text: string;
		try {
			text = await file.text();
		} catch {
			return void say(`Not imported: “${file.name}” could not be read.`);
		}
		const parsed = parseProgressFile(text);
		if (!parsed.ok) return void say(`Not imported: ${parsed.message}`);
		const plan = planImport(read(), parsed.bundle, titles);
		if (!plan.adds && !plan.replaces) return void say(`Nothing to import: this browser already holds everything in “${file.name}”.`);
		pending = parsed.bundle;
		$('[data-plan-intro]').textContent = `“${file.name}” (exported ${parsed.bundle.exportedAt.slice(0, 10)}) will add ${plan.adds}${plan.replaces ? ` and replace ${plan.replaces}` : ''}; nothing here is deleted.${plan.unknownCases.length ? ` Left out, as this site has no such case: ${plan.unknownCases.join(', ')}.` : ''}`;
		$('[data-plan-lines]').replaceChildren(...plan.lines.map((l) => el('li', `${l.what}: add ${plural(l.add, l.unit)}${l.replace ? `, replace ${plural(l.replace, l.unit)} with the file's copy` : ''}`)));
		$('[data-plan-confirm]').textContent = plan.replaces ? `Import, replacing ${plan.replaces}` : 'Import';
		planBox.hidden = false;
		say('');
		$('#plan-heading').focus();
	});
	$('[data-plan-cancel]').addEventListener('click', () => {
		pending = null;
		planBox.hidden = true;
		say('Import cancelled; nothing changed.');
	});
	$('[data-plan-confirm]').addEventListener('click', () => {
		if (!pending || !storage) return;
		const result = applyImport(storage, read(), pending, titles);
		pending = null;
		planBox.hidden = true;
		render();
		say(result.failures.length ? `Imported, except: ${result.failures.join('; ')}.` : 'Imported. Everything above now includes the file.');
	});

	render();
}
