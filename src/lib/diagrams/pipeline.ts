/**
 * A case's `pipeline:` frontmatter → mermaid flowchart source, drawn by the same renderer as
 * authored diagrams.
 *
 * The two lanes are stacked (offline above online, held in order by an invisible link) and
 * only links within a lane are drawn as arrows. A feed across lanes (a feature store or a model
 * feeding several online stages) would be one more long dashed line crossing the others; it is
 * written on the stage it feeds instead ("fed by Streaming features, Online training"), so the
 * chart stays narrow enough for the page column and every feed can still be read.
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

export function stageLabel(stage: PipelineStage, opts: PipelineOptions = {}, fedBy: PipelineStage[] = []): string {
	const facts: string[] = [];
	if (stage.items !== undefined) facts.push(`${fmtCount(stage.items)} ${stage.items === 1 ? 'item' : 'items'}`);
	if (stage.latencyMs !== undefined) facts.push(`${fmtCount(stage.latencyMs)} ms`);
	const lines = [quote(stage.name)];
	if (facts.length) lines.push(quote(facts.join(' · ')));
	if (fedBy.length) lines.push(quote(`fed by ${fedBy.map((f) => f.name).join(', ')}`));
	if (opts.details && stage.detail) lines.push(quote(stage.detail));
	return lines.join('<br/>');
}

/** Each stage's targets: its `feeds`, or else the next stage of its lane. */
function targetsOf(stages: PipelineStage[], byId: Map<string, PipelineStage>): Map<string, PipelineStage[]> {
	const out = new Map<string, PipelineStage[]>();
	for (const lane of ['offline', 'online'] as const) {
		const members = stages.filter((s) => s.lane === lane);
		members.forEach((s, i) => {
			const ids = s.feeds ?? (members[i + 1] ? [members[i + 1]!.id] : []);
			out.set(
				s.id,
				ids.map((t) => {
					const target = byId.get(t);
					if (!target) {
						throw new DiagramError(`Pipeline stage "${s.id}" feeds "${t}", which is not a stage of this case`, {
							fix: `Use one of: ${stages.map((x) => x.id).join(', ')}.`,
							construct: 'pipeline feeds',
						});
					}
					return target;
				}),
			);
		});
	}
	return out;
}

export function pipelineToMermaid(stages: PipelineStage[], opts: PipelineOptions = {}): string {
	const byId = new Map(stages.map((s) => [s.id, s]));
	if (byId.size !== stages.length) {
		const dup = stages.find((s, i) => stages.findIndex((o) => o.id === s.id) !== i)!;
		throw new DiagramError(`Pipeline stage id "${dup.id}" is used twice`, { fix: 'Give every pipeline stage a unique id.', construct: 'pipeline' });
	}
	const targets = targetsOf(stages, byId);
	const fedBy = new Map<string, PipelineStage[]>();
	for (const s of stages) for (const t of targets.get(s.id)!) if (t.lane !== s.lane) fedBy.set(t.id, [...(fedBy.get(t.id) ?? []), s]);
	const out: string[] = [`flowchart ${opts.direction ?? 'TB'}`];
	const lanes = [
		{ lane: 'offline' as const, id: 'offline', title: opts.offlineTitle ?? 'Offline' },
		{ lane: 'online' as const, id: 'online', title: opts.onlineTitle ?? 'Online (per request)' },
	];
	const drawn = lanes.filter((l) => stages.some((s) => s.lane === l.lane));
	for (const l of drawn) {
		out.push(`  subgraph ${l.id} ["${quote(l.title)}"]`);
		for (const s of stages.filter((x) => x.lane === l.lane)) out.push(`    ${nodeId(s.id)}["${stageLabel(s, opts, fedBy.get(s.id))}"]`);
		out.push('  end');
	}
	// Offline above online: invisible links from the offline lane's last stages to the first online one.
	if (drawn.length === 2) {
		const firstOnline = stages.find((s) => s.lane === 'online')!;
		for (const s of stages.filter((x) => x.lane === 'offline' && !targets.get(x.id)!.some((t) => t.lane === 'offline'))) out.push(`  ${nodeId(s.id)} ~~~ ${nodeId(firstOnline.id)}`);
	}
	for (const s of stages) {
		for (const t of targets.get(s.id)!) if (t.lane === s.lane) out.push(`  ${nodeId(s.id)} --> ${nodeId(t.id)}`);
	}
	return out.join('\n') + '\n';
}
