import { parseArgs } from 'node:util';
import { describeError, WirewatchError } from '../../src/errors.js';
import type { CliCommand, CliIo } from './command.js';
import { writeLine } from './command.js';
import { COMMANDS } from './commands/index.js';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/**
 * Parses `wirewatch <command> [options]` and runs the command. Unknown commands and bad flags
 * print usage and return 2; failures print one coded line and never a stack trace.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, second] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    writeLine(first === undefined ? io.stderr : io.stdout, globalUsage());
    return first === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = COMMANDS.find((c) => (c.name.length === 2 ? c.name[0] === first && c.name[1] === second : c.name[0] === first));
  if (!command) {
    const group = COMMANDS.filter((c) => c.name[0] === first);
    writeLine(
      io.stderr,
      group.length > 0
        ? `cli_usage: '${first}' needs a subcommand\n\n${globalUsage()}`
        : `cli_usage: unknown command '${first}'\n\n${globalUsage()}`,
    );
    return EXIT_USAGE;
  }
  const rest = argv.slice(command.name.length);
  if (rest.includes('--help') || rest.includes('-h')) {
    writeLine(io.stdout, commandUsage(command));
    return EXIT_OK;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    writeLine(io.stderr, `cli_usage: ${(error as Error).message}\n\n${commandUsage(command)}`);
    return EXIT_USAGE;
  }
  const range = command.positionals ?? { min: 0, max: 0 };
  if (parsed.positionals.length < range.min || parsed.positionals.length > range.max) {
    writeLine(io.stderr, `cli_usage: wrong number of arguments\n\n${commandUsage(command)}`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(parsed, io);
  } catch (error) {
    writeLine(io.stderr, describeError(error));
    if (error instanceof WirewatchError && (error.code === 'cli_usage' || error.code === 'command_invalid')) return EXIT_USAGE;
    return EXIT_FAILURE;
  }
}

function globalUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.join(' ').length));
  const lines = COMMANDS.map((c) => `  ${c.name.join(' ').padEnd(width)}  ${c.summary}`);
  return `Usage: wirewatch <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'wirewatch <command> --help' for a command's options.`;
}

export function commandUsage(command: CliCommand): string {
  const parts = [`Usage: wirewatch ${command.name.join(' ')} ${command.usage}`.trimEnd()];
  if (command.description) parts.push(command.description);
  const rows = Object.entries(command.optionHelp ?? {}).map(([name, help]) => {
    const short = command.options[name]?.short;
    const flag = `${short ? `-${short}, ` : ''}--${name}${help.value ? ` ${help.value}` : ''}`;
    return [
      flag,
      `${help.description}${help.required ? ' (required)' : help.default === undefined ? '' : ` (default: ${help.default})`}`,
    ] as const;
  });
  rows.push(['-h, --help', 'show this help']);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  parts.push(`Options:\n${rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`).join('\n')}`);
  if (command.examples && command.examples.length > 0) {
    parts.push(`Example${command.examples.length > 1 ? 's' : ''}:\n${command.examples.map((e) => `  ${e}`).join('\n')}`);
  }
  return parts.join('\n\n');
}
