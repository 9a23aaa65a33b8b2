import type { PlanData } from '../schema.ts';
import { planLookup } from './plan-lookup.ts';

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * The body's links to other plans, each with that plan's status: in its title, and (through
 * the style sheet) beside it when the plan is closed, so a reader sees a referenced plan was
 * rejected or superseded before following the link. Links the author gave a title keep it.
 */
export function withPlanStatuses(html: string, plans: readonly PlanData[]): string {
	const { byUrl } = planLookup(plans);
	if (byUrl.size === 0) return html;
	return html.replace(
		/<a href="([^"#]*)(#[^"]*)?"([^>]*)>/g,
		(tag, path: string, _anchor, rest: string) => {
			const plan = byUrl.get(path);
			if (!plan?.status || /\stitle="/.test(rest)) return tag;
			const stage = plan.stage ? ` data-plan-stage="${plan.stage}"` : '';
			return `${tag.slice(0, -1)} title="Status: ${escape(plan.status!)}" data-plan-status="${escape(plan.status!)}"${stage}>`;
		},
	);
}
