import { runCli } from './run-cli.js';

// Entry point of `wirewatch` (bin/wirewatch.js imports this); everything testable is in run-cli.ts.

// `wirewatch parse feed.xml | head` closes our stdout early; that is the reader's choice, not
// a failure worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
