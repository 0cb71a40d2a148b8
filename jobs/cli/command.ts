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

/** What `--help` says about one option; `default` is shown as written ("off", "all three"). */
export interface OptionHelp {
  description: string;
  default?: string;
  /** Must be given (then it has no default). */
  required?: boolean;
  /** Placeholder of the value (`ID`, `N`), for options that take one. */
  value?: string;
}

export interface CliCommand {
  /** Words that name the command: ['run'], ['discord', 'register']. */
  name: readonly string[];
  /** One line, for `wirewatch --help`. */
  summary: string;
  /** A few sentences for `wirewatch <command> --help`: what it does and what it needs. */
  description?: string;
  /** Usage text after `wirewatch <name>` (arguments and options in short). */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** One entry per option in `options` (a test keeps them in step). */
  optionHelp?: Readonly<Record<string, OptionHelp>>;
  /** At least one command line a person can copy. */
  examples?: readonly string[];
  /** Allowed positional count range. */
  positionals?: { min: number; max: number };
  /** Returns the process exit code. */
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

export function writeLine(stream: NodeJS.WritableStream, line: string): void {
  stream.write(`${line}\n`);
}
