// A registry for one unpublished package: it serves the packed package as if it were
// published, and passes every other request on to the npm registry. `astro add` and the
// package managers then install it as they would from npm.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const UPSTREAM = 'https://registry.npmjs.org';

export interface LocalRegistry {
	url: string;
	close(): Promise<void>;
}

/** Serves `manifest` (the package's package.json) and `tarball` under the package's name. */
export async function serveRegistry(
	manifest: { name: string; version: string },
	tarball: string,
): Promise<LocalRegistry> {
	const bytes = readFileSync(tarball);
	const integrity = `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
	const shasum = createHash('sha1').update(bytes).digest('hex');
	let url = '';
	const version = () => ({
		...manifest,
		dist: { tarball: `${url}/${manifest.name}/-/package.tgz`, integrity, shasum },
	});
	const server: Server = createServer((request, response) => {
		const path = decodeURIComponent(new URL(request.url ?? '/', url).pathname);
		const send = (body: unknown) => {
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end(JSON.stringify(body));
		};
		if (path === `/${manifest.name}`)
			return send({
				name: manifest.name,
				'dist-tags': { latest: manifest.version },
				versions: { [manifest.version]: version() },
			});
		if (path === `/${manifest.name}/latest` || path === `/${manifest.name}/${manifest.version}`)
			return send(version());
		if (path === `/${manifest.name}/-/package.tgz`) {
			response.writeHead(200, { 'content-type': 'application/octet-stream' });
			return response.end(bytes);
		}
		void passOn(request.url ?? '/', request.headers.accept, response);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

/** Answers with the npm registry's answer to the same request. */
async function passOn(
	path: string,
	accept: string | undefined,
	response: import('node:http').ServerResponse,
): Promise<void> {
	try {
		const upstream = await fetch(`${UPSTREAM}${path}`, {
			headers: accept ? { accept } : {},
		});
		response.writeHead(upstream.status, {
			'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream',
		});
		response.end(Buffer.from(await upstream.arrayBuffer()));
	} catch (error) {
		response.writeHead(502);
		response.end(String(error));
	}
}
