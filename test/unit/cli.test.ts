import { describe, expect, it } from 'vitest';
import { runCli } from '../../jobs/cli/run-cli.js';
import { COMMANDS } from '../../jobs/cli/commands/index.js';
import { createTestIo } from '../support/io.js';

describe('wirewatch CLI', () => {
  it('prints usage and exits 2 without a command', async () => {
    const io = createTestIo();
    expect(await runCli([], io)).toBe(2);
    expect(io.err()).toContain('Usage: wirewatch <command>');
  });

  it('lists every command under --help', async () => {
    const io = createTestIo();
    expect(await runCli(['--help'], io)).toBe(0);
    for (const name of [
      'run',
      'worker',
      'analyze',
      'explain',
      'parse',
      'replay',
      'subscribe',
      'unsubscribe',
      'subscriptions',
      'discord register',
    ]) {
      expect(io.out()).toContain(`  ${name} `);
    }
  });

  it('gives each command its own --help', async () => {
    for (const command of COMMANDS) {
      const io = createTestIo();
      expect(await runCli([...command.name, '--help'], io)).toBe(0);
      expect(io.out()).toContain(`Usage: wirewatch ${command.name.join(' ')}`);
    }
  });

  it('rejects unknown commands and bad flags with exit 2 and no stack trace', async () => {
    for (const argv of [['frobnicate'], ['worker', '--nope'], ['worker', '--queues', 'poll,bogus'], ['discord'], ['run', 'extra']]) {
      const io = createTestIo();
      expect(await runCli(argv, io)).toBe(2);
      expect(io.err()).toMatch(/^cli_usage: /);
      expect(io.err()).not.toMatch(/\n\s+at /);
    }
  });

  it('stops on a bad configuration with every problem and exit 1', async () => {
    const io = createTestIo({ REDIS_URL: 'nonsense', WIREWATCH_FEED_INTERVAL_SECONDS: '-1' });
    expect(await runCli(['run'], io)).toBe(1);
    expect(io.err()).toContain('config_invalid');
    expect(io.err()).toContain('REDIS_URL');
    expect(io.err()).toContain('WIREWATCH_FEED_INTERVAL_SECONDS');
  });
});
