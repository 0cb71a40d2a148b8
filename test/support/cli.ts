import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { TEST_REDIS_URL } from './redis.js';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
const BIN = resolve(REPO_ROOT, 'bin/wirewatch.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `wirewatch` binary as a child process, as a user would. */
export function runWirewatch(
  args: string[],
  options: { env?: Record<string, string>; stdin?: string; cwd?: string } = {},
): Promise<CliResult> {
  return runNode([BIN, ...args], options);
}

/** Runs `node <args>` (a script, or `--import tsx file.ts`) with a small environment, collecting its output. */
export function runNode(args: string[], options: { env?: Record<string, string>; stdin?: string; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd ?? REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/**
 * Starts the real `wirewatch run` as a long-running child against the test Redis, under its own
 * key prefix; the caller reads its output and stops it with a signal.
 */
export function spawnWirewatchRun(options: {
  prefix: string;
  cwd?: string;
  env?: Record<string, string>;
}): ChildProcessByStdio<null, Readable, Readable> {
  return spawn(process.execPath, [BIN, 'run'], {
    cwd: options.cwd ?? REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      REDIS_URL: TEST_REDIS_URL,
      WIREWATCH_REDIS_PREFIX: options.prefix,
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
