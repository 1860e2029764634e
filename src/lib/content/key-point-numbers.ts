/**
 * Key points must agree with the body: every number a key point states has to
 * appear in the case body or in the "at a glance" box. Numbers are compared by
 * value as the page prints them, so "1,000", "1000" and "1k" agree, as do "1B"
 * and "1,000,000,000"; a rounded figure ("116k") agrees with the exact one it
 * rounds ("115,741").
 */

export interface StatedNumber {
	/** As written, e.g. "1.2B". */
	text: string;
	value: number;
	/** Digits after the decimal point as written (before the suffix), for rounding comparisons. */
	decimals: number;
	/** The magnitude of a suffix (1e3 for k, 1e6 for M, 1e9 for B), or 1. */
	scale: number;
}

const SUFFIX: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, B: 1e9, T: 1e12, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, twenty: 20, thirty: 30, hundred: 100, thousand: 1000, million: 1e6, billion: 1e9 };

// A number: digits with optional thousands separators and decimals, then an optional magnitude suffix as a word or a letter ending the token.
const NUMBER = /(?<![\p{L}\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s?(thousand|million|billion|trillion)\b|([kKMBT])(?![\p{L}]))?/gu;

/** Every number in a text, with thousands separators and magnitude suffixes resolved. */
export function numbersIn(text: string): StatedNumber[] {
	const out: StatedNumber[] = [];
	for (const m of text.matchAll(NUMBER)) {
		const [whole, int, frac = '', word, letter] = m;
		const scale = SUFFIX[word ?? letter ?? ''] ?? 1;
		out.push({ text: whole, value: Number(`${int.replace(/,/g, '')}.${frac || '0'}`) * scale, decimals: frac.length, scale });
	}
	return out;
}

/** Numbers spelled as words ("three stages", "ten million"), which the body may use where a key point writes digits. */
export function wordNumbersIn(text: string): number[] {
	const out: number[] = [];
	for (const m of text.toLowerCase().matchAll(/\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred)(?:\s+(thousand|million|billion))?\b/g)) {
		out.push(WORDS[m[1]] * (m[2] ? WORDS[m[2]] : 1));
	}
	return out;
}

/** Whether `stated` names a value the source states, exactly or as its rounding at the precision written. */
export function agrees(stated: StatedNumber, source: readonly number[]): boolean {
	const unit = stated.scale / 10 ** stated.decimals;
	return source.some((v) => v === stated.value || (stated.scale > 1 && Math.abs(v - stated.value) <= unit / 2 + 1e-9 * Math.abs(v)));
}

/** The numbers of `claim` that appear nowhere in `sources`. */
export function unsupportedNumbers(claim: string, sources: readonly string[]): string[] {
	const known = sources.flatMap((s) => [...numbersIn(s).map((n) => n.value), ...wordNumbersIn(s)]);
	return numbersIn(claim)
		.filter((n) => !agrees(n, known))
		.map((n) => n.text);
}
