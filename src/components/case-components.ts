import DeepDive from './DeepDive.astro';
import type { CaseComponentName } from '../lib/content/case-components.ts';

/** What case bodies render their components with: exactly the content check's allow-list (`satisfies` keeps the two in step). */
export const caseComponents = { DeepDive } satisfies Record<CaseComponentName, unknown>;
