/**
 * Reading numbers typed into calculator fields: one rule per field, one
 * message per problem, worded for the person typing. Used by the calculator
 * scripts in the browser and by unit tests.
 */

export interface NumberRule {
	/** What the field holds, as the message names it: "daily active users". */
	name: string;
	/** Smallest accepted value. */
	min?: number;
	/** Whether `min` itself is rejected (probabilities exclude 0). */
	minExclusive?: boolean;
	/** Largest accepted value. */
	max?: number;
	/** Whether `max` itself is rejected (probabilities exclude 1). */
	maxExclusive?: boolean;
	/** Only whole numbers. */
	integer?: boolean;
	/** A valid value to quote in messages: "0.05". */
	example?: string;
}

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

/** Parses `raw` ("1,000,000", "2.5e6", " 0.05 ") against `rule`; never returns NaN or Infinity. */
export function parseNumberInput(raw: string, rule: NumberRule): ParsedNumber {
	const eg = rule.example ? `, e.g. ${rule.example}` : '';
	const text = raw.trim().replace(/[,_\s]/g, '');
	if (text === '') return { ok: false, message: `Enter ${rule.name}${eg}.` };
	// Number('') is 0 and Number('0x10') is 16; accept plain decimal notation only.
	if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return { ok: false, message: `"${raw.trim()}" is not a number; enter ${rule.name}${eg}.` };
	const value = Number(text);
	if (!Number.isFinite(value)) return { ok: false, message: `"${raw.trim()}" is too large; enter ${rule.name}${eg}.` };
	if (rule.integer && !Number.isInteger(value)) return { ok: false, message: `Enter a whole number for ${rule.name}${eg}.` };
	const { min, max } = rule;
	const belowMin = min !== undefined && (rule.minExclusive ? value <= min : value < min);
	const aboveMax = max !== undefined && (rule.maxExclusive ? value >= max : value > max);
	if (belowMin || aboveMax) return { ok: false, message: `${capitalize(rule.name)} must be ${describeRange(rule)}${eg}.` };
	return { ok: true, value };
}

/** The accepted range in words: "between 0 and 1 (exclusive)", "at least 1", "greater than 0". */
export function describeRange(rule: NumberRule): string {
	const { min, max, minExclusive, maxExclusive } = rule;
	if (min !== undefined && max !== undefined) {
		if (minExclusive && maxExclusive) return `strictly between ${min} and ${max}`;
		if (!minExclusive && !maxExclusive) return `between ${min} and ${max}`;
		return `${minExclusive ? 'greater than' : 'at least'} ${min} and ${maxExclusive ? 'less than' : 'at most'} ${max}`;
	}
	if (min !== undefined) return `${minExclusive ? 'greater than' : 'at least'} ${min}`;
	if (max !== undefined) return `${maxExclusive ? 'less than' : 'at most'} ${max}`;
	return 'a number';
}

function capitalize(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}
