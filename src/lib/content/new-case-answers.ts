import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CASE_TITLE_MAX, DIFFICULTIES } from '../../schemas/case.ts';
import { CASES_DIR } from './project.ts';
import { slugify } from './slug.ts';
import { didYouMeanPhrase } from './suggest.ts';

/** Longest slug the scaffolder proposes: the slug is the page address, so it stays short. */
export const SLUG_MAX = 40;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Each answer's check: undefined when it is fine, else what is wrong and what to write. */
export function titleProblem(title: string): string | undefined {
	const t = title.trim();
	if (t.length < 3) return 'title: expected at least 3 characters, e.g. "Spotify-style playlist continuation".';
	if (t.length > CASE_TITLE_MAX) return `title: ${t.length} characters; at most ${CASE_TITLE_MAX} fit in the page titles built from it. Shorten it.`;
	if (/[<>{}]/.test(t)) return 'title: must be plain text; remove <, >, { and }.';
	return undefined;
}

export function domainProblem(domain: string, domains: string[]): string | undefined {
	if (domains.includes(domain)) return undefined;
	return `domain: unknown domain "${domain}".${didYouMeanPhrase(domain, domains)} Use one of ${domains.join(', ')}, or add one to case-studies/domains.yaml.`;
}

export function difficultyProblem(difficulty: string): string | undefined {
	return (DIFFICULTIES as readonly string[]).includes(difficulty) ? undefined : `difficulty: "${difficulty}" is not one of ${DIFFICULTIES.join(', ')}.`;
}

export function slugProblem(slug: string, root: string): string | undefined {
	if (!SLUG.test(slug)) return `slug: "${slug}" is not URL-safe; use lowercase letters, digits and single hyphens, e.g. "playlist-continuation".`;
	if (slug.length > SLUG_MAX) return `slug: "${slug}" is ${slug.length} characters; keep the page address to ${SLUG_MAX} or fewer, e.g. "${defaultSlug(slug)}".`;
	if (['index', 'new'].includes(slug)) return `slug: "${slug}" is reserved; choose another.`;
	if (existsSync(join(root, CASES_DIR, `${slug}.mdx`)) || existsSync(join(root, CASES_DIR, `${slug}.md`))) return `slug: ${CASES_DIR}/${slug}.mdx already exists; it will not be overwritten. Choose another slug with --slug.`;
	return undefined;
}

/** The slug proposed for a title: its words, lowercased and hyphenated, cut at a word to SLUG_MAX. */
export function defaultSlug(title: string): string {
	const words = slugify(title).split('-').filter(Boolean);
	let slug = '';
	for (const word of words) {
		const next = slug ? `${slug}-${word}` : word;
		if (next.length > SLUG_MAX) break;
		slug = next;
	}
	return slug || words.join('-').slice(0, SLUG_MAX);
}

/** Asks one question until the answer passes its check; an empty answer takes the default. */
export async function askUntilValid(ask: (question: string) => Promise<string>, say: (line: string) => void, question: string, problemOf: (answer: string) => string | undefined, fallback?: string): Promise<string> {
	for (;;) {
		const answer = (await ask(fallback ? `${question} [${fallback}]: ` : `${question}: `)).trim() || fallback || '';
		const problem = problemOf(answer);
		if (!problem) return answer;
		say(`  ${problem}`);
	}
}

export interface Answers {
	title: string;
	domain: string;
	difficulty: string;
	slug: string;
}

/** A terminal: ask a question and read the answer, and print a line. */
export interface Prompter {
	ask(question: string): Promise<string>;
	say(line: string): void;
}

/**
 * The interactive scaffolder: asks for each answer not given as a flag (or given but invalid),
 * again until it is valid, and for the slug with a default made from the title.
 */
export async function askNewCase(io: Prompter, given: Partial<Answers>, domains: string[], root: string): Promise<Answers> {
	const field = async (value: string | undefined, question: string, problemOf: (a: string) => string | undefined, fallback?: string) => {
		if (value !== undefined) {
			const problem = problemOf(value);
			if (!problem) return value;
			io.say(`  ${problem}`);
		}
		return askUntilValid(io.ask, io.say, question, problemOf, fallback);
	};
	const title = (await field(given.title, 'Title (e.g. "Spotify-style playlist continuation")', titleProblem)).trim();
	const domain = await field(given.domain, `Domain (${domains.join(', ')})`, (d) => domainProblem(d, domains));
	const difficulty = await field(given.difficulty, `Difficulty (${DIFFICULTIES.join(', ')})`, difficultyProblem);
	const slug = await field(given.slug, `Slug: the page address /cases/<slug>/, at most ${SLUG_MAX} characters`, (s) => slugProblem(s, root), defaultSlug(title));
	return { title, domain, difficulty, slug };
}
