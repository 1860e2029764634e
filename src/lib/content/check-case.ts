import type { Heading, Link, Root, RootContent, Code, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { caseFrontmatterSchema, type CaseFrontmatter } from '../../schemas/case.ts';
import type { Framework } from '../../schemas/framework.ts';
import type { CaseSource } from './case-source.ts';
import { zodProblems } from './yaml-source.ts';
import { didYouMeanPhrase } from './suggest.ts';
import { problem, type Problem } from './problems.ts';
import { GithubSlugger } from './slug.ts';
import { GENERATED_SECTIONS } from '../site/case-links.ts';
import { checkKeyPoints } from './check-key-points.ts';
import { checkFollowUps } from './check-follow-ups.ts';
import { checkDeepDives } from './check-deep-dives.ts';
import { checkFormulas } from './check-formulas.ts';
import { checkNoCode, unsafeScheme } from './check-no-code.ts';
import { checkPlainText } from './check-plain-text.ts';
import { checkMinimums } from './check-minimums.ts';

/** What a case is checked against: the framework and the catalogs' ids. */
export interface CheckContext {
	framework: Framework;
	pitfallIds: string[];
	domainIds: string[];
	/** The year no reference may be later than; the current year when absent. */
	currentYear?: number;
}

/** An internal link found in a body, resolved later against every page's anchors. */
export interface InternalLink {
	file: string;
	/** The page the link is on, so a fix never suggests linking to that page itself. */
	from?: string;
	line?: number;
	url: string;
}

export interface CaseCheck {
	data?: CaseFrontmatter;
	/** Heading ids on the case page, in order (body headings, then generated sections). */
	anchors: string[];
	links: InternalLink[];
	/** Mermaid sources with the file line of their first source line. */
	diagrams: { source: string; line: number }[];
	problems: Problem[];
}

/** Ids of the sections the case page generates around the body. */
export const GENERATED_ANCHORS = ['at-a-glance', 'pipeline', ...GENERATED_SECTIONS.map((s) => s.slug)];

/** Checks one parsed case: frontmatter schema and references, framework sections, the standard's minimums, and collects links and diagrams. */
export function checkCase(src: CaseSource, ctx: CheckContext): CaseCheck {
	const out: CaseCheck = { anchors: [], links: [], diagrams: [], problems: [] };
	const { file } = src;
	if (src.frontmatter?.data !== undefined && src.frontmatter.problems.length === 0) {
		const fm = src.frontmatter;
		const parsed = caseFrontmatterSchema.safeParse(fm.data);
		if (!parsed.success) out.problems.push(...zodProblems(parsed.error, file, fm, fm.data, caseFrontmatterSchema));
		else {
			out.data = parsed.data;
			out.problems.push(...checkReferences(parsed.data, file, fm.lineOf, ctx));
			out.problems.push(...checkKeyPoints(parsed.data, file, fm.lineOf, ctx.framework));
			out.problems.push(...checkFollowUps(parsed.data, file, fm.lineOf, ctx.framework));
		}
		out.problems.push(...checkPlainText(fm.data, file, fm.lineOf, 'frontmatter'));
	}
	if (src.tree) {
		out.problems.push(...checkSections(src.tree, file, ctx.framework, src.bodyLine));
		out.problems.push(...checkFormulas(src.tree, file));
		out.problems.push(...checkNoCode(src.tree, file));
		const slugger = new GithubSlugger();
		visit(src.tree, 'heading', (h: Heading) => {
			out.anchors.push(slugger.slug(toString(h)));
		});
		out.anchors.push(...GENERATED_ANCHORS);
		const deepDives = checkDeepDives(src.tree, file, out.anchors);
		out.anchors.push(...deepDives.anchors);
		out.problems.push(...deepDives.problems);
		visit(src.tree, (node) => {
			if (node.type === 'link') {
				const url = (node as Link).url;
				if (unsafeScheme(url)) return; // reported by checkNoCode
				if (url.startsWith('/') || url.startsWith('#')) out.links.push({ file, line: node.position?.start.line, url });
				else if (!/^(https?:|mailto:)/.test(url)) out.problems.push(problem(file, `relative link "${url}" will break when the page moves`, { line: node.position?.start.line, fix: 'Link with a site path such as `/cases/tiktok-feed/#model` or `/pitfalls/#position-bias`.' }));
			}
			if (node.type === 'table') {
				const header = (node as Table).children[0];
				header?.children.forEach((cell, i) => {
					if (toString(cell).trim() === '') out.problems.push(problem(file, `table header cell ${i + 1} is empty; screen readers announce each column by its header`, { line: node.position?.start.line, fix: 'Name the column, e.g. "Metric" or "Stage".' }));
				});
			}
			if (node.type === 'code' && (node as Code).lang === 'mermaid') {
				out.diagrams.push({ source: (node as Code).value, line: (node.position?.start.line ?? 0) + 1 });
			}
		});
	}
	if (out.data && src.frontmatter) out.problems.push(...checkMinimums(out.data, out.diagrams, src.tree, ctx.framework, file, src.frontmatter.lineOf));
	return out;
}

type LineOf = (path: readonly PropertyKey[]) => number | undefined;

function checkReferences(data: CaseFrontmatter, file: string, lineOf: LineOf, ctx: CheckContext): Problem[] {
	const problems: Problem[] = [];
	if (!ctx.domainIds.includes(data.domain)) {
		problems.push(problem(file, `unknown domain "${data.domain}".${didYouMeanPhrase(data.domain, ctx.domainIds)}`, { field: 'domain', line: lineOf(['domain']), fix: `Use one of ${ctx.domainIds.join(', ')}, or add the domain to case-studies/domains.yaml.` }));
	}
	const seen = new Set<string>();
	data.pitfalls.forEach((p, i) => {
		if (!ctx.pitfallIds.includes(p.id)) {
			problems.push(problem(file, `unknown pitfall "${p.id}".${didYouMeanPhrase(p.id, ctx.pitfallIds)}`, { field: `pitfalls[${i}].id`, line: lineOf(['pitfalls', i, 'id']), fix: 'Use an id from case-studies/pitfalls.yaml, or add the pitfall to the catalog.' }));
		}
		if (seen.has(p.id)) problems.push(problem(file, `pitfall "${p.id}" is listed twice`, { field: `pitfalls[${i}].id`, line: lineOf(['pitfalls', i, 'id']), fix: 'Merge the two notes into one entry.' }));
		seen.add(p.id);
	});
	const sectionIds = ctx.framework.sections.map((s) => s.id);
	data.checklist.forEach((c, i) => {
		if (!sectionIds.includes(c.section)) {
			problems.push(problem(file, `unknown framework section "${c.section}" in checklist.${didYouMeanPhrase(c.section, sectionIds)}`, { field: `checklist[${i}].section`, line: lineOf(['checklist', i, 'section']), fix: `Use a section id from templates/framework.yaml: ${sectionIds.join(', ')}.` }));
		}
	});
	const stageIds = data.pipeline.map((s) => s.id);
	data.pipeline.forEach((s, i) => {
		if (stageIds.indexOf(s.id) !== i) problems.push(problem(file, `pipeline stage id "${s.id}" is used twice`, { field: `pipeline[${i}].id`, line: lineOf(['pipeline', i, 'id']), fix: 'Give every stage a unique id.' }));
		(s.feeds ?? []).forEach((f, j) => {
			if (!stageIds.includes(f)) problems.push(problem(file, `pipeline stage "${s.id}" feeds unknown stage "${f}".${didYouMeanPhrase(f, stageIds)}`, { field: `pipeline[${i}].feeds[${j}]`, line: lineOf(['pipeline', i, 'feeds', j]), fix: `Use one of the stage ids: ${stageIds.join(', ')}.` }));
		});
	});
	const online = data.pipeline.filter((s) => s.lane === 'online').reduce((sum, s) => sum + (s.latencyMs ?? 0), 0);
	if (online > data.scale.latencyBudgetMs) {
		problems.push(problem(file, `online stages spend ${online} ms, more than scale.latencyBudgetMs (${data.scale.latencyBudgetMs} ms)`, { field: 'pipeline', line: lineOf(['pipeline']), fix: 'Lower the stages’ latencyMs or raise the budget, and keep the estimates section consistent.' }));
	}
	const urls = new Map<string, number>();
	const currentYear = ctx.currentYear ?? new Date().getFullYear();
	data.references.forEach((r, i) => {
		if (urls.has(r.url)) problems.push(problem(file, `reference URL ${r.url} is listed twice (also references[${urls.get(r.url)}])`, { field: `references[${i}].url`, line: lineOf(['references', i, 'url']), fix: 'Remove the duplicate reference.' }));
		urls.set(r.url, i);
		const where = { field: `references[${i}].year`, line: lineOf(['references', i, 'year']) ?? lineOf(['references', i]) };
		const arxiv = arxivId(r.url);
		if (r.year > currentYear) {
			problems.push(problem(file, `year ${r.year} is in the future`, { ...where, fix: 'Give the year the cited version was published; for work not yet published, cite its preprint with the preprint’s year.' }));
		} else if (arxiv && namesOnlyArxiv(r.venue) && r.year !== arxiv.year) {
			problems.push(
				problem(file, `year ${r.year} does not match arXiv ${arxiv.id}, which was posted in ${arxiv.year}`, {
					...where,
					fix: `For an arXiv-only reference the year is the arXiv year: write \`year: ${arxiv.year}\`. If the paper was published at a conference or in a journal in ${r.year}, name it in \`venue\` instead (e.g. "KDD ${r.year}"), with a DOI URL where there is one.`,
				}),
			);
		}
	});
	return problems;
}

/**
 * The id and year of an arXiv abstract or PDF URL: `https://arxiv.org/abs/1906.00091v2` → 1906.00091, 2019;
 * old-style `https://arxiv.org/pdf/hep-th/9901001` → 1999. Undefined for any other URL.
 */
export function arxivId(url: string): { id: string; year: number } | undefined {
	const m = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/((\d{2})(\d{2})\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/(\d{2})(\d{2})\d{3})(?:v\d+)?(?:\.pdf)?\/?(?:[?#].*)?$/i.exec(url);
	if (!m) return undefined;
	const [, id, newYy, newMm, oldYy, oldMm] = m;
	const month = Number(newMm ?? oldMm);
	if (month < 1 || month > 12) return undefined;
	const yy = Number(newYy ?? oldYy);
	// New-style ids (YYMM.NNNNN) began in April 2007; old-style ids ran from 1991 to March 2007.
	const year = newYy !== undefined ? 2000 + yy : yy >= 91 ? 1900 + yy : 2000 + yy;
	return { id, year };
}

/** True when a reference's venue is absent or names arXiv alone ("arXiv", "arXiv preprint", "arXiv:1906.00091"), not a conference or journal. */
export function namesOnlyArxiv(venue: string | undefined): boolean {
	if (venue === undefined || venue.trim() === '') return true;
	if (!/\barxiv\b/i.test(venue)) return false;
	const rest = venue
		.replace(/\barxiv\b|\bpreprint\b|\be-print\b/gi, ' ')
		.replace(/\b\d{4}\.\d{4,5}(v\d+)?\b|\b[a-z-]+(\.[a-z]{2})?\/\d{7}\b/gi, ' ')
		.replace(/\b(cs|stat|math|eess|econ|q-bio|q-fin|physics)\.[a-z]{2}\b/gi, ' ')
		.replace(/\b(19|20)\d{2}\b/g, ' ');
	return !/[\p{L}\p{N}]/u.test(rest);
}

/** The body's `##` headings must be the framework's sections, each once, in order, none empty. */
export function checkSections(tree: Root, file: string, framework: Framework, bodyLine: number): Problem[] {
	const problems: Problem[] = [];
	const titles = framework.sections.map((s) => s.title);
	const found: { title: string; line?: number; index: number; empty: boolean }[] = [];
	const children = tree.children;
	children.forEach((node, i) => {
		if (node.type === 'heading' && node.depth === 1) {
			problems.push(problem(file, `unexpected top-level heading "# ${toString(node)}"; the page shows the frontmatter title as its only h1`, { line: node.position?.start.line, fix: 'Remove it, or make it a `###` subsection inside a framework section.' }));
		}
		if (node.type === 'heading' && node.depth === 2) {
			const title = toString(node).trim();
			let next = children.length;
			for (let j = i + 1; j < children.length; j++) {
				const n = children[j];
				if (n.type === 'heading' && n.depth <= 2) {
					next = j;
					break;
				}
			}
			const empty = !children.slice(i + 1, next).some(hasContent);
			found.push({ title, line: node.position?.start.line, index: titles.findIndex((t) => t.toLowerCase() === title.toLowerCase()), empty });
		}
	});
	const expectedList = titles.map((t) => `"${t}"`).join(', ');
	for (const f of found) {
		if (f.index === -1) {
			const hint = didYouMeanPhrase(f.title, titles);
			problems.push(problem(file, `unexpected section "## ${f.title}"; sections must be the framework's, in order.${hint}`, { line: f.line, fix: hint ? `Rename the heading to the framework title.` : `Make it a \`###\` subsection of a framework section (${expectedList}).` }));
		} else if (f.title !== titles[f.index]) {
			problems.push(problem(file, `section heading "## ${f.title}" should be written exactly "## ${titles[f.index]}"`, { line: f.line, fix: `Change the heading to "## ${titles[f.index]}".` }));
		}
	}
	const known = found.filter((f) => f.index !== -1);
	const seen = new Set<number>();
	for (const f of known) {
		if (seen.has(f.index)) problems.push(problem(file, `duplicate section "## ${titles[f.index]}"`, { line: f.line, fix: 'Merge the two sections into one.' }));
		seen.add(f.index);
	}
	let last = -1;
	for (const f of known) {
		if (f.index < last) {
			problems.push(problem(file, `section "## ${titles[f.index]}" is out of order: it must come before "## ${titles[last]}"`, { line: f.line, fix: `Move it so the sections follow the framework order: ${expectedList}.` }));
		} else last = f.index;
		if (f.empty) problems.push(problem(file, `section "## ${titles[f.index]}" is empty`, { line: f.line, fix: `Write the section: ${framework.sections[f.index].question}` }));
	}
	framework.sections.forEach((s, i) => {
		if (!seen.has(i)) {
			const before = known.find((f) => f.index > i);
			problems.push(problem(file, `missing section "## ${s.title}" (section ${i + 1} of ${titles.length})`, { line: before?.line ?? bodyLine, fix: `Add "## ${s.title}"${before ? ` before "## ${titles[before.index]}"` : ' at the end'}, answering: ${s.question}` }));
		}
	});
	return problems;
}

/** Comments (`{/* … *\/}`) and blank HTML do not count as content. */
function hasContent(node: RootContent): boolean {
	if (node.type === 'mdxFlowExpression') return false;
	if (node.type === 'html') return node.value.replace(/<!--[\s\S]*?-->/g, '').trim() !== '';
	return true;
}
