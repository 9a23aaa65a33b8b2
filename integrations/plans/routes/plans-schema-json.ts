import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { PlansExportSchema } from '../plans-json-schema.ts';

/** JSON Schema of `/plans.json`, generated from the same zod schema that shapes it. */
export const GET: APIRoute = () =>
	new Response(
		`${JSON.stringify(z.toJSONSchema(PlansExportSchema, { io: 'output' }), null, 2)}\n`,
		{
			headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
		},
	);
