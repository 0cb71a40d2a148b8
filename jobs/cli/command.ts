import type { ParseArgsConfig } from 'node:util';
import type { Env } from '../config/load-config.js';

/** Where a command reads and writes; injected so tests can run commands in-process. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: Env;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export interface CliCommand {
  /** Words that name the command: ['run'], ['discord', 'register']. */
  name: readonly string[];
  summary: string;
  /** Usage text after `wirewatch <name>`, plus option lines. */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Allowed positional count range. */
  positionals?: { min: number; max: number };
  /** Returns the process exit code. */
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

export function writeLine(stream: NodeJS.WritableStream, line: string): void {
  stream.write(`${line}\n`);
}
