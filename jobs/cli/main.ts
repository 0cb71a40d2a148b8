import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { runCli } from './run-cli.js';

// Entry point of `wirewatch` (bin/wirewatch.js imports this); everything testable is in run-cli.ts.

// `wirewatch parse feed.xml | head` closes our stdout early; that is the reader's choice, not
// a failure worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// `cp .env.example .env` is how a self-hoster configures wirewatch: read `.env` from the working
// directory when there is one; a variable already in the environment wins over the file.
try {
  const fromFile = parseEnv(readFileSync('.env', 'utf8'));
  for (const [name, value] of Object.entries(fromFile)) if (process.env[name] === undefined) process.env[name] = value;
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
