import { WirewatchError } from '../../../src/errors.js';
import { loadConfig } from '../../config/load-config.js';
import { silentLogger } from '../../runtime/logger.js';
import { answersPing, connectRedis, LOCAL_REDIS_URL } from '../../runtime/redis.js';
import { collectStatus, formatStatus } from '../../status/collect-status.js';
import type { CliCommand } from '../command.js';
import { writeLine } from '../command.js';

/** `wirewatch status [--json]`: feeds' health, queue depths, recent incidents and notices. */
export const statusCommand: CliCommand = {
  name: ['status'],
  summary: "feeds' health, queue depths, recent incidents and operator notices",
  usage: '[--json]',
  options: { json: { type: 'boolean' } },
  async run(args, io) {
    const config = await loadConfig(io.env);
    // Status only reads: it never spawns a redis-server of its own.
    const url = config.redis.url ?? LOCAL_REDIS_URL;
    if (!(await answersPing(url))) throw new WirewatchError('redis_unavailable', `no Redis answers at ${url}; set REDIS_URL to the one wirewatch run uses`);
    const redis = connectRedis(url, silentLogger);
    try {
      const report = await collectStatus(config, redis, url);
      writeLine(io.stdout, args.values.json === true ? JSON.stringify(report, null, 2) : formatStatus(report, Date.now()));
      return 0;
    } finally {
      redis.disconnect();
    }
  },
};
