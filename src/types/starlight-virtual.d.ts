/**
 * Starlight's virtual modules used by src/components/overrides/Search.astro (a copy of Starlight's
 * Search). Starlight declares them only inside its own source, so the override needs these lines.
 */
declare module 'virtual:starlight/project-context' {
	const project: { trailingSlash: 'always' | 'never' | 'ignore'; build: { format: 'file' | 'directory' | 'preserve' } };
	export default project;
}

declare module 'virtual:starlight/pagefind-config' {
	export const pagefindUserConfig: Record<string, unknown>;
}
