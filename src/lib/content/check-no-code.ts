import type { Nodes, Root } from 'mdast';
import type {} from 'remark-mdx';
import { visit } from 'unist-util-visit';
import { CASE_COMPONENTS, CASE_COMPONENT_NAMES, isCaseComponent } from './case-components.ts';
import { problem, type Problem } from './problems.ts';

/** URL schemes that run code or smuggle a document into a page; a case links only to pages and https sources. */
const UNSAFE_SCHEME = /^(javascript|vbscript|data):/i;

/** The scheme of `url` when it is one that runs code or embeds a document, else undefined (browsers ignore whitespace and control characters in it). */
export function unsafeScheme(url: string): string | undefined {
	const m = UNSAFE_SCHEME.exec(url.replace(/[\u0000-\u0020\u007f]+/g, ''));
	return m ? `${m[1].toLowerCase()}:` : undefined;
}

const allowedList = CASE_COMPONENT_NAMES.map((n) => `<${n}>`).join(', ');

/**
 * A case body is Markdown plus the project's own components: it arrives by pull request and must
 * not be able to run code. Refuses ESM import/export, JavaScript expressions (comments are fine),
 * raw HTML elements, attributes other than a component's plain-string ones, event handlers, and
 * javascript:/data: URLs.
 */
export function checkNoCode(tree: Root, file: string): Problem[] {
	const problems: Problem[] = [];
	const at = (node: { position?: { start: { line: number; column: number } } }) => ({ line: node.position?.start.line, column: node.position?.start.column });
	visit(tree, (node) => {
		switch (node.type) {
			case 'mdxjsEsm': {
				const kind = /^\s*export\b/.test(node.value) ? 'export' : 'import';
				problems.push(problem(file, `\`${firstLine(node.value)}\`: ${kind} statements are code, and a case file is content only`, { ...at(node), fix: `Remove the line. Case bodies are Markdown plus ${allowedList}, which need no import; put numbers in the text and in the case's numbers test.` }));
				break;
			}
			case 'mdxFlowExpression':
			case 'mdxTextExpression':
				if (!isComment(node)) problems.push(problem(file, `\`{${clip(node.value)}}\` is a JavaScript expression; a case file is content only`, { ...at(node), fix: 'Write the value as text. To show braces literally, write `\\{` and `\\}` or put them in `inline code`; comments `{/* … */}` are fine.' }));
				break;
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement':
				problems.push(...checkElement(node, file));
				break;
			case 'link':
			case 'image':
			case 'definition': {
				const scheme = unsafeScheme(node.url);
				if (!scheme) break;
				const what = node.type === 'image' ? 'image' : 'link';
				const why = scheme === 'data:' ? 'a data: URL embeds a whole document, which can carry code' : `a ${scheme} URL runs code when it is opened`;
				const fix = what === 'image' ? 'Draw it as a ```mermaid diagram, or describe it in text; case files carry no inline images.' : 'Link to a site path such as `/cases/tiktok-feed/#model`, or to an https source.';
				problems.push(problem(file, `${what} to \`${clip(node.url)}\`: ${why}`, { ...at(node), fix }));
				break;
			}
		}
	});
	return problems;
}

type JsxElement = Extract<Nodes, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;
type JsxAttribute = JsxElement['attributes'][number];

/** Why the elements most often pasted by mistake are refused, in the message. */
const DANGEROUS: Record<string, string> = {
	script: 'runs code in every reader\'s browser',
	style: 'restyles the whole site',
	link: 'loads a stylesheet or resource from elsewhere',
	iframe: 'embeds another page',
	object: 'embeds another document',
	embed: 'embeds another document',
	form: 'sends what a reader types elsewhere',
	meta: 'can redirect the page',
	base: 'changes where every link on the page goes',
};

function checkElement(node: JsxElement, file: string): Problem[] {
	const line = node.position?.start.line;
	const column = node.position?.start.column;
	const problems: Problem[] = [];
	const name = node.name;
	const allowed = isCaseComponent(name);
	if (!allowed) {
		const tag = name === null ? '<>' : `<${name}>`;
		const kind = name === null ? 'a JSX fragment' : /^[a-z]/.test(name) ? 'raw HTML' : 'not one of the project components';
		const why = name === null ? undefined : DANGEROUS[name.toLowerCase()];
		problems.push(problem(file, `${tag} is ${kind}${why ? ` (it ${why})` : ''}; a case body is Markdown plus ${allowedList}`, { line, column, fix: name === 'details' ? `Use <DeepDive title="…">…</DeepDive> for a collapsible part.` : `Write it in Markdown (tables, lists, **bold**, \`code\`, links), or use ${allowedList}.` }));
	}
	for (const attr of node.attributes) problems.push(...checkAttribute(attr, name, allowed, file, attr.position?.start.line ?? line, attr.position?.start.column));
	if (allowed) {
		for (const required of CASE_COMPONENTS[name].attributes) {
			if (!node.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === required)) problems.push(problem(file, `<${name}> needs a ${required}="…" attribute`, { line, fix: `Write <${name} ${required}="…">.` }));
		}
	}
	return problems;
}

function checkAttribute(attr: JsxAttribute, element: string | null, allowed: boolean, file: string, line: number | undefined, column: number | undefined): Problem[] {
	const tag = element === null ? '<>' : `<${element}>`;
	if (attr.type === 'mdxJsxExpressionAttribute') return [problem(file, `\`{${clip(attr.value)}}\` on ${tag} is a JavaScript expression; a case file is content only`, { line, column, fix: 'Remove it; write attributes as name="plain text".' })];
	const out: Problem[] = [];
	if (/^on/i.test(attr.name)) out.push(problem(file, `event handler ${attr.name}= on ${tag} runs code; a case file is content only`, { line, column, fix: `Remove the ${attr.name} attribute.` }));
	else if (allowed && !(CASE_COMPONENTS[element as keyof typeof CASE_COMPONENTS].attributes as readonly string[]).includes(attr.name)) {
		out.push(problem(file, `${tag} has no attribute "${attr.name}"; it accepts ${CASE_COMPONENTS[element as keyof typeof CASE_COMPONENTS].attributes.map((a) => `${a}="…"`).join(', ')}`, { line, column, fix: `Remove ${attr.name}=.` }));
	}
	if (attr.value === null && allowed) {
		out.push(problem(file, `${attr.name} on ${tag} has no value; write ${attr.name}="…"`, { line, column, fix: `Give it plain text: ${attr.name}="Why two towers".` }));
	} else if (attr.value !== null && typeof attr.value === 'object') {
		out.push(problem(file, `${attr.name}={${clip(attr.value.value)}} on ${tag} is a JavaScript expression; attribute values are plain text`, { line, column, fix: `Write ${attr.name}="plain text".` }));
	} else if (typeof attr.value === 'string') {
		const scheme = unsafeScheme(attr.value);
		if (scheme) out.push(problem(file, `${attr.name}="${clip(attr.value)}" on ${tag} is a ${scheme} URL, which runs code or embeds a document`, { line, column, fix: 'Link with Markdown to a site path or an https source.' }));
	}
	return out;
}

/** `{/* … *\/}` parses (remark-mdx keeps acorn's program) to no statements: a comment, which renders nothing. */
function isComment(node: { data?: { estree?: { body: unknown[] } | null } }): boolean {
	return node.data?.estree?.body.length === 0;
}

function firstLine(s: string): string {
	return clip(s.trim().split('\n')[0]);
}

function clip(s: string): string {
	const one = s.replace(/\s+/g, ' ').trim();
	return one.length > 50 ? `${one.slice(0, 47)}…` : one;
}
