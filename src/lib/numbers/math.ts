/**
 * TeX to MathML at build time (temml), so formulas render natively in the
 * browser with no math script on the page.
 */
import temml from 'temml';

export interface MathOptions {
	/** Display (block) math instead of inline math. */
	display?: boolean;
}

/** Thrown when a formula is not valid TeX; the message quotes the formula. */
export class MathError extends Error {
	constructor(tex: string, reason: string) {
		super(`Cannot render the formula "${tex}": ${reason}. Fix the TeX (temml supports the KaTeX/LaTeX math subset).`);
		this.name = 'MathError';
	}
}

/** The formula as a MathML `<math>` element string; throws MathError on invalid TeX. */
export function renderMath(tex: string, options: MathOptions = {}): string {
	const source = tex.trim();
	if (!source) throw new MathError(tex, 'the formula is empty');
	try {
		// annotate keeps the TeX source inside <annotation> for copy-paste and assistive tools.
		return temml.renderToString(source, { displayMode: options.display ?? false, throwOnError: true, annotate: true });
	} catch (error) {
		throw new MathError(source, error instanceof Error ? error.message.replace(/^Temml parse error:\s*/i, '') : String(error));
	}
}
