#!/usr/bin/env node
// The package's command: `npx astro-technical-plans check [--strict] [--root .] [--against plans.json]`, options from astro.config.
import { runCheck } from './check.ts';

const USAGE = `Usage: astro-technical-plans check [--dir plans] [--strict] [--broken-links error|warn] [--sanitize github|false] [--root .] [--against plans.json|URL]

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
if (command === 'check') {
	try {
		process.exitCode = await runCheck(args);
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
