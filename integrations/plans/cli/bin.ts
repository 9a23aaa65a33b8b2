#!/usr/bin/env node
// The package's command: `npx astro-technical-plans init` sets a site up; `check` validates its plans
// with the options of astro.config.
import { runCheck } from './check.ts';
import { runInit } from './init/index.ts';

const USAGE = `Usage: astro-technical-plans init [--root .]
       astro-technical-plans check [--dir plans] [--strict] [--broken-links error|warn] [--sanitize github|false] [--root .] [--against plans.json|URL]

  init    Sets up the Astro site it runs in: adds plans() to astro.config, the plans
          collection to src/content.config, a starter plan when there is no plans/
          folder, and a check:plans script. Prints each change; run twice, it changes
          nothing. A file too unusual to edit safely is left alone, with what to add by hand.

  check   Validates every plan without building the site: metadata, links and anchors,
          Mermaid syntax, cost totals, duplicate URLs, statuses, missing images and
          the HTML that GitHub's sanitising rules would remove.
          It uses the options of plans() in the site's astro.config; --dir, --broken-links
          and --sanitize override them for one run.
          Exits 1 on errors (and on warnings with --strict). With --against, also prints
          what the plans change against a previous deploy's plans.json (cost, status,
          risks, milestones, questions, approvals, sections), and writes it to the GitHub
          Actions job summary when GITHUB_STEP_SUMMARY is set.`;

const [command, ...args] = process.argv.slice(2);
if (command === 'check' || command === 'init') {
	try {
		process.exitCode = await (command === 'check' ? runCheck(args) : runInit(args));
	} catch (error) {
		// parseArgs refuses unknown options and missing values; anything else is a bug to show whole.
		if (!String((error as { code?: string }).code).startsWith('ERR_PARSE_ARGS')) throw error;
		process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
		process.exitCode = 2;
	}
} else {
	const asked =
		command === undefined || command === '--help' || command === '-h' || command === 'help';
	(asked ? process.stdout : process.stderr).write(
		`${asked ? '' : `Unknown command "${command}".\n`}${USAGE}\n`,
	);
	process.exitCode = asked ? 0 : 2;
}
