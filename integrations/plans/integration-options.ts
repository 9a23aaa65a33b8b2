import type { AstroConfig, AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import type { PlansOptions } from './options.ts';

export const INTEGRATION_NAME = 'plans';

/** The integration object carries its validated options, so the loader reads the same ones. */
export type PlansIntegration = AstroIntegration & { options: PlansOptions };

/** The options given to `plans()` in astro.config, as seen from the content loader. */
export function findPlansOptions(config: AstroConfig): PlansOptions {
	const integration = config.integrations.find((candidate) => candidate.name === INTEGRATION_NAME) as
		| Partial<PlansIntegration>
		| undefined;
	if (!integration?.options) {
		throw new AstroError(
			'The plans collection uses plansLoader(), but the plans() integration is not in astro.config.',
			"Add it: import plans from './integrations/plans'; export default defineConfig({ integrations: [mdx(), plans()] }).",
		);
	}
	return integration.options;
}
