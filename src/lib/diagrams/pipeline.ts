/**
 * A case's `pipeline:` frontmatter → mermaid flowchart source, drawn by the same renderer as
 * authored diagrams.
 */
import type { PipelineStage } from '../../schemas/case.ts';
import { DiagramError } from './errors.ts';

export interface PipelineOptions {
	/** Layout direction; default LR. */
	direction?: 'LR' | 'TB';
	/** Add each stage's `detail` line to its box. Default false (details go in the text). */
	details?: boolean;
	/** Subgraph titles. */
	offlineTitle?: string;
	onlineTitle?: string;
}

/** Text safe inside a mermaid "quoted label": entity codes for characters the lexer or HTML would eat. */
function quote(s: string): string {
	return s
		.replace(/#/g, '#35;')
		.replace(/"/g, '#quot;')
		.replace(/&/g, '#38;')
		.replace(/</g, '#lt;')
		.replace(/>/g, '#gt;')
		.replace(/`/g, '#96;')
		.replace(/\s+/g, ' ')
		.trim();
}

const nodeId = (id: string) => `s_${id.replace(/-/g, '_')}`;

function fmtCount(n: number): string {
	return Number.isInteger(n) ? n.toLocaleString('en-US') : String(n);
}

export function stageLabel(stage: PipelineStage, opts: PipelineOptions = {}): string {
	const facts: string[] = [];
	if (stage.items !== undefined) facts.push(`${fmtCount(stage.items)} items`);
	if (stage.latencyMs !== undefined) facts.push(`${fmtCount(stage.latencyMs)} ms`);
	const lines = [quote(stage.name)];
	if (facts.length) lines.push(quote(facts.join(' · ')));
	if (opts.details && stage.detail) lines.push(quote(stage.detail));
	return lines.join('<br/>');
}

export function pipelineToMermaid(stages: PipelineStage[], opts: PipelineOptions = {}): string {
	const byId = new Map(stages.map((s) => [s.id, s]));
	if (byId.size !== stages.length) {
		const dup = stages.find((s, i) => stages.findIndex((o) => o.id === s.id) !== i)!;
		throw new DiagramError(`Pipeline stage id "${dup.id}" is used twice`, { fix: 'Give every pipeline stage a unique id.', construct: 'pipeline' });
	}
	const out: string[] = [`flowchart ${opts.direction ?? 'LR'}`];
	const lanes = [
		{ lane: 'offline' as const, id: 'offline', title: opts.offlineTitle ?? 'Offline' },
		{ lane: 'online' as const, id: 'online', title: opts.onlineTitle ?? 'Online (per request)' },
	];
	for (const l of lanes) {
		const members = stages.filter((s) => s.lane === l.lane);
		if (!members.length) continue;
		out.push(`  subgraph ${l.id} ["${quote(l.title)}"]`);
		for (const s of members) out.push(`    ${nodeId(s.id)}["${stageLabel(s, opts)}"]`);
		out.push('  end');
	}
	for (const l of lanes) {
		const members = stages.filter((s) => s.lane === l.lane);
		members.forEach((s, i) => {
			const targets = s.feeds ?? (members[i + 1] ? [members[i + 1]!.id] : []);
			for (const t of targets) {
				const target = byId.get(t);
				if (!target) {
					throw new DiagramError(`Pipeline stage "${s.id}" feeds "${t}", which is not a stage of this case`, {
						fix: `Use one of: ${stages.map((x) => x.id).join(', ')}.`,
						construct: 'pipeline feeds',
					});
				}
				out.push(`  ${nodeId(s.id)} ${target.lane === s.lane ? '-->' : '-.->'} ${nodeId(t)}`);
			}
		});
	}
	return out.join('\n') + '\n';
}
