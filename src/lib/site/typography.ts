/** Typographic quotes for text typed with straight ones: "x" → “x”, it's → it’s, 'x' → ‘x’. */
export function smartQuotes(text: string, options: { afterWord?: boolean } = {}): string {
	// Text that continues a word (after inline code, say) starts with a closing quote or apostrophe.
	if (options.afterWord) return smartQuotes('x' + text).slice(1);
	return (
		text
			// An opening quote follows the start, whitespace or an opening bracket or dash; any other is closing.
			.replace(/(^|[\s([{\u2014\u2013-])"/g, '$1\u201c')
			.replace(/"/g, '\u201d')
			.replace(/(^|[\s([{\u2014\u2013-])'/g, '$1\u2018')
			.replace(/'/g, '\u2019')
	);
}
