import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseOptions, type PlansUserOptions } from '#plans/options-schema.ts';
import { inspectPublicFiles, robotsTxt, siteBranding } from '#plans/public-files.ts';

/** A public/ folder holding the given files. */
function publicDir(...files: string[]): URL {
	const dir = mkdtempSync(join(tmpdir(), 'plans-public-'));
	for (const file of files) {
		mkdirSync(join(dir, file, '..'), { recursive: true });
		writeFileSync(join(dir, file), 'x');
	}
	made.push(dir);
	return pathToFileURL(`${dir}/`);
}
const made: string[] = [];
afterAll(() => {
	for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const inspect = (options: PlansUserOptions, dir: URL) =>
	inspectPublicFiles(parseOptions(options), dir);

/** The AstroError thrown by `run`, with its hint. */
function errorOf(run: () => unknown): Error & { hint?: string } {
	try {
		run();
	} catch (error) {
		return error as Error & { hint?: string };
	}
	throw new Error('expected an error');
}

describe('files of the public/ folder', () => {
	it('leaves favicon.svg and robots.txt to the site when it has them', () => {
		expect(inspect({}, publicDir('favicon.svg', 'robots.txt'))).toEqual({
			ownFavicon: true,
			ownRobots: true,
		});
		// Without them, the integration serves its own: a site without public/ is fine.
		expect(inspect({}, publicDir())).toEqual({ ownFavicon: false, ownRobots: false });
		expect(inspect({}, new URL('./no-such-folder/', publicDir()))).toEqual({
			ownFavicon: false,
			ownRobots: false,
		});
	});

	it('accepts a logo and favicon that are in public/ (with or without the leading slash) or are URLs', () => {
		const dir = publicDir('brand/logo.svg', 'logo-dark.svg', 'icon.png');
		expect(inspect({ logo: { src: '/brand/logo.svg' }, favicon: 'icon.png' }, dir).ownFavicon).toBe(
			true,
		);
		expect(
			inspect({ logo: { light: 'brand/logo.svg', dark: '/logo-dark.svg' } }, dir).ownFavicon,
		).toBe(false);
		expect(
			inspect(
				{ logo: { src: 'https://cdn.example/logo.svg' }, favicon: 'https://cdn.example/icon.png' },
				dir,
			).ownFavicon,
		).toBe(true);
	});

	it('stops the build with a hint when the logo or a chosen favicon is not in public/', () => {
		const dir = publicDir('logo.svg');
		const logo = errorOf(() => inspect({ logo: { src: '/images/logo.svg' } }, dir));
		expect(logo.name).toBe('AstroUserError');
		expect(logo.message).toContain("`logo.src` of the plans() integration is '/images/logo.svg'");
		expect(logo.message).toContain(join('images', 'logo.svg'));
		expect(logo.hint).toContain("'/logo.svg' for public/logo.svg");
		expect(
			errorOf(() => inspect({ logo: { light: '/logo.svg', dark: '/logo-dark.svg' } }, dir)).message,
		).toContain('`logo.dark`');
		const favicon = errorOf(() => inspect({ favicon: '/icon.png' }, dir));
		expect(favicon.name).toBe('AstroUserError');
		expect(favicon.message).toContain('`favicon`');
		expect(favicon.hint).toContain("'/favicon.png' for public/favicon.png");
	});

	it('links the favicon and logo under the base, with the icon type', () => {
		expect(siteBranding(parseOptions({}), '/')).toEqual({
			favicon: { href: '/favicon.svg', type: 'image/svg+xml' },
			logo: undefined,
		});
		expect(siteBranding(parseOptions({ favicon: 'icons/favicon.ico' }), '/docs').favicon).toEqual({
			href: '/docs/icons/favicon.ico',
			type: 'image/x-icon',
		});
		expect(siteBranding(parseOptions({ favicon: '/icon.PNG' }), '/docs/').favicon).toEqual({
			href: '/docs/icon.PNG',
			type: 'image/png',
		});
		expect(
			siteBranding(parseOptions({ logo: { src: 'logo.svg', alt: 'Acme' } }), '/docs').logo,
		).toEqual({
			light: '/docs/logo.svg',
			dark: '/docs/logo.svg',
			alt: 'Acme',
			replacesTitle: false,
		});
		expect(
			siteBranding(
				parseOptions({
					logo: { light: '/l.svg', dark: 'https://cdn.example/d.svg', replacesTitle: true },
				}),
				'/',
			).logo,
		).toEqual({
			light: '/l.svg',
			dark: 'https://cdn.example/d.svg',
			alt: '',
			replacesTitle: true,
		});
	});

	it('writes a robots.txt that names the sitemap only when the site address is known', () => {
		expect(robotsTxt(undefined, '/')).toBe('User-agent: *\nAllow: /\n');
		expect(robotsTxt(new URL('https://acme.example'), '/')).toBe(
			'User-agent: *\nAllow: /\nSitemap: https://acme.example/sitemap-index.xml\n',
		);
		expect(robotsTxt(new URL('https://acme.github.io/plans/'), '/plans')).toBe(
			'User-agent: *\nAllow: /\nSitemap: https://acme.github.io/plans/sitemap-index.xml\n',
		);
	});
});
