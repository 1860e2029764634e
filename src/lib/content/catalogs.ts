import { checklistCatalogSchema, domainCatalogSchema, pitfallCatalogSchema, type ChecklistCatalog, type Domain, type Pitfall } from '../../schemas/catalogs.ts';
import { loadDataFile } from './data-file.ts';
import { CHECKLISTS_FILE, DOMAINS_FILE, PITFALLS_FILE, projectRoot } from './project.ts';

/** The pitfall catalog, case-studies/pitfalls.yaml. */
export function loadPitfalls(root = projectRoot()): Pitfall[] {
	return loadDataFile(root, PITFALLS_FILE, pitfallCatalogSchema);
}

/** Generic checklist items per framework section, case-studies/checklists.yaml. */
export function loadChecklists(root = projectRoot()): ChecklistCatalog {
	return loadDataFile(root, CHECKLISTS_FILE, checklistCatalogSchema);
}

/** The domains cases are grouped by, case-studies/domains.yaml. */
export function loadDomains(root = projectRoot()): Domain[] {
	return loadDataFile(root, DOMAINS_FILE, domainCatalogSchema);
}
