import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { CASE_MINIMUMS, type CaseFrontmatter } from '../../schemas/case.ts';
import type { Framework } from '../../schemas/framework.ts';
import { problem, type Problem } from './problems.ts';

type LineOf = (path: readonly PropertyKey[]) => number | undefined;

/** What each counted list is, for messages. */
const LISTS: Record<keyof typeof CASE_MINIMUMS, { what: string; fix: string }> = {
	pitfalls: { what: 'catalog pitfalls', fix: 'Add pitfalls from case-studies/pitfalls.yaml, each with a note on how it shows up in this case (add one to the catalog when the case needs it).' },
	checklist: { what: 'case-specific checklist items', fix: 'Add review questions specific to this design under `checklist:`, each with the framework `section:` it belongs to.' },
	followUps: { what: 'follow-up questions', fix: 'Add questions an interviewer asks next under `followUps:`, each with a 3–6 sentence answer sketch.' },
	references: { what: 'references', fix: 'Add primary sources (papers, engineering blogs) with exact title, https URL, year and authors.' },
};

/** The first word of a mermaid source after its frontmatter and comments: `flowchart`, `graph`, `sequenceDiagram`… */
export function diagramKind(source: string): string {
	const lines = source.replace(/^\s*---\n[\s\S]*?\n---\s*\n/, '').split('\n');
	const first = lines.map((l) => l.trim()).find((l) => l !== '' && !l.startsWith('%%'));
	return first?.split(/\s+/)[0] ?? '';
}

/**
 * The case standard's countable minimums: list lengths in the frontmatter, and an authored
 * pipeline flowchart and sequence diagram in the body. Errors for a listed case; warnings
 * for a draft, so a case can be built up section by section.
 */
export function checkMinimums(data: CaseFrontmatter, diagrams: { source: string }[], tree: Root | undefined, framework: Framework, file: string, lineOf: LineOf): Problem[] {
	const severity = data.draft ? ({ severity: 'warning' } as const) : {};
	const listed = data.draft ? 'before the case is listed' : 'for a listed case';
	const problems: Problem[] = [];
	for (const [key, min] of Object.entries(CASE_MINIMUMS) as [keyof typeof CASE_MINIMUMS, number][]) {
		const n = data[key].length;
		if (n < min) problems.push(problem(file, `${n} ${LISTS[key].what}; the case standard asks for at least ${min} ${listed}`, { field: key, line: lineOf([key]), fix: LISTS[key].fix, ...severity }));
	}
	// A body that does not parse has its own error; its diagrams cannot be counted.
	if (!tree) return problems;
	const kinds = diagrams.map((d) => diagramKind(d.source));
	const sectionLine = (id: string) => {
		const title = framework.sections.find((s) => s.id === id)?.title;
		const heading = tree.children.find((n): n is Heading => n.type === 'heading' && n.depth === 2 && toString(n).trim() === title);
		return { title, line: heading?.position?.start.line };
	};
	if (!kinds.some((k) => k === 'flowchart' || k === 'graph')) {
		const at = sectionLine('architecture');
		problems.push(problem(file, `no authored pipeline diagram; the case standard asks for a \`flowchart\` of the pipeline ${listed} (the generated one at the top does not count)`, { line: at.line ?? lineOf([]), fix: `Add a \`\`\`mermaid block starting \`flowchart LR\` under "## ${at.title}" showing the stages and what flows between them.`, ...severity }));
	}
	if (!kinds.includes('sequenceDiagram')) {
		const at = sectionLine('serving');
		problems.push(problem(file, `no authored sequence diagram; the case standard asks for a \`sequenceDiagram\` of the online request ${listed}`, { line: at.line ?? lineOf([]), fix: `Add a \`\`\`mermaid block starting \`sequenceDiagram\` under "## ${at.title}": the request from client to response, service by service, with the latency of each hop.`, ...severity }));
	}
	return problems;
}
