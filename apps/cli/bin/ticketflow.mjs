#!/usr/bin/env node
// Entry point of `npx ticketflow` / `node apps/cli/bin/ticketflow.mjs`: runs the compiled CLI.
// The CLI is TypeScript compiled to dist/ (no TS loader at run time), and it imports the
// workspace libs through their dist/ builds, so everything must be built first.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BUILD_HINT =
  'Run `npm run build` in the repository root first (or `npx nx build @ticketflow/cli`, which builds the libs too).';
const entry = fileURLToPath(new URL('../dist/main.js', import.meta.url));

if (!existsSync(entry)) {
  process.stderr.write(`ticketflow: the CLI is not built (${entry} is missing).\n${BUILD_HINT}\n`);
  process.exit(2);
}

// `ticketflow diff a b | head`: a closed pipe ends the output quietly.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

let cli;
try {
  cli = await import(pathToFileURL(entry).href);
} catch (error) {
  if (error && (error.code === 'ERR_MODULE_NOT_FOUND' || error.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED')) {
    process.stderr.write(`ticketflow: ${error.message}\n${BUILD_HINT}\n`);
    process.exit(2);
  }
  throw error;
}
process.exitCode = await cli.run(process.argv.slice(2));
