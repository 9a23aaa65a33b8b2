import build from 'virtual:plans/build';
import { codeOwnersOf } from '../history/codeowners.ts';
import type { PlanData } from '../schema.ts';
import { codeOwnersRulesOf } from '../site-registry.ts';

/**
 * Who owns a plan: the owner it states (frontmatter or its fields), else the owners the
 * repository's CODEOWNERS gives its file (`@acme/payments, @ana`).
 */
export async function planOwner(plan: PlanData): Promise<string | undefined> {
	if (plan.owner) return plan.owner;
	const path = [build.repositoryFolder, plan.file].filter(Boolean).join('/');
	const owners = codeOwnersOf(await codeOwnersRulesOf(build.root), path);
	return owners.length > 0 ? owners.join(', ') : undefined;
}
