import { existsSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join, basename, extname } from 'node:path';
import { frameworkSchema } from '../../schemas/framework.ts';
import { checklistCatalogSchema, domainCatalogSchema, pitfallCatalogSchema } from '../../schemas/catalogs.ts';
import type { CaseFrontmatter } from '../../schemas/case.ts';
import { readDataFile } from './data-file.ts';
import { readCaseSource } from './case-source.ts';
import { checkCase, type CaseCheck, type CheckContext, type InternalLink } from './check-case.ts';
import { didYouMeanPhrase } from './suggest.ts';
import { isError, problem, type Problem } from './problems.ts';
import { diagramLinks } from '../diagrams/links.ts';
import { CASES_DIR, CHECKLISTS_FILE, DOMAINS_FILE, FRAMEWORK_FILE, PITFALLS_FILE, displayPath, projectRoot } from './project.ts';
import { sectionAnchor } from './framework.ts';
import { parseYamlSource } from './yaml-source.ts';
import { checkPlainText } from './check-plain-text.ts';
import { docsRoutes } from './docs-routes.ts';
import { ROADMAP_FILE, roadmapAnchors } from './roadmap.ts';
import { roadmapSchema } from '../../schemas/roadmap.ts';
import { checkPrompts } from './check-prompts.ts';

/** Checks one mermaid source; resolves to null when it renders, or to what is wrong (a warning when it renders but too wide). */
export type DiagramChecker = (source: string) => Promise<{ message: string; line?: number; fix?: string; severity?: 'warning' } | null>;

export interface CheckedCase {
	slug: string;
	file: string;
	data: CaseFrontmatter;
}

