import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from './run-cli.js';

// Entry point of `wirewatch`; everything testable lives in run-cli.ts.
const invokedDirectly = process.argv[1] !== undefined && isThisFile(process.argv[1]);
if (invokedDirectly || process.argv[1]?.endsWith('wirewatch.js') || process.argv[1]?.endsWith('wirewatch')) {
  const code = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
  });
  process.exitCode = code;
}

function isThisFile(path: string): boolean {
  try {
    return realpathSync(path) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}
