/** Command-line options of `npm run pdf` (scripts/pdf.ts). */
import { parseArgs } from 'node:util';
import { PdfError } from './errors.ts';
import { PAPER_FORMATS, type PaperFormat } from './print-to-pdf.ts';

export const PDF_USAGE = `Usage: npm run pdf -- [options]

Writes dist/pdf/<case>.pdf, dist/pdf/worksheets/<case>.pdf and dist/pdf/mlsd-workbook.pdf,
and links them from the built case pages and the home page.

  --format a4|letter   paper size (default a4)
  --rebuild            build the site first even if dist/ is current
  --no-build           use dist/ as it is, never build
  --dist <dir>         the built site (default dist, or $MLSD_DIST)
  --out <dir>          where the PDFs go (default <dist>/pdf; pages are linked only then)
  -h, --help           this help

The site's base path is read from $BASE_PATH, as the build does.`;

export interface PdfArgs {
	dist: string;
	out: string;
	format: PaperFormat;
	base: string;
	build: 'auto' | 'always' | 'never';
}

export function parsePdfArgs(argv: string[], env: Record<string, string | undefined> = {}): PdfArgs | 'help' {
	let values;
	try {
		({ values } = parseArgs({
			args: argv,
			options: {
				format: { type: 'string', default: 'a4' },
				rebuild: { type: 'boolean', default: false },
				'no-build': { type: 'boolean', default: false },
				dist: { type: 'string' },
				out: { type: 'string' },
				help: { type: 'boolean', short: 'h', default: false },
			},
			strict: true,
			allowPositionals: false,
		}));
	} catch (e) {
		throw new PdfError(`${(e as Error).message}\n\n${PDF_USAGE}`);
	}
	if (values.help) return 'help';
	const format = values.format.toLowerCase();
	if (!(format in PAPER_FORMATS)) throw new PdfError(`Unknown paper format "${values.format}"; expected one of: ${Object.keys(PAPER_FORMATS).join(', ')} (for example \`--format letter\`).`);
	if (values.rebuild && values['no-build']) throw new PdfError('--rebuild and --no-build contradict each other; pass one of them.');
	const dist = values.dist ?? env.MLSD_DIST ?? 'dist';
	return {
		dist,
		out: values.out ?? `${dist.replace(/\/$/, '')}/pdf`,
		format: format as PaperFormat,
		base: env.BASE_PATH ?? '/',
		build: values.rebuild ? 'always' : values['no-build'] ? 'never' : 'auto',
	};
}
