/**
 * Turns pagefind's raw results into what the search page shows: one entry per
 * page with its best-matching sections, narrowed to the chosen framework
 * stages, plus the URL state and the excerpt sanitiser. No DOM, no pagefind
 * import: the search page's client script (src/components/search-client.ts)
 * feeds it data and renders the output.
 */

/** An element with an id on an indexed page, and where it sits in the page's words. */
export interface PagefindAnchor {
	element: string;
	id: string;
	text?: string;
	location: number;
}

/** A matched word: its position and how much it counts (heading words count more). */
export interface PagefindWeightedLocation {
	weight: number;
	balanced_score: number;
	location: number;
}

/** A section of a page that matched, split at headings with ids. No anchor means "before the first heading". */
export interface PagefindSubResult {
	title: string;
	url: string;
	excerpt: string;
	anchor?: PagefindAnchor;
	weighted_locations: PagefindWeightedLocation[];
}

/** The part of pagefind's `result.data()` this module reads. */
export interface PagefindResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
	filters: Record<string, string[] | undefined>;
	anchors: PagefindAnchor[];
	sub_results: PagefindSubResult[];
}

/** One section link in the results. */
export interface SearchSection {
	url: string;
	title: string;
	/** Pagefind's excerpt HTML; render it with `excerptSegments`, never as HTML. */
	excerpt: string;
	/** Sum of the matched words' scores; sections are listed best first. */
	score: number;
}

/** One page in the results. */
export interface SearchHit {
	url: string;
	title: string;
	/** The page's own summary when it has one, otherwise the excerpt of its best match before any section. */
	description: string;
	/** Whether `description` is excerpt HTML (with <mark>) rather than plain text. */
	descriptionIsExcerpt: boolean;
	/** Filter values shown as small labels (domain, difficulty). */
	labels: string[];
	sections: SearchSection[];
}

export interface ShapeOptions {
	/** Stage title for each stage-bearing heading id (see `stageAnchors` in search-facets.ts). */
	stageAnchors: Record<string, string>;
	/** Chosen stage titles; empty means no stage filter. */
	stages: string[];
	/** Filter keys whose values are shown as labels, in order. */
	labelKeys?: string[];
}

const sectionScore = (sub: PagefindSubResult) => sub.weighted_locations.reduce((sum, w) => sum + w.balanced_score, 0);
const isPageLevel = (sub: PagefindSubResult) => !sub.anchor || sub.anchor.element === 'h1';

/**
 * The stage a position on the page belongs to: the stage of the nearest h2 at
 * or before it, or undefined when that h2 is not a stage (e.g. "References").
 */
function stageAt(location: number, boundaries: PagefindAnchor[], stageAnchors: Record<string, string>): string | undefined {
	let current: PagefindAnchor | undefined;
	for (const b of boundaries) {
		if (b.location > location) break;
		current = b;
	}
	return current ? stageAnchors[current.id] : undefined;
}

/**
 * One page's entry in the results, or null when a stage filter leaves none of
 * its sections. Pagefind's filters are per page, so a case matches every
 * stage; here its sections are kept only if they sit under a chosen stage's
 * heading. Pages without any stage headings keep all their sections.
 */
export function shapeResult(data: PagefindResultData, options: ShapeOptions): SearchHit | null {
	const title = data.meta.title ?? data.url;
	let subs = data.sub_results;
	let narrowed = false;
	if (options.stages.length) {
		const boundaries = data.anchors.filter((a) => a.element === 'h1' || a.element === 'h2').sort((a, b) => a.location - b.location);
		if (boundaries.some((b) => b.id in options.stageAnchors)) {
			const wanted = new Set(options.stages);
			subs = subs.filter((s) => !isPageLevel(s) && wanted.has(stageAt(s.anchor!.location, boundaries, options.stageAnchors) ?? ''));
			narrowed = true;
			if (!subs.length) return null;
		}
	}
	const intro = subs.find(isPageLevel);
	const sections = subs
		.filter((s) => !isPageLevel(s))
		.map((s) => ({ url: s.url, title: s.title, excerpt: s.excerpt, score: sectionScore(s) }))
		.sort((a, b) => b.score - a.score);
	const summary = data.meta.summary;
	const excerpt = intro?.excerpt ?? (narrowed || sections.length ? '' : data.excerpt);
	const labels = (options.labelKeys ?? []).flatMap((k) => data.filters[k] ?? []);
	return {
		url: data.url,
		title,
		description: summary ?? excerpt,
		descriptionIsExcerpt: !summary && Boolean(excerpt),
		labels,
		sections,
	};
}

/**
 * Orders pages by their best remaining section, best first (stable). Used
 * when a stage filter narrows the sections: pagefind ranked the whole pages,
 * but the reader asked for the pages that say most about that stage.
 */
export function byBestSection(hits: SearchHit[]): SearchHit[] {
	const best = (h: SearchHit) => h.sections[0]?.score ?? 0;
	return [...hits].sort((a, b) => best(b) - best(a));
}

/** A run of excerpt text, highlighted or not. */
export interface ExcerptSegment {
	text: string;
	mark: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references pagefind's excerpts contain (named basics and numeric). */
export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
		if (ref[0] === '#') {
			const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
			return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
		}
		return ENTITIES[ref.toLowerCase()] ?? whole;
	});
}

/**
 * Splits pagefind's excerpt HTML into plain-text runs and highlighted runs.
 * Only `<mark>` and `</mark>` are understood; anything else that looks like a
 * tag stays literal text, so rendering the segments as text nodes and <mark>
 * elements can never inject markup.
 */
export function excerptSegments(html: string): ExcerptSegment[] {
	const segments: ExcerptSegment[] = [];
	let mark = false;
	for (const part of html.split(/(<\/?mark>)/i)) {
		if (/^<mark>$/i.test(part)) mark = true;
		else if (/^<\/mark>$/i.test(part)) mark = false;
		else if (part) {
			const text = decodeEntities(part);
			const last = segments.at(-1);
			if (last && last.mark === mark) last.text += text;
			else segments.push({ text, mark });
		}
	}
	return segments;
}

/** What the search page shows, as kept in its URL: `?q=calibration&stage=Metrics`. */
export interface SearchState {
	query: string;
	filters: Record<string, string[]>;
}

/** Reads the query and the chosen filter values (only `keys`) from a URL's search string. */
export function readSearchState(search: string, keys: readonly string[]): SearchState {
	const params = new URLSearchParams(search);
	const filters: Record<string, string[]> = {};
	for (const key of keys) {
		const values = [...new Set(params.getAll(key).filter(Boolean))];
		if (values.length) filters[key] = values;
	}
	return { query: params.get('q') ?? '', filters };
}

/** The search string for a state, `?q=…&domain=…`, or '' when there is nothing to search. */
export function searchString(state: SearchState): string {
	const params = new URLSearchParams();
	if (state.query) params.set('q', state.query);
	for (const [key, values] of Object.entries(state.filters)) for (const v of values) params.append(key, v);
	const text = params.toString();
	return text ? `?${text}` : '';
}

/**
 * Pagefind's filter argument: any of the chosen values within a filter (a
 * case has one domain, so two ticked domains mean "either"), all filters
 * together.
 */
export function pagefindFilters(filters: Record<string, string[]>): Record<string, { any: string[] }> {
	const out: Record<string, { any: string[] }> = {};
	for (const [key, values] of Object.entries(filters)) if (values.length) out[key] = { any: values };
	return out;
}
