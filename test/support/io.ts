import { PassThrough } from 'node:stream';
import type { CliIo } from '../../jobs/cli/command.js';

/** In-process CLI streams whose output can be read back as text. */
export function createTestIo(env: Record<string, string> = {}, stdin = ''): CliIo & { out(): string; err(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const input = new PassThrough();
  input.end(stdin);
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  return { stdout, stderr, stdin: input, env, out: () => out, err: () => err };
}
