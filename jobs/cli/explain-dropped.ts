import { WirewatchError } from '../../src/errors.js';
import { loadConfig } from '../config/load-config.js';
import { silentLogger } from '../runtime/logger.js';
import { connectExistingRedis } from '../runtime/redis.js';
import { createDroppedStories } from '../runtime/stores.js';
import type { CliIo, ParsedArgs } from './command.js';
import { writeLine } from './command.js';
import { explainAnalysis } from './explain-text.js';

/**
 * `wirewatch explain --dropped`: the operator's "why was this not alerted?" for stories the
 * running pipeline saw and dropped as neither kind (kept in Redis for a week).
 */
export async function explainDropped(args: ParsedArgs, io: CliIo): Promise<number> {
  const limitText = typeof args.values.limit === 'string' ? args.values.limit : '10';
  const limit = Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw new WirewatchError('cli_usage', `--limit takes a whole number from 1 to 500, not '${limitText}'`);
  const config = await loadConfig(io.env);
  const { redis } = await connectExistingRedis(config.redis.url, silentLogger);
  try {
    const dropped = createDroppedStories({ redis, prefix: config.redis.prefix });
    const [total, recent] = await Promise.all([dropped.count(), dropped.recent(limit)]);
    writeLine(io.stdout, `${total} stories dropped as neither strike nor negotiation; newest ${recent.length}:`);
    for (const item of recent) {
      writeLine(io.stdout, '');
      writeLine(io.stdout, `${item.droppedAt} ${item.story.source ?? ''} ${item.story.link ?? ''}`.trimEnd());
      writeLine(io.stdout, explainAnalysis({ id: item.story.id, title: item.story.title }, item.analysis));
    }
    return 0;
  } finally {
    redis.disconnect();
  }
}
