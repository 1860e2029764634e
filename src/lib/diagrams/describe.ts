/**
 * Plain-text descriptions: the "Diagram as text" shown under each figure (for screen readers
 * and search) and the short <desc> inside the SVG.
 */
import type { DiagramModel, FlowEdge, FlowModel, Label, SequenceModel } from './model.ts';

const DIRECTIONS = { TB: 'top to bottom', BT: 'bottom to top', LR: 'left to right', RL: 'right to left' } as const;

function name(label: Label): string {
	return label.lines
		.map((l) => l.map((r) => r.text).join('').trim())
		.filter(Boolean)
		.join(' — ');
}

function sentence(label: Label): string {
	return label.lines
		.map((l) => l.map((r) => r.text).join('').trim())
		.filter(Boolean)
		.join(' ');
}

function arrow(e: FlowEdge): string {
	const end = e.endHead !== 'none';
	const start = e.startHead !== 'none';
	return end && start ? '↔' : end ? '→' : start ? '←' : '—';
}

export function describeFlow(m: FlowModel): string {
	const out: string[] = [];
	out.push(`Flowchart, ${DIRECTIONS[m.direction]}${m.title ? `: ${m.title}` : '.'}`);
	if (m.accDescr) out.push(m.accDescr);
	const fullName = new Map(m.nodes.map((n) => [n.id, name(n.label) || n.id]));
	// Groups and connections name a node by its first line ("Ranking"), unless two nodes share it.
	const first = (n: FlowModel['nodes'][number]) => n.label.lines.map((l) => l.map((r) => r.text).join('').trim()).find(Boolean) ?? n.id;
	const firstCount = new Map<string, number>();
	for (const n of m.nodes) firstCount.set(first(n), (firstCount.get(first(n)) ?? 0) + 1);
	const nodeName = new Map(m.nodes.map((n) => [n.id, firstCount.get(first(n)) === 1 ? first(n) : fullName.get(n.id)!]));
	const clusterName = new Map(m.clusters.map((c) => [c.id, name(c.title) || c.id]));
	const ref = (id: string) => nodeName.get(id) ?? clusterName.get(id) ?? id;
	out.push('', 'Nodes:');
	for (const n of m.nodes) out.push(`- ${fullName.get(n.id)}`);
	if (m.clusters.length) {
		out.push('', 'Groups:');
		for (const c of m.clusters) {
			const members = [
				...m.clusters.filter((x) => x.parent === c.id).map((x) => `group ${clusterName.get(x.id)}`),
				...m.nodes.filter((x) => x.parent === c.id).map((x) => nodeName.get(x.id)),
			];
			const where = c.parent ? ` (inside ${clusterName.get(c.parent)})` : '';
			out.push(`- ${clusterName.get(c.id)}${where}: ${members.length ? members.join(', ') : 'empty'}`);
		}
	}
	const edges = m.edges.filter((e) => e.stroke !== 'invisible');
	if (edges.length) {
		out.push('', 'Connections:');
		for (const e of edges) {
			const label = e.label && sentence(e.label) ? ` (${sentence(e.label)})` : '';
			out.push(`- ${ref(e.from)} ${arrow(e)} ${ref(e.to)}${label}`);
		}
	}
	return out.join('\n');
}

export function describeSequence(m: SequenceModel): string {
	const out: string[] = [];
	out.push(`Sequence diagram${m.title ? `: ${m.title}` : '.'}`);
	if (m.accDescr) out.push(m.accDescr);
	const pname = new Map(m.participants.map((p) => [p.id, name(p.label) || p.id]));
	out.push(
		'',
		`Participants: ${m.participants.map((p) => `${pname.get(p.id)}${p.kind !== 'participant' ? ` (${p.kind})` : ''}${p.box !== undefined ? ` [${name(m.boxes[p.box]!.label)}]` : ''}`).join(', ')}`,
		'',
	);
	let indent = '';
	for (const item of m.items) {
		switch (item.type) {
			case 'message': {
				const num = item.number !== undefined ? `${item.number}. ` : '';
				const arrowText = item.both ? '↔' : '→';
				const style = [item.dotted ? 'dotted' : '', item.head === 'cross' ? 'lost' : item.head === 'open' ? 'async' : ''].filter(Boolean).join(', ');
				out.push(`${indent}${num}${pname.get(item.from)} ${arrowText} ${pname.get(item.to)}${style ? ` (${style})` : ''}: ${sentence(item.label)}`);
				break;
			}
			case 'note': {
				const who = item.actors.map((a) => pname.get(a)).join(' and ');
				const where = item.placement === 'over' ? 'over' : `${item.placement} of`;
				out.push(`${indent}Note ${where} ${who}: ${sentence(item.label)}`);
				break;
			}
			case 'blockStart':
				if (item.block === 'rect') {
					out.push(`${indent}Highlighted section:`);
				} else out.push(`${indent}${item.block}${sentence(item.label) ? ` ${sentence(item.label)}` : ''}:`);
				indent += '  ';
				break;
			case 'blockSection': {
				const word = item.block === 'alt' ? 'else' : item.block === 'par' ? 'and' : 'option';
				out.push(`${indent.slice(2)}${word}${sentence(item.label) ? ` ${sentence(item.label)}` : ''}:`);
				break;
			}
			case 'blockEnd':
				indent = indent.slice(2);
				out.push(`${indent}end`);
				break;
			default:
				break;
		}
	}
	return out.join('\n');
}

export function describe(m: DiagramModel): string {
	return m.kind === 'flowchart' ? describeFlow(m) : describeSequence(m);
}

/** One or two sentences for the SVG's <desc>. */
export function summary(m: DiagramModel): string {
	if (m.kind === 'flowchart') {
		const edges = m.edges.filter((e) => e.stroke !== 'invisible').length;
		const groups = m.clusters.length ? `, grouped into ${m.clusters.map((c) => name(c.title) || c.id).join(', ')}` : '';
		return `Flowchart (${DIRECTIONS[m.direction]}) with ${m.nodes.length} node${m.nodes.length === 1 ? '' : 's'} and ${edges} connection${edges === 1 ? '' : 's'}${groups}. The full text is below the diagram.`;
	}
	const msgs = m.items.filter((i) => i.type === 'message').length;
	return `Sequence diagram between ${m.participants.map((p) => name(p.label) || p.id).join(', ')} with ${msgs} message${msgs === 1 ? '' : 's'}. The full text is below the diagram.`;
}

export function defaultTitle(m: DiagramModel): string {
	if (m.accTitle) return m.accTitle;
	if (m.title) return m.title;
	return m.kind === 'flowchart' ? 'Flowchart' : 'Sequence diagram';
}
