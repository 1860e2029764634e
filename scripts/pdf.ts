/**
 * `npm run pdf`: PDFs of every case, a blank worksheet per case and the whole
 * workbook, into dist/pdf/, linked from the built pages. Builds the site first
 * when dist/ is missing or older than the sources. Logic in src/lib/pdf/.
 */
import { formatBytes } from '../src/lib/numbers/estimates.ts';
import { parsePdfArgs, PDF_USAGE } from '../src/lib/pdf/cli-args.ts';
import { PdfError } from '../src/lib/pdf/errors.ts';
import { generatePdfs } from '../src/lib/pdf/generate.ts';

try {
	const args = parsePdfArgs(process.argv.slice(2), process.env);
	if (args === 'help') {
		console.log(PDF_USAGE);
		process.exit(0);
	}
	const started = performance.now();
	const results = await generatePdfs({ root: process.cwd(), ...args });
	const total = results.reduce((n, r) => n + r.bytes, 0);
	console.log(`Wrote ${results.length} PDFs (${formatBytes(total)}, ${args.format === 'a4' ? 'A4' : 'US Letter'}) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
	if (!(error instanceof PdfError)) throw error;
	console.error(`\n${error.message}`);
	process.exit(1);
}
