/**
 * The key-point self-check: per section, which of the case's key points the
 * learner says their answer covered. Stored as indices into the section's list;
 * indices the case no longer has (its key points were edited) are ignored.
 */

export interface Coverage {
	covered: number;
	total: number;
}

/** Covered / total for one section; an index is counted once, and only if the section has it. */
export function sectionCoverage(total: number, ticked: readonly number[] | undefined): Coverage {
	const valid = new Set((ticked ?? []).filter((i) => Number.isInteger(i) && i >= 0 && i < total));
	return { covered: valid.size, total };
}

/** Every section's coverage, in the order given, and the sum over all of them. */
export function attemptCoverage(keyPoints: Readonly<Record<string, readonly string[]>>, sectionIds: readonly string[], covered: Readonly<Record<string, readonly number[]>>): { sections: Map<string, Coverage>; overall: Coverage } {
	const sections = new Map<string, Coverage>();
	const overall = { covered: 0, total: 0 };
	for (const id of sectionIds) {
		const total = Object.hasOwn(keyPoints, id) ? keyPoints[id].length : 0;
		const c = sectionCoverage(total, Object.hasOwn(covered, id) ? covered[id] : undefined);
		sections.set(id, c);
		overall.covered += c.covered;
		overall.total += c.total;
	}
	return { sections, overall };
}

/** The indices ticked after toggling `index`, sorted, without duplicates. */
export function toggleCovered(ticked: readonly number[] | undefined, index: number, on: boolean): number[] {
	const set = new Set(ticked ?? []);
	if (on) set.add(index);
	else set.delete(index);
	return [...set].sort((a, b) => a - b);
}

/** "3 of 5 key points covered" */
export function describeCoverage(c: Coverage): string {
	return `${c.covered} of ${c.total} key point${c.total === 1 ? '' : 's'} covered`;
}
