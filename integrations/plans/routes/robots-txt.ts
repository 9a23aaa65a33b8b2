import type { APIRoute } from 'astro';
import config from 'virtual:plans/config';
import { robotsTxt } from '../public-files.ts';

/** `/robots.txt`, served only while the site's `public/` folder has none of its own. */
export const GET: APIRoute = ({ site }) =>
	new Response(robotsTxt(site, config.base), {
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	});
