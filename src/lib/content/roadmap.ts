import { roadmapSchema, type Roadmap, type RoadmapWeek } from '../../schemas/roadmap.ts';
import { loadDataFile } from './data-file.ts';
import { projectRoot } from './project.ts';

/** The study plan's data file, relative to the project root. */
export const ROADMAP_FILE = 'src/data/roadmap.yaml';

const cache = new Map<string, Roadmap>();

/** The 16-week roadmap from src/data/roadmap.yaml, validated once per root. */
export function loadRoadmap(root = projectRoot()): Roadmap {
	let roadmap = cache.get(root);
	if (!roadmap) {
		roadmap = loadDataFile(root, ROADMAP_FILE, roadmapSchema);
		cache.set(root, roadmap);
	}
	return roadmap;
}

/** Every week, in order, across phases. */
export function allWeeks(roadmap: Roadmap): RoadmapWeek[] {
	return roadmap.phases.flatMap((p) => p.weeks);
}

/** The tick ids the page uses and the browser stores: `week-5`, `week-5/sample-size`, `project/dockerfile`. */
export const tickId = {
	week: (week: number) => `week-${week}`,
	action: (week: number, action: string) => `week-${week}/${action}`,
	project: (action: string) => `project/${action}`,
};

/** The anchor of a week's heading on the roadmap page. */
export function weekAnchor(week: number): string {
	return `week-${week}`;
}

/** Every anchor on /roadmap/ (phases, weeks, the project), for the content checker's extraRoutes. */
export function roadmapAnchors(roadmap: Roadmap): string[] {
	return [...roadmap.phases.flatMap((p) => [`phase-${p.id}`, ...p.weeks.map((w) => weekAnchor(w.week))]), 'project'];
}
