/**
 * The project components a case body may use, and the attributes each accepts (plain strings only).
 * This is the one allow-list: the content check refuses every other element, and
 * src/components/case-components.ts must provide exactly these names to `<Content components>`.
 */
export const CASE_COMPONENTS = {
	/** A collapsible deep dive inside a section: `<DeepDive title="Why two towers">…</DeepDive>`. */
	DeepDive: { attributes: ['title'] },
} as const satisfies Record<string, { attributes: readonly string[] }>;

export type CaseComponentName = keyof typeof CASE_COMPONENTS;

export const CASE_COMPONENT_NAMES = Object.keys(CASE_COMPONENTS) as CaseComponentName[];

export function isCaseComponent(name: string | null): name is CaseComponentName {
	return name !== null && Object.hasOwn(CASE_COMPONENTS, name);
}
