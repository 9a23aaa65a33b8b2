/** Options of the site that shape URLs (Astro's `base` and `trailingSlash`). */
export interface UrlOptions {
	base: string;
	trailingSlash: 'always' | 'never' | 'ignore';
}

/** Joins Astro's `base` with a site path, honouring `trailingSlash`. `path` has no leading slash. */
export function sitePath(path: string, { base, trailingSlash }: UrlOptions): string {
	const root = base.endsWith('/') ? base : `${base}/`;
	const joined = `${root}${path}`.replace(/\/{2,}/g, '/');
	if (joined === '/' || path === '')
		return trailingSlash === 'never' && joined !== '/' ? joined.replace(/\/$/, '') : joined;
	const bare = joined.replace(/\/$/, '');
	return trailingSlash === 'never' ? bare : `${bare}/`;
}

/** URL path of a plan page: `/plans/payments/checkout-service/` (with `base` in front). */
export function planUrl(id: string, urls: UrlOptions): string {
	return sitePath(`plans/${id}`, urls);
}

/**
 * The plan id a request path names, if it is a plan page's path (`planUrl` backwards, whatever
 * the trailing slash): `/docs/plans/payments/checkout-service/` gives `payments/checkout-service`.
 */
export function planIdFromPagePath(pathname: string, base: string): string | undefined {
	const prefix = `${base.replace(/\/$/, '')}/plans/`;
	if (!pathname.startsWith(prefix)) return undefined;
	const id = pathname.slice(prefix.length).replace(/\/(index\.html)?$/, '');
	try {
		return id ? decodeURIComponent(id) : undefined;
	} catch {
		return undefined;
	}
}
