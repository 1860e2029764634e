import GithubSlugger from 'github-slugger';

/** The heading id Astro gives a heading with this text (github-slugger, as rehype-heading-ids does). */
export function slugify(text: string): string {
	return new GithubSlugger().slug(text);
}

export { GithubSlugger };
