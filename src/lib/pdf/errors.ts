/** A problem the person running `npm run pdf` can fix; the CLI prints its message without a stack trace. */
export class PdfError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'PdfError';
	}
}
