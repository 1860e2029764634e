/**
 * The one error type the diagram renderer throws for anything an author can fix:
 * invalid mermaid, an unsupported diagram type, or a construct the renderer cannot draw.
 */
export interface DiagramErrorOptions {
	/** 1-based line within the diagram source, when known. */
	line?: number;
	/** How to write it instead. */
	fix: string;
	/** The construct that cannot be drawn (e.g. `click`, `classDiagram`). */
	construct?: string;
}

export class DiagramError extends Error {
	/** 1-based line within the diagram source (not the MDX file), or undefined. */
	line: number | undefined;
	/** How to write it instead. */
	fix: string;
	/** The construct that cannot be drawn, when the error is a refusal. */
	construct: string | undefined;

	constructor(message: string, options: DiagramErrorOptions) {
		// One line: what is wrong.
		super(message.replace(/\s*\n\s*/g, ' ').trim());
		this.name = 'DiagramError';
		this.line = options.line;
		this.fix = options.fix;
		this.construct = options.construct;
	}

	/** `message. fix` — the text a build prints after the `file:line:` prefix. */
	get detail(): string {
		const msg = this.message.replace(/[.\s]+$/, '');
		return `${msg}. ${this.fix}`;
	}
}

export function isDiagramError(e: unknown): e is DiagramError {
	return e instanceof DiagramError;
}
