import { loadConfig } from '../../config/load-config.js';
import { silentLogger } from '../../runtime/logger.js';
import { connectExistingRedis } from '../../runtime/redis.js';
import { collectStatus, formatStatus } from '../../status/collect-status.js';
import type { CliCommand } from '../command.js';
import { writeLine } from '../command.js';

/** `wirewatch status [--json]`: feeds' health, queue depths, recent incidents and notices. */
export const statusCommand: CliCommand = {
  name: ['status'],
  summary: "feeds' health, queue depths, recent incidents and operator notices",
  description:
    'Reads the Redis that `wirewatch run` uses (never spawns one): each feed’s health (ok, never-polled, backing-off, failing, with the reason), ' +
    'queue depths, the newest incidents and operator notices.',
  usage: '[--json]',
  options: { json: { type: 'boolean' } },
  optionHelp: { json: { description: 'one JSON document instead of text', default: 'off' } },
  examples: ['wirewatch status', 'wirewatch status --json | jq .feeds'],
  async run(args, io) {
    const config = await loadConfig(io.env);
    const { url, redis } = await connectExistingRedis(config.redis.url, silentLogger);
    try {
      const report = await collectStatus(config, redis, url);
      writeLine(io.stdout, args.values.json === true ? JSON.stringify(report, null, 2) : formatStatus(report, Date.now()));
      return 0;
    } finally {
      redis.disconnect();
    }
  },
};
