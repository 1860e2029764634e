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
	/** How to fix it, for located content-check messages. */
	static readonly FIX = 'Fix the TeX (temml supports the KaTeX/LaTeX math subset).';
	/** The formula as written. */
	readonly tex: string;
	/** The TeX error alone, e.g. "Expected '}', got 'EOF' at end of input". */
	readonly reason: string;
	constructor(tex: string, reason: string) {
		super(`Cannot render the formula "${tex}": ${reason}. ${MathError.FIX}`);
		this.name = 'MathError';
		this.tex = tex;
		this.reason = reason;
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
		throw new MathError(source, error instanceof Error ? firstLine(error.message.replace(/^\s*Temml parse error:\s*/i, '')) : String(error));
	}
}

/** temml appends the formula with the bad part underlined on a second line; the message quotes the formula already. */
function firstLine(message: string): string {
	return message.trim().split('\n')[0]!.trim().replace(/:$/, '');
}
