#!/usr/bin/env node
// The package's command. It lives outside dist/ so that npm links it when a workspace is
// installed, before dist/ is built; the command itself is dist/cli/bin.js.
import '../dist/cli/bin.js';
