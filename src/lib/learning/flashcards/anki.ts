/**
 * The flashcards as a file Anki's own importer reads (File → Import): its
 * plain-text notes format, tab-separated, with the file headers Anki 2.1.55+
 * understands (https://docs.ankiweb.net/importing/text-files.html): the
 * separator, HTML fields, the Basic note type, and which column holds the
 * note's GUID, its deck and its tags. The GUID is the card's stable id, so
 * importing a newer file updates the notes instead of duplicating them.
 */
import { escapeHtml } from '../../site/escape-html.ts';
import type { Flashcard } from './cards.ts';

export interface AnkiDeckNames {
	/** Deck title per deck id (case slug → case title). */
	titles: Record<string, string>;
	/** Turns inline Markdown into plain text (formulas and code kept as written). */
	plain: (markdown: string) => string;
}

export const ANKI_ROOT_DECK = 'MLSD Workbook';
export const ANKI_COLUMNS = ['GUID', 'Front', 'Back', 'Deck', 'Tags'] as const;

/** Anki's deck path for a deck id: `MLSD Workbook::TikTok "For You" feed`. */
export function ankiDeckName(deck: string, names: AnkiDeckNames): string {
	return `${ANKI_ROOT_DECK}::${(names.titles[deck] ?? deck).replace(/::/g, ':')}`;
}

/** The notes file for these cards; one line per note after the headers. */
export function toAnkiText(cards: Flashcard[], names: AnkiDeckNames): string {
	const header = ['#separator:tab', '#html:true', '#notetype:Basic', '#guid column:1', '#deck column:4', '#tags column:5', `#columns:${ANKI_COLUMNS.join('\t')}`];
	const rows = cards.map((c) => {
		const front = `${escapeHtml(names.plain(c.front))}<br><small>${escapeHtml(names.plain(c.hint))}</small>`;
		const back = c.back.length > 1 ? `<ul>${c.back.map((b) => `<li>${escapeHtml(names.plain(b))}</li>`).join('')}</ul>` : escapeHtml(names.plain(c.back[0] ?? ''));
		return [`mlsd/${c.id}`, front, back, ankiDeckName(c.deck, names), tagsOf(c).join(' ')].map(field).join('\t');
	});
	return `${[...header, ...rows].join('\n')}\n`;
}

/** Tags without spaces: `mlsd kind::key-points case::tiktok-feed section::model`. */
export function tagsOf(card: Flashcard): string[] {
	return ['mlsd', `kind::${card.kind}`, ...card.cases.map((c) => `case::${c}`), ...card.domains.map((d) => `domain::${d}`), ...(card.section ? [`section::${card.section}`] : [])];
}

/** Every field quoted, CSV style (a `"` doubled), with no tab or line break left inside. */
function field(text: string): string {
	return `"${text.replace(/[\t\r\n]+/g, ' ').replace(/"/g, '""')}"`;
}

/** The file name for a deck's export (`tiktok-feed.txt`), or `all.txt` for every card. */
export function ankiFileName(deck: string | null): string {
	return `${deck ?? 'all'}.txt`;
}
