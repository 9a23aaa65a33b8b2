import { cp, readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { planIdFromPath } from '#plans/parse/paths.ts';
import { parsePlan } from '#plans/parse/plan.ts';
import { type BuiltSite, buildSite } from '../helpers/build.ts';
import {
	expectPlanPagesFor,
	metaFields,
	throwAwaySite,
	throwAwaySiteConfig,
} from '../helpers/plan-site.ts';
import { corpusDocuments, corpusFolder } from './documents.ts';

// The documents stay where they are; the test copies the folder into a throw-away site.
const documents = corpusDocuments();
let site: BuiltSite;
beforeAll(async () => {
	const root = await throwAwaySite('corpus-site', (plansDir) =>
		cp(corpusFolder(), plansDir, { recursive: true }),
	);
	// Real documents link to headings they do not have; the build reports those. Our own links must land.
	site = await buildSite(root, 'corpus', throwAwaySiteConfig(), { authoredLinks: false });
}, 600_000);

describe(`the corpus in ${corpusFolder()}`, () => {
	it('builds every document as a plan page with its headings and unique ids', () => {
		expectPlanPagesFor(site, documents.length);
	});

	it('shows the version, date and status a document states in its header', async () => {
		for (const { name, file } of documents) {
			const { data } = parsePlan({ raw: await readFile(file, 'utf8'), file: name, path: name });
			const page = site.page(`plans/${planIdFromPath(name)}/index.html`);
			const expected = Object.fromEntries(
				[
					['Version', data.version],
					['Date', data.date],
					['Status', data.status],
				].filter(([, value]) => value !== undefined),
			);
			expect(metaFields(page), name).toMatchObject(expected);
		}
	});
});
