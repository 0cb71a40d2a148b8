import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { REPO_ROOT } from './cli.js';

// Real `wirewatch` processes for benches (throughput with several workers, worker RSS): started
// as a user starts them, stopped with SIGTERM, their memory read from /proc.

const BIN = resolve(REPO_ROOT, 'bin/wirewatch.js');

export interface WirewatchProcess {
  child: ChildProcess;
  /** Resident set now and its peak (VmRSS, VmHWM), in bytes; undefined once it exited. */
  memory(): Promise<{ rss: number; peak: number } | undefined>;
  /** stderr so far (warnings and errors: benches run with LOG_LEVEL=warn). */
  errors(): string;
  stop(): Promise<void>;
}

export function startWirewatch(args: string[], env: Record<string, string>): WirewatchProcess {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  return {
    child,
    async memory() {
      try {
        const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
        const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) * 1024;
        return { rss: kb('VmRSS'), peak: kb('VmHWM') };
      } catch {
        return undefined;
      }
    },
    errors: () => stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
