/**
 * The Anki export, read back the way Anki's text importer reads it: `#key:value`
 * header lines, then one note per line, fields split on the separator, fields
 * in double quotes with `""` for a quote (https://docs.ankiweb.net/importing/text-files.html).
 */
import { describe, expect, it } from 'vitest';
import { ankiDeckName, toAnkiText } from '../../../src/lib/learning/flashcards/anki.ts';
import { buildCards } from '../../../src/lib/learning/flashcards/cards.ts';
import { sources } from './fixtures.ts';

interface Parsed {
	headers: Record<string, string>;
	rows: string[][];
}

function parseAnkiText(text: string): Parsed {
	const lines = text.split('\n');
	const headers: Record<string, string> = {};
	let i = 0;
	for (; i < lines.length && lines[i].startsWith('#'); i++) {
		const [key, ...value] = lines[i].slice(1).split(':');
		headers[key] = value.join(':');
	}
	expect(headers.separator).toBe('tab');
	const rows = lines.slice(i).filter((l) => l !== '').map((line) => {
		const fields: string[] = [];
		let at = 0;
		while (at <= line.length) {
			if (line[at] === '"') {
				let value = '';
				at++;
				for (;;) {
					const q = line.indexOf('"', at);
					if (q < 0) throw new Error(`unclosed quote in ${line}`);
					value += line.slice(at, q);
					if (line[q + 1] === '"') {
						value += '"';
						at = q + 2;
					} else {
						at = q + 1;
						break;
					}
				}
				fields.push(value);
				if (at < line.length && line[at] !== '\t') throw new Error(`text after a closing quote in ${line}`);
				at++;
			} else {
				const tab = line.indexOf('\t', at);
				fields.push(line.slice(at, tab < 0 ? line.length : tab));
				at = tab < 0 ? line.length + 1 : tab + 1;
			}
		}
		return fields;
	});
	return { headers, rows };
}

const names = { titles: { 'video-feed': 'Video feed', 'local-search': 'Local search', pitfalls: 'Pitfalls', concepts: 'Concepts' }, plain: (s: string) => s.replace(/`/g, '') };

describe('Anki export', () => {
	const cards = buildCards(sources());
	cards[0].back.push('Says "fast", with `code` & <tags> and a\ttab');

	it('declares the headers Anki reads: tab separator, HTML, Basic notes, GUID, deck and tag columns', () => {
		const { headers } = parseAnkiText(toAnkiText(cards, names));
		expect(headers).toEqual({ separator: 'tab', html: 'true', notetype: 'Basic', 'guid column': '1', 'deck column': '4', 'tags column': '5', columns: 'GUID\tFront\tBack\tDeck\tTags' });
	});

	it('parses into one note per card with its stable GUID, both sides, its deck and tags', () => {
		const { rows } = parseAnkiText(toAnkiText(cards, names));
		expect(rows).toHaveLength(cards.length);
		expect(rows.every((r) => r.length === 5)).toBe(true);
		expect(rows.map((r) => r[0])).toEqual(cards.map((c) => `mlsd/${c.id}`));
		const [guid, front, back, deck, tags] = rows[0];
		expect(guid).toBe('mlsd/key-points/video-feed/requirements');
		expect(front).toBe('Video feed: Requirements and scope<br><small>What does a strong candidate say? What are we building?</small>');
		expect(back).toBe('<ul><li>Interest-driven, not social-graph.</li><li>Under 200 ms p99.</li><li>Says &quot;fast&quot;, with code &amp; &lt;tags&gt; and a tab</li></ul>');
		expect(deck).toBe('MLSD Workbook::Video feed');
		expect(tags.split(' ')).toEqual(['mlsd', 'kind::key-points', 'case::video-feed', 'domain::recommendation', 'section::requirements']);
		const pitfall = rows.find((r) => r[0] === 'mlsd/pitfall/position-bias')!;
		expect(pitfall[3]).toBe('MLSD Workbook::Pitfalls');
		expect(pitfall[4]).toBe('mlsd kind::pitfall case::local-search domain::search section::model');
	});

	it('exports one deck alone', () => {
		const { rows } = parseAnkiText(toAnkiText(cards.filter((c) => c.deck === 'concepts'), names));
		expect(rows).toEqual([['mlsd/definition/metrics/normalized-entropy', 'Normalized entropy<br><small>Define it. (Metrics)</small>', 'Log loss over the background log loss.', 'MLSD Workbook::Concepts', 'mlsd kind::definition']]);
	});

	it('keeps a double quote in a field through the CSV quoting', () => {
		const { rows } = parseAnkiText(toAnkiText(cards.slice(0, 1), { ...names, titles: { 'video-feed': 'Video "feed"' } }));
		expect(rows[0][3]).toBe('MLSD Workbook::Video "feed"');
	});

	it('never lets a deck title nest decks by accident', () => {
		expect(ankiDeckName('x', { titles: { x: 'A::B' }, plain: String })).toBe('MLSD Workbook::A:B');
	});
});
