/**
 * The page titles built from a case title, in one place: the schema's CASE_TITLE_MAX is set
 * so that the longest of them still fits html-validate's long-title rule.
 */
export const casePageTitles = {
	/** The case page. */
	case: (title: string) => title,
	/** The timed worksheet, /practice/<slug>/. */
	practice: (title: string) => `Practice: ${title}`,
	/** The blank printable worksheet, /practice/<slug>/blank/. */
	worksheet: (title: string) => `Worksheet: ${title}`,
	/** The print layout PDFs are made from, /print/case/<slug>/. */
	print: (title: string) => `Print: ${title}`,
};
