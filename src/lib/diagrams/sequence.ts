/**
 * Mermaid sequence db → SequenceModel, refusing what cannot be drawn faithfully.
 *
 * Ignored on purpose (stylistic): box and `rect` colours, `wrap` directives (long text is always
 * wrapped), `autonumber` start/step styling beyond the numbers themselves.
 * Refused: `create`/`destroy` participants, actor `link`/`links`/`properties` menus,
 * half-arrows and central-connection arrows.
 */
import { DiagramError } from './errors.ts';
import type { LabelParser } from './labels.ts';
import type { BlockKind, ParticipantKind, SeqArrow, SeqItem, SequenceModel } from './model.ts';
import type { RawDiagram } from './parse.ts';
import { escapeRegExp, findLine } from './source-lines.ts';

type RawSeq = Extract<RawDiagram, { kind: 'sequence' }>;

// mermaid's LINETYPE codes (diagrams/sequence/sequenceDb.d.ts).
const MESSAGE_TYPES: Record<number, { dotted: boolean; head: SeqArrow; both?: boolean }> = {
	0: { dotted: false, head: 'filled' },
	1: { dotted: true, head: 'filled' },
	3: { dotted: false, head: 'cross' },
	4: { dotted: true, head: 'cross' },
	5: { dotted: false, head: 'none' },
	6: { dotted: true, head: 'none' },
	24: { dotted: false, head: 'open' },
	25: { dotted: true, head: 'open' },
	33: { dotted: false, head: 'filled', both: true },
	34: { dotted: true, head: 'filled', both: true },
};
const BLOCK_START: Record<number, BlockKind> = { 10: 'loop', 12: 'alt', 15: 'opt', 19: 'par', 32: 'par', 22: 'rect', 27: 'critical', 30: 'break' };
const BLOCK_SECTION: Record<number, BlockKind> = { 13: 'alt', 20: 'par', 28: 'critical' };
const BLOCK_END: Record<number, BlockKind> = { 11: 'loop', 14: 'alt', 16: 'opt', 21: 'par', 23: 'rect', 29: 'critical', 31: 'break' };
const KINDS = new Set<ParticipantKind>(['participant', 'actor', 'database', 'boundary', 'control', 'entity', 'collections', 'queue']);

export function toSequenceModel(raw: RawSeq, labels: LabelParser): SequenceModel {
	const src = raw.pre.blanked;
	for (const id of raw.created) {
		throw new DiagramError(`Participant "${id}" is created mid-diagram (create participant), which this renderer does not draw`, {
			line: findLine(src, new RegExp(`^\\s*create\\s+(participant|actor)\\s+${escapeRegExp(id)}\\b`)),
			construct: 'create',
			fix: `Declare "${id}" at the top with \`participant ${id}\` and show its creation with a message or note.`,
		});
	}
	for (const id of raw.destroyed) {
		throw new DiagramError(`Participant "${id}" is destroyed mid-diagram (destroy), which this renderer does not draw`, {
			line: findLine(src, new RegExp(`^\\s*destroy\\s+${escapeRegExp(id)}\\b`)),
			construct: 'destroy',
			fix: `Remove the \`destroy ${id}\` line and show the end of "${id}" with a message or note.`,
		});
	}
	const boxes = raw.boxes.map((b) => ({ label: labels.plain(String(b.name ?? '')) }));
	const participants = raw.actors.map((a) => {
		const id = String(a.name);
		if (Object.keys(a.links ?? {}).length > 0 || Object.keys(a.properties ?? {}).length > 0) {
			throw new DiagramError(`Participant "${id}" has a link/links/properties menu, which a static diagram cannot offer`, {
				line: findLine(src, new RegExp(`^\\s*(links?|properties|details)\\s+${escapeRegExp(id)}\\s*:`)),
				construct: 'link',
				fix: 'Remove the `link`/`links`/`properties` lines and put the URLs in the text next to the diagram.',
			});
		}
		const kind: ParticipantKind = KINDS.has(a.type) ? a.type : 'participant';
		const p: SequenceModel['participants'][number] = { id, label: labels.plain(String(a.description ?? id)), kind };
		const boxIndex = raw.boxes.findIndex((b) => (b.actorKeys as string[]).includes(id));
		if (boxIndex >= 0) p.box = boxIndex;
		return p;
	});

	const items: SeqItem[] = [];
	let numbering: { next: number; step: number } | undefined;
	raw.messages.forEach((m, ref) => {
		const type = Number(m.type);
		const text = typeof m.message === 'string' ? m.message : '';
		if (type === 26) {
			// autonumber: { start, step, visible }
			const cfg = m.message as { start?: number; step?: number; visible?: boolean };
			numbering = cfg.visible === false ? undefined : { next: cfg.start ?? numbering?.next ?? 1, step: cfg.step ?? 1 };
			return;
		}
		if (type === 2) {
			const placement = Number(m.placement) === 0 ? 'left' : Number(m.placement) === 1 ? 'right' : 'over';
			const actors = [String(m.from)];
			if (placement === 'over' && m.to && m.to !== m.from) actors.push(String(m.to));
			items.push({ type: 'note', ref, placement, actors, label: labels.plain(text) });
			return;
		}
		if (type === 17 || type === 18) {
			items.push({ type: type === 17 ? 'activate' : 'deactivate', actor: String(m.from) });
			return;
		}
		if (BLOCK_START[type]) {
			const block = BLOCK_START[type]!;
			// A rect's "label" is its colour: styling only.
			items.push({ type: 'blockStart', ref, block, label: block === 'rect' ? { lines: [], plain: '' } : labels.plain(text) });
			return;
		}
		if (BLOCK_SECTION[type]) {
			items.push({ type: 'blockSection', ref, block: BLOCK_SECTION[type]!, label: labels.plain(text) });
			return;
		}
		if (BLOCK_END[type]) {
			items.push({ type: 'blockEnd', block: BLOCK_END[type]! });
			return;
		}
		const mt = MESSAGE_TYPES[type];
		const from = String(m.from);
		const to = String(m.to);
		const line = findLine(src, new RegExp(`${escapeRegExp(from)}[^:\\n]*${escapeRegExp(to)}\\s*:`));
		if (!mt || (m.centralConnection && Number(m.centralConnection) !== 0)) {
			const what = m.centralConnection && Number(m.centralConnection) !== 0 ? 'a central connection `()`' : 'a half arrow (such as `-|\\` or `-//`)';
			throw new DiagramError(`The message ${from} → ${to} uses ${what}, which this renderer does not draw`, {
				line,
				construct: 'half or central arrow',
				fix: 'Use ->>, -->>, ->, -->, -x, --x, -) or --) (or <<->> for two-way messages).',
			});
		}
		const item: Extract<SeqItem, { type: 'message' }> = { type: 'message', ref, from, to, label: labels.plain(text), dotted: mt.dotted, head: mt.head, both: mt.both === true };
		if (numbering) {
			item.number = numbering.next;
			numbering.next += numbering.step;
		}
		items.push(item);
	});
	const model: SequenceModel = { kind: 'sequence', participants, boxes, items };
	if (raw.title) model.title = labels.plain(raw.title).plain;
	if (raw.accTitle) model.accTitle = labels.plain(raw.accTitle).plain;
	if (raw.accDescr) model.accDescr = labels.plain(raw.accDescr).plain;
	return model;
}
