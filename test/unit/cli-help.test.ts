import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../jobs/cli/commands/index.js';
import { runCli } from '../../jobs/cli/run-cli.js';
import { createTestIo } from '../support/io.js';

describe('wirewatch <command> --help', () => {
  for (const command of COMMANDS) {
    const name = command.name.join(' ');
    it(`${name}: a description, every option with its default (or required), and an example`, async () => {
      const io = createTestIo();
      expect(await runCli([...command.name, '--help'], io)).toBe(0);
      const help = io.out();
      expect(command.description?.length ?? 0).toBeGreaterThan(40);
      expect(help).toContain(command.description);
      expect(Object.keys(command.optionHelp ?? {}).sort()).toEqual(Object.keys(command.options).sort());
      for (const [option, text] of Object.entries(command.optionHelp ?? {})) {
        expect(text.required === true || text.default !== undefined, `--${option} needs a default or required`).toBe(true);
        const line = help.split('\n').find((l) => l.trimStart().startsWith(`--${option}`));
        expect(line, `--${option} listed`).toMatch(text.required ? /\(required\)$/ : /\(default: .+\)$/);
      }
      expect(command.examples?.length ?? 0).toBeGreaterThan(0);
      for (const example of command.examples ?? []) {
        expect(help).toContain(`  ${example}`);
        // An example names this very command, so it can be copied as it stands.
        expect(example.includes(`wirewatch ${name}`) || example.startsWith('npm ') || example.includes(` wirewatch ${name}`)).toBe(true);
      }
    });
  }

  it('wirewatch --help lists each command on one line with its summary', async () => {
    const io = createTestIo();
    expect(await runCli(['--help'], io)).toBe(0);
    const lines = io.out().split('\n');
    for (const command of COMMANDS) {
      expect(lines.filter((l) => l.trimStart().startsWith(`${command.name.join(' ')} `) && l.endsWith(command.summary))).toHaveLength(1);
    }
  });
});

describe('wirewatch explain -', () => {
  it('explains a pasted story that has no id instead of rejecting it', async () => {
    const story = {
      title: 'Drones strike a power plant in Kharkiv',
      summary: 'Russian drones hit a power plant in Kharkiv overnight, injuring three workers.',
    };
    const io = createTestIo({}, JSON.stringify(story));
    expect(await runCli(['explain', '-'], io), io.err()).toBe(0);
    expect(io.err()).not.toContain('Invalid input');
    expect(io.out()).toContain('story-1');
    expect(io.out().toLowerCase()).toContain('strike');
  });
});
