const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe for HTML and XML (the diagrams' SVG), in element content and in single- or
 * double-quoted attributes alike: one output for every place, so no caller has to pick. `&#39;`
 * rather than `&apos;`, which HTML 4 lacked. The one escaper of the project.
 */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
