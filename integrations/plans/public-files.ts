import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import { DEFAULT_FAVICON, ICON_TYPES, type PlansOptions } from './options-schema.ts';
import { sitePath } from './urls.ts';

/**
 * The site's `public/` folder as the integration sees it: the favicon and logo it links to,
 * and the files it serves itself when the site has none of its own (`/favicon.svg`, `/robots.txt`).
 */

/** What the site's `public/` folder already has, so the integration does not serve its own. */
export interface PublicFiles {
	/** `public/favicon.svg` exists (or the `favicon` option names another file, which must exist). */
	ownFavicon: boolean;
	/** `public/robots.txt` exists. */
	ownRobots: boolean;
}

/** The header logo, ready to render: image URLs for each theme (the same one when there is only `src`). */
export interface SiteLogo {
	light: string;
	dark: string;
	alt: string;
	replacesTitle: boolean;
}

/** Favicon link and header logo of every page, with the site's `base` applied. */
export interface SiteBranding {
	favicon: { href: string; type: string };
	logo: SiteLogo | undefined;
}

/** Whether an image source is an address on the web rather than a file in `public/`. */
function isUrl(src: string): boolean {
	return /^https?:\/\//i.test(src);
}

/** A `public/` path as written in the options (`'/logo.svg'` or `'logo.svg'`), without the leading slash. */
function inPublic(path: string): string {
	return path.replace(/^\/+/, '');
}

/** The MIME type of an icon from its extension; the options schema only lets known ones through. */
function iconType(path: string): string {
	const extension = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
	return ICON_TYPES[extension] ?? 'image/x-icon';
}

/**
 * Checks the files the options name against `public/`: a logo image, or a favicon other than the
 * default, that is missing is a configuration error. A missing default `favicon.svg` is not: the
 * integration serves its own icon there, so a site without a `public/` folder still has one.
 */
export function inspectPublicFiles(options: PlansOptions, publicDir: URL): PublicFiles {
	const fileOf = (path: string) => fileURLToPath(new URL(inPublic(path), publicDir));
	const has = (path: string) => isUrl(path) || existsSync(fileOf(path));
	const missing = (option: string, path: string) => {
		const example = option === 'favicon' ? 'favicon.png' : 'logo.svg';
		return new AstroError(
			`\`${option}\` of the plans() integration is '${path}', but there is no ${fileOf(path)}.`,
			`Put the image in the public/ folder and give its path inside it, e.g. '/${example}' for public/${example}; an https:// URL works too.`,
		);
	};
	const { logo } = options;
	const logoImages = logo
		? ([
				['logo.src', logo.src],
				['logo.light', logo.light],
				['logo.dark', logo.dark],
			] as const)
		: [];
	for (const [option, src] of logoImages)
		if (src !== undefined && !has(src)) throw missing(option, src);
	const ownFavicon = has(options.favicon);
	if (!ownFavicon && inPublic(options.favicon) !== inPublic(DEFAULT_FAVICON))
		throw missing('favicon', options.favicon);
	return { ownFavicon, ownRobots: has('robots.txt') };
}

/** The favicon and logo as pages link them, under the site's `base`. */
export function siteBranding(options: PlansOptions, base: string): SiteBranding {
	// Files keep their name as it is: no trailing slash, whatever `trailingSlash` says for pages.
	const href = (src: string) =>
		isUrl(src) ? src : sitePath(inPublic(src), { base, trailingSlash: 'never' });
	const logo = options.logo;
	const light = logo?.src ?? logo?.light;
	const dark = logo?.src ?? logo?.dark;
	return {
		favicon: { href: href(options.favicon), type: iconType(options.favicon) },
		logo:
			logo && light && dark
				? { light: href(light), dark: href(dark), alt: logo.alt, replacesTitle: logo.replacesTitle }
				: undefined,
	};
}

/** `robots.txt`: every crawler is welcome, and with the site's address known, pointed at the sitemap. */
export function robotsTxt(site: URL | undefined, base: string): string {
	const lines = ['User-agent: *', 'Allow: /'];
	if (site)
		lines.push(
			`Sitemap: ${new URL(sitePath('sitemap-index.xml', { base, trailingSlash: 'never' }), site).href}`,
		);
	return `${lines.join('\n')}\n`;
}
