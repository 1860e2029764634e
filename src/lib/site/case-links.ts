import type { CaseFrontmatter } from '../../schemas/case.ts';
import type { ChecklistCatalog, Pitfall } from '../../schemas/catalogs.ts';
import type { Framework } from '../../schemas/framework.ts';
import { slugify } from '../content/slug.ts';

/** The sections a case page generates after the body, with the ids their components use. */
export const GENERATED_SECTIONS = [
	{ slug: 'pitfalls', text: 'Pitfalls' },
	{ slug: 'design-checklist', text: 'Design checklist' },
	{ slug: 'follow-up-questions', text: 'Follow-up questions' },
	{ slug: 'references', text: 'References' },
] as const;

/** The case's pitfalls joined with the catalog, in the case's order. */
export function pitfallsOf(data: Pick<CaseFrontmatter, 'pitfalls'>, catalog: Pitfall[]): { pitfall: Pitfall; note: string }[] {
	return data.pitfalls.map((p) => {
		const pitfall = catalog.find((c) => c.id === p.id);
		if (!pitfall) throw new Error(`unknown pitfall "${p.id}" (the content check should have caught this)`);
		return { pitfall, note: p.note };
	});
}

/** Checklist items per framework section: the catalog's generic items, then the case's own. */
export function checklistGroups(data: Pick<CaseFrontmatter, 'checklist'>, framework: Framework, catalog: ChecklistCatalog) {
	return framework.sections
		.map((s) => {
			const own = data.checklist.filter((c) => c.section === s.id).map((c) => ({ id: `case-${slugify(c.item).slice(0, 48)}`, text: c.item }));
			return { sectionId: s.id, title: s.title, items: [...(catalog[s.id] ?? []), ...own] };
		})
		.filter((g) => g.items.length > 0);
}

/** For each pitfall id, the cases that reference it (the pitfall page's back links). */
export function casesByPitfall<T extends { id: string; data: Pick<CaseFrontmatter, 'pitfalls' | 'title'> }>(cases: T[]): Map<string, T[]> {
	const map = new Map<string, T[]>();
	for (const c of cases) for (const p of c.data.pitfalls) map.set(p.id, [...(map.get(p.id) ?? []), c]);
	return map;
}