export interface ContentReport {
	cases: CheckedCase[];
	/** Errors: they fail `npm run check` and the build. */
	problems: Problem[];
	/** Reported, failing nothing: a draft below the case standard's minimums. */
	warnings: Problem[];
	filesChecked: number;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Site paths that exist besides case pages; kept beside the routes in src/pages. */
export const STATIC_ROUTES = ['/', '/cases/', '/pitfalls/', '/framework/', '/practice/', '/search/', '/crib-sheets/'];

/**
 * Every check that `npm run check` and the build run on the content, all at once:
 * catalogs, every case (frontmatter, sections, references, diagrams), duplicate
 * slugs and internal links across files.
 */
export async function checkContent(options: { root?: string; checkDiagram?: DiagramChecker; extraRoutes?: Map<string, string[]>; cache?: Map<string, CaseFileCheck> } = {}): Promise<ContentReport> {
	const root = options.root ?? projectRoot();
	const problems: Problem[] = [];
	const fw = readDataFile(root, FRAMEWORK_FILE, frameworkSchema);
	const pitfalls = readDataFile(root, PITFALLS_FILE, pitfallCatalogSchema);
	const checklists = readDataFile(root, CHECKLISTS_FILE, checklistCatalogSchema);
	const domains = readDataFile(root, DOMAINS_FILE, domainCatalogSchema);
	problems.push(...fw.problems, ...pitfalls.problems, ...checklists.problems, ...domains.problems);
	if (!fw.data) return { cases: [], problems, warnings: [], filesChecked: 1 };
	const framework = fw.data;
	const sectionIds = framework.sections.map((s) => s.id);

	if (pitfalls.data) {
		const text = parseYamlSource(readText(root, PITFALLS_FILE), PITFALLS_FILE);
		problems.push(...checkPlainText(pitfalls.data, PITFALLS_FILE, text.lineOf, 'catalog text'));
		pitfalls.data.forEach((p, i) => {
			if (!sectionIds.includes(p.stage)) problems.push(problem(PITFALLS_FILE, `unknown framework section "${p.stage}" for pitfall "${p.id}".${didYouMeanPhrase(p.stage, sectionIds)}`, { field: `[${i}].stage`, line: text.lineOf([i, 'stage']), fix: `Use one of ${sectionIds.join(', ')}.` }));
			if (pitfalls.data!.findIndex((q) => q.id === p.id) !== i) problems.push(problem(PITFALLS_FILE, `pitfall id "${p.id}" is used twice`, { field: `[${i}].id`, line: text.lineOf([i, 'id']), fix: 'Give each pitfall a unique id.' }));
		});
	}
	if (checklists.data) {
		const text = parseYamlSource(readText(root, CHECKLISTS_FILE), CHECKLISTS_FILE);
		problems.push(...checkPlainText(checklists.data, CHECKLISTS_FILE, text.lineOf, 'catalog text'));
		for (const [section, items] of Object.entries(checklists.data)) {
			if (!sectionIds.includes(section)) problems.push(problem(CHECKLISTS_FILE, `unknown framework section "${section}".${didYouMeanPhrase(section, sectionIds)}`, { line: text.lineOf([section]), fix: `Use one of ${sectionIds.join(', ')}.` }));
			items.forEach((item, i) => {
				if (items.findIndex((x) => x.id === item.id) !== i) problems.push(problem(CHECKLISTS_FILE, `checklist item id "${item.id}" is used twice in "${section}"`, { line: text.lineOf([section, i, 'id']), fix: 'Give each item a unique id within its section.' }));
			});
		}
	}

	if (domains.data) problems.push(...checkPlainText(domains.data, DOMAINS_FILE, parseYamlSource(readText(root, DOMAINS_FILE), DOMAINS_FILE).lineOf, 'catalog text'));

	const ctx = { framework, pitfallIds: pitfalls.data?.map((p) => p.id) ?? [], domainIds: domains.data?.map((d) => d.id) ?? [] };
	const files = listCaseFiles(join(root, CASES_DIR));
	const bySlug = new Map<string, string>();
	const anchors = new Map<string, string[]>();
	const links: InternalLink[] = [];
	const cases: CheckedCase[] = [];
	for (const abs of files) {
		const file = displayPath(root, abs);
		const slug = basename(abs, extname(abs));
		if (!SLUG.test(slug)) {
			problems.push(problem(file, `file name "${basename(abs)}" is not a URL-safe slug`, { fix: `Rename it to lowercase words joined by hyphens, e.g. "${slug.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}${extname(abs)}".` }));
			continue;
		}
		if (bySlug.has(slug)) {
			problems.push(problem(file, `duplicate slug "${slug}": ${bySlug.get(slug)} already uses it, and both would be /cases/${slug}/`, { fix: 'Rename one of the files; the file name is the page address.' }));
			continue;
		}
		bySlug.set(slug, file);
		const result = options.cache?.get(abs) ?? checkCaseFile(abs, file, slug, ctx);
		options.cache?.set(abs, result);
		const { checked } = result;
		problems.push(...result.sourceProblems, ...checked.problems);
		anchors.set(`/cases/${slug}/`, checked.anchors);
		links.push(...checked.links.map((l) => ({ ...l, from: `/cases/${slug}/`, url: l.url.startsWith('#') ? `/cases/${slug}/${l.url}` : l.url })));
		// `click` links in diagrams point at site pages: checked like any other link.
		for (const d of checked.diagrams) links.push(...diagramLinks(d.source).map((l) => ({ file, line: d.line + l.line - 1, url: l.url, from: `/cases/${slug}/` })));
		if (options.checkDiagram) problems.push(...(await checkDiagrams(file, checked.diagrams, options.checkDiagram)));
		if (checked.data) cases.push({ slug, file, data: checked.data });
	}

	anchors.set('/pitfalls/', pitfalls.data?.map((p) => p.id) ?? []);
	anchors.set('/framework/', [...framework.sections.map(sectionAnchor), 'time-budget', 'rubric']);
	const sectionAnchors = framework.sections.map(sectionAnchor);
	for (const slug of bySlug.keys()) {
		anchors.set(`/cases/${slug}/crib/`, []);
		anchors.set(`/practice/${slug}/`, sectionAnchors);
		anchors.set(`/practice/${slug}/blank/`, sectionAnchors);
	}
	const docs = docsRoutes(root);
	for (const [route, ids] of docs) anchors.set(route, ids);
	const prompts = checkPrompts(root, { caseSlugs: [...bySlug.keys()], domainIds: ctx.domainIds, docs });
	problems.push(...prompts.problems);
	anchors.set('/prompts/', [...ctx.domainIds, ...prompts.prompts.map((p) => p.id)]);
	// The roadmap is site data, not case content: a content root without it (a test fixture) simply has no roadmap anchors.
	const roadmap = existsSync(join(root, ROADMAP_FILE)) ? readDataFile(root, ROADMAP_FILE, roadmapSchema) : { problems: [], data: undefined };
	problems.push(...roadmap.problems);
	anchors.set('/roadmap/', roadmap.data ? roadmapAnchors(roadmap.data) : []);
	for (const route of STATIC_ROUTES) if (!anchors.has(route)) anchors.set(route, []);
	for (const [route, ids] of options.extraRoutes ?? []) anchors.set(route, ids);
	problems.push(...checkLinks(links, anchors));
	// Only cases with no errors are handed on to pages and the sidebar; a draft with warnings builds.
	const errors = problems.filter(isError);
	const broken = new Set(errors.map((p) => p.file));
	return { cases: cases.filter((c) => !broken.has(c.file)), problems: errors, warnings: problems.filter((p) => !isError(p)), filesChecked: files.length + 4 + (prompts.checked ? 1 : 0) };
}

/** One case file read and checked on its own (no diagrams, no links to other pages yet). */
export interface CaseFileCheck {
	/** Size, encoding, frontmatter and MDX syntax. */
	sourceProblems: Problem[];
	checked: CaseCheck;
}

/**
 * Reads and checks one case file. `checkContent` takes a cache of these, so tests can check
 * case by case and then the links across files without parsing any case twice.
 */
export function checkCaseFile(abs: string, file: string, slug: string, ctx: CheckContext): CaseFileCheck {
	const source = readCaseSource(abs, file, slug);
	return { sourceProblems: source.problems, checked: checkCase(source, ctx) };
}

/** Renders each of a case's diagrams, as `checkContent` reports them. */
export async function checkDiagrams(file: string, diagrams: { source: string; line: number }[], checkDiagram: DiagramChecker): Promise<Problem[]> {
	const problems: Problem[] = [];
	for (const d of diagrams) {
		const error = await checkDiagram(d.source);
		if (error) problems.push(problem(file, `diagram: ${error.message}`, { line: d.line + (error.line ?? 1) - 1, fix: error.fix, ...(error.severity === 'warning' ? { severity: 'warning' as const } : {}) }));
	}
	return problems;
}

function checkLinks(links: InternalLink[], anchors: Map<string, string[]>): Problem[] {
	const routes = [...anchors.keys()];
	const problems: Problem[] = [];
	for (const link of links) {
		const [rawPath, hash] = link.url.split('#');
		const path = rawPath.endsWith('/') ? rawPath : `${rawPath}/`;
		const ids = anchors.get(path);
		if (!ids) {
			const otherCases = routes.filter((r) => /^\/cases\/[^/]+\/$/.test(r) && r !== link.from);
			const examples = (otherCases.length ? otherCases : ['/cases/', '/pitfalls/', '/framework/']).slice(0, 3);
			problems.push(problem(link.file, `link to ${link.url}: no page at ${path}.${didYouMeanPhrase(path, routes)}`, { line: link.line, fix: `Link to an existing page, e.g. ${examples.join(', ')}.` }));
		} else if (hash && !ids.includes(hash)) {
			const fix = ids.length ? `Use one of its anchors: ${ids.slice(0, 12).join(', ')}${ids.length > 12 ? ', …' : ''}.` : `Link to ${path} without "#${hash}"; that page has no anchors.`;
			problems.push(problem(link.file, `link to ${link.url}: ${path} has no anchor "#${hash}".${didYouMeanPhrase(hash, ids)}`, { line: link.line, fix }));
		}
	}
	return problems;
}

function listCaseFiles(dir: string): string[] {
	let entries: Dirent[];
	try {
		entries = readdirSync(dir, { withFileTypes: true, recursive: true });
	} catch {
		return [];
	}
	return entries
		.filter((e) => e.isFile() && /\.mdx?$/.test(e.name))
		.map((e) => join(e.parentPath, e.name))
		.sort();
}

function readText(root: string, file: string): string {
	return readFileSync(join(root, file), 'utf8');
}
