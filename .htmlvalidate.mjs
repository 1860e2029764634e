/**
 * html-validate settings for the built site (tests/build/html.test.ts checks every
 * page in dist/). The strict recommended preset; each change below is for markup
 * that Astro, Starlight or Expressive Code (Starlight's code blocks) write, not us.
 * (A .mjs file rather than .htmlvalidate.json so each exception can say why.)
 */
import { defineConfig } from 'html-validate';

export default defineConfig({
	root: true,
	extends: ['html-validate:recommended'],
	elements: [
		'html5',
		{
			// Expressive Code renders each code line as <div class="ec-line"> inside <code>,
			// and its copy button holds a <div> for the feedback animation.
			code: { permittedContent: ['@phrasing', 'div'] },
			button: { permittedContent: ['@phrasing', 'div'] },
		},
	],
	rules: {
		// Astro writes Starlight's <head> with self-closed <meta/> and <link/> and other tags
		// without the slash; both forms are valid HTML.
		'void-style': 'off',
		// Starlight's search, menu and theme buttons and Expressive Code's copy button have no
		// type attribute (all of ours have one).
		'no-implicit-button-type': 'off',
		// Expressive Code's copy button is named by its title attribute, not by text.
		'text-content': 'off',
		// Starlight renders the table of contents twice (sidebar and mobile), both labelled
		// "On this page", one hidden by CSS; axe (tests/e2e/axe.test.ts) checks what is shown.
		'unique-landmark': 'off',
		// Starlight's skip target is id="_top" and heading slugs may start with a digit:
		// valid HTML5 ids (no whitespace), which is what relaxed mode checks.
		'valid-id': ['error', { relaxed: true }],
		// Starlight appends " | MLSD Workbook" (16 characters) to every page title.
		'long-title': ['error', { maxlength: 70 + 16 }],
		'no-inline-style': [
			'error',
			{
				allowedProperties: [
					'display',
					// Starlight's search <dialog style="padding:0">.
					'padding',
					// Build-time diagrams: each SVG is sized to its own layout, which no stylesheet can know.
					'overflow-x',
					'max-width',
					'min-width',
					'height',
					// The framework page's time bar: each segment's width is its section's minutes.
					'flex',
				],
			},
		],
		// Checkbox groups (search filters) share a name by design.
		'form-dup-name': ['error', { shared: ['radio', 'button', 'reset', 'submit', 'checkbox'] }],
	},
});
