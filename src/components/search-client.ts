/**
 * The search page: runs pagefind as the reader types, keeps the query and the
 * ticked filters in the URL (so /search/?q=calibration is a link), and renders
 * results as links with excerpts built from DOM nodes (only <mark> survives).
 * Pagefind's script and index load on the first search, never with the page.
 */
import { byBestSection, excerptSegments, pagefindFilters, readSearchState, searchString, shapeResult, type PagefindResultData, type SearchHit, type SearchState } from '../lib/site/search-results.ts';
import { SEARCH_RANKING } from '../lib/site/search-ranking.ts';

interface PagefindResult {
	data(): Promise<PagefindResultData>;
}
interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	search(term: string | null, options: { filters: Record<string, unknown> }): Promise<{ results: PagefindResult[] }>;
}

/** Pages rendered per batch; "Show more results" renders the next batch. */
const PAGE_SIZE = 10;
/** Sections listed under a page before the rest fold into "N more sections". */
const SECTIONS_SHOWN = 3;
/** Quiet time after a keystroke before searching. */
const TYPING_DELAY_MS = 80;

export function mountSearchPanel(root: HTMLElement): void {
	const form = root.querySelector<HTMLFormElement>('form')!;
	const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
	const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
	const status = root.querySelector<HTMLElement>('[data-search-status]')!;
	const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
	const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
	const filterKeys = [...new Set(boxes.map((b) => b.name))];
	const stageAnchors: Record<string, string> = JSON.parse(root.dataset.stageAnchors ?? '{}');
	const labelKeys = (root.dataset.labelKeys ?? '').split(',').filter(Boolean);
	const bundle = root.dataset.bundle!;
	const base = root.dataset.base!;

	let pagefind: Promise<Pagefind> | undefined;
	const loadPagefind = () =>
		(pagefind ??= (async () => {
			const pf: Pagefind = await import(/* @vite-ignore */ `${bundle}pagefind.js`);
			await pf.options({ basePath: bundle, baseUrl: base, ranking: SEARCH_RANKING, noWorker: true });
			return pf;
		})());

	let run = 0;
	let pending: PagefindResult[] = [];
	let shown = 0;
	let current: SearchState = { query: '', filters: {} };
	let timer: ReturnType<typeof setTimeout> | undefined;

	const readForm = (): SearchState => {
		const filters: Record<string, string[]> = {};
		for (const box of boxes) if (box.checked) (filters[box.name] ??= []).push(box.value);
		return { query: input.value, filters };
	};

	const writeForm = (state: SearchState) => {
		input.value = state.query;
		for (const box of boxes) box.checked = state.filters[box.name]?.includes(box.value) ?? false;
	};

	const search = async () => {
		clearTimeout(timer);
		const mine = ++run;
		current = readForm();
		history.replaceState(history.state, '', `${location.pathname}${searchString(current)}${location.hash}`);
		const query = current.query.trim();
		if (!query && !Object.keys(current.filters).length) {
			pending = [];
			list.replaceChildren();
			more.hidden = true;
			status.textContent = '';
			return;
		}
		if (!pagefind) status.textContent = 'Loading the search index…';
		let results: PagefindResult[];
		try {
			const pf = await loadPagefind();
			({ results } = await pf.search(query || null, { filters: pagefindFilters(current.filters) }));
		} catch (error) {
			if (mine !== run) return;
			pagefind = undefined;
			status.textContent = `Search could not load (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`;
			return;
		}
		if (mine !== run) return;
		pending = results;
		shown = 0;
		list.replaceChildren();
		await showMore(mine);
	};

	/** Renders the next batch of pages; a stage filter may drop pages whose sections are all elsewhere, so it reads on until one shows or none are left. */
	const showMore = async (mine: number) => {
		// Without a query there are no matched sections to narrow, so a stage filter lists whole pages.
		const stages = current.query.trim() ? (current.filters.stage ?? []) : [];
		let added = 0;
		while (added === 0 && shown < pending.length) {
			const batch = pending.slice(shown, shown + PAGE_SIZE);
			const data = await Promise.all(batch.map((r) => r.data()));
			if (mine !== run) return;
			shown += batch.length;
			const hits = data.map((d) => shapeResult(d, { stageAnchors, stages, labelKeys })).filter((h): h is SearchHit => h !== null);
			list.append(...(stages.length ? byBestSection(hits) : hits).map(renderHit));
			added = hits.length;
		}
		more.hidden = shown >= pending.length;
		const count = list.children.length;
		const what = current.query.trim() ? `“${current.query.trim()}”` : 'the chosen filters';
		status.textContent =
			count === 0 && more.hidden
				? `No results for ${what}.${Object.keys(current.filters).length ? ' Try clearing a filter.' : ' Try a shorter or different word.'}`
				: `${count}${more.hidden ? '' : '+'} ${count === 1 ? 'page matches' : 'pages match'} ${what}.`;
	};

	input.addEventListener('input', () => {
		clearTimeout(timer);
		timer = setTimeout(search, TYPING_DELAY_MS);
	});
	form.addEventListener('change', (event) => {
		if ((event.target as HTMLElement).matches('input[type=checkbox]')) void search();
	});
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		void search();
	});
	more.addEventListener('click', async () => {
		const first = list.children.length;
		await showMore(run);
		// Keyboard users land on the first newly shown result rather than at the end of the page.
		list.children[first]?.querySelector('a')?.focus();
	});

	const initial = readSearchState(location.search, filterKeys);
	writeForm(initial);
	if (initial.query.trim() || Object.keys(initial.filters).length) void search();
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
	const el = document.createElement(tag);
	el.className = className;
	el.append(...children);
	return el;
}

function link(href: string, text: string): HTMLAnchorElement {
	const a = document.createElement('a');
	a.href = href;
	a.textContent = text;
	return a;
}

/** Pagefind's excerpt as text nodes and <mark> elements; nothing else is ever created from it. */
function excerpt(html: string): HTMLParagraphElement {
	const p = element('p', 'search-excerpt');
	for (const seg of excerptSegments(html)) p.append(seg.mark ? element('mark', '', seg.text) : seg.text);
	return p;
}

function renderSections(sections: SearchHit['sections']): HTMLUListElement {
	return element('ul', 'search-sections', ...sections.map((s) => element('li', '', link(s.url, s.title), excerpt(s.excerpt))));
}

function renderHit(hit: SearchHit): HTMLLIElement {
	const li = element('li', 'search-hit', element('h2', 'search-hit-title', link(hit.url, hit.title)));
	if (hit.labels.length) li.append(element('p', 'search-hit-labels', hit.labels.join(' · ')));
	if (hit.description) li.append(hit.descriptionIsExcerpt ? excerpt(hit.description) : element('p', 'search-hit-summary', hit.description));
	const [first, rest] = [hit.sections.slice(0, SECTIONS_SHOWN), hit.sections.slice(SECTIONS_SHOWN)];
	if (first.length) li.append(renderSections(first));
	if (rest.length) {
		const summary = element('summary', '', `${rest.length} more ${rest.length === 1 ? 'section' : 'sections'} in this page`);
		li.append(element('details', 'search-more-sections', summary, renderSections(rest)));
	}
	return li;
}
