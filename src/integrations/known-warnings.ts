import type { AstroIntegration } from 'astro';

/**
 * Silences one bundler warning that is about Astro, not about this project: every MDX page
 * (each case file among them) starts with Astro's own `"use astro:head-inject"` directive, and
 * rolldown warns for each that it "may not be preserved when bundling". Astro reads the
 * directive before bundling, so nothing is lost; any other warning is still printed.
 */
export function knownWarnings(): AstroIntegration {
	return {
		name: 'mlsd:known-warnings',
		hooks: {
			'astro:config:setup': ({ updateConfig }) => {
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'mlsd:astro-directive-warning',
								onLog: (_level, log) => !(log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use astro:head-inject"')),
							},
						],
					},
				});
			},
		},
	};
}
