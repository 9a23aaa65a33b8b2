import type { APIRoute } from 'astro';

/**
 * The built-in icon, served as `/favicon.svg` only while the site's `public/` folder has none
 * (see `inspectPublicFiles`): a file rather than an inline data URI, so pages link to one URL
 * whichever icon is in use, and a site's own `public/favicon.svg` simply takes its place.
 */
const ICON =
	'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5cad"/><path d="M9 8h9a6 6 0 0 1 0 12h-5v5H9zm4 4v4h5a2 2 0 0 0 0-4z" fill="#fff"/></svg>\n';

export const GET: APIRoute = () =>
	new Response(ICON, { headers: { 'Content-Type': 'image/svg+xml' } });
