import { frameworkSchema, type Framework, type FrameworkSection } from '../../schemas/framework.ts';
import { loadDataFile } from './data-file.ts';
import { FRAMEWORK_FILE, projectRoot } from './project.ts';
import { slugify } from './slug.ts';

const cache = new Map<string, Framework>();

/** The framework from templates/framework.yaml, validated once per root. */
export function loadFramework(root = projectRoot()): Framework {
	let fw = cache.get(root);
	if (!fw) {
		fw = loadDataFile(root, FRAMEWORK_FILE, frameworkSchema);
		cache.set(root, fw);
	}
	return fw;
}

/** The anchor a section's heading gets on a page (the slug of its title). */
export function sectionAnchor(section: Pick<FrameworkSection, 'title'>): string {
	return slugify(section.title);
}

/**
 * Section budgets scaled to another interview length, in whole minutes that
 * still add up to the total (largest-remainder rounding).
 */
export function scaledBudgets(fw: Framework, totalMinutes: number): number[] {
	const exact = fw.sections.map((s) => (s.minutes * totalMinutes) / fw.interviewMinutes);
	const floors = exact.map(Math.floor);
	let left = totalMinutes - floors.reduce((a, b) => a + b, 0);
	const order = exact.map((v, i) => [v - Math.floor(v), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
	for (const [, i] of order) {
		if (left <= 0) break;
		floors[i]++;
		left--;
	}
	return floors;
}
