import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import { createConsoleSink } from '../../../adapters/console/console-sink.js';
import { analyzeStory } from '../../../src/classify/analyze-story.js';
import { ancestorsOf } from '../../../src/geo/index.js';
import { runSubscribeCommand } from '../../../src/commands/subscription-commands.js';
import type { AlertMessage, ChannelAddress, MessageRef, Sink, Story } from '../../../src/domain/index.js';
import { readFeedDocument } from '../../../src/feeds/read-feed.js';
import { SubscriptionStore } from '../../../src/store/subscription-store.js';
import { loadConfig } from '../../config/load-config.js';
import { createQueue, enqueueStories, type StoryJobData } from '../../queues.js';
import { startApp } from '../../runtime/app.js';
import { createLogger } from '../../runtime/logger.js';
import type { CliCommand } from '../command.js';
import { writeLine } from '../command.js';
import { loadFeedInput } from '../feed-input.js';
import { waitForIdle } from './replay.js';

/** The bundled example feeds, in the order the outlets publish. Invented outlets and stories. */
export const DEMO_FEEDS = ['northbank-post.xml', 'eastern-ledger.xml', 'harbour-daily.xml'].map((file) =>
  resolve(import.meta.dirname, '../../../test/fixtures/demo', file),
);

/** The demo channel: a Ukraine desk. The Lebanon story is a real strike, just not one this channel follows. */
export const DEMO_CHANNEL: ChannelAddress = { platform: 'slack', workspace: 'demo', channel: 'ukraine-desk' };

/**
 * `wirewatch demo`: plays the example feeds one outlet after another through the real runtime
 * (story and deliver queues, a Redis found or spawned, under a prefix of its own that is deleted
 * afterwards) to the console. It never posts to chat, even with tokens set: the demo channel is
 * invented. `wirewatch replay` sends the same files to the channels you configured.
 */
export const demoCommand: CliCommand = {
  name: ['demo'],
  summary: 'play example feeds through the whole pipeline to the console (no accounts needed)',
  description:
    'Three invented outlets report the same overnight drone attack one after another, plus a labour strike and an air strike in Lebanon. ' +
    'A channel following Ukraine gets one alert, edited as each outlet reports; the labour strike is dropped; the Lebanon strike is an incident of its own that this channel does not follow. ' +
    'Uses REDIS_URL, 127.0.0.1:6379 or a spawned redis-server, under a throw-away key prefix.',
  usage: '',
  options: {},
  examples: ['wirewatch demo', 'npm run demo'],
  async run(_args, io) {
    const base = await loadConfig(io.env);
    const prefix = `{wirewatch-demo-${randomBytes(3).toString('hex')}}`;
    const config = { ...base, redis: { ...base.redis, prefix }, httpPort: undefined };
    const counted = countingSink(createConsoleSink(io.stdout));
    // The demo's output is the alerts; the runtime speaks only when something fails.
    const logger = createLogger(base.logLevel === 'info' ? 'error' : base.logLevel, base.logFormat);
    const app = await startApp({
      config,
      logger,
      queues: ['story', 'deliver'],
      withSchedulers: false,
      sinks: { console: counted.sink, slack: counted.sink, discord: counted.sink },
    });
    const redis = new Redis(app.redisUrl, { maxRetriesPerRequest: null });
    const queue = createQueue<StoryJobData>('story', { redisUrl: app.redisUrl, prefix });
    try {
      const subscribed = await runSubscribeCommand(
        { region: 'Ukraine' },
        { channel: DEMO_CHANNEL, user: 'cli:demo' },
        {
          subscriptions: new SubscriptionStore(redis, prefix),
          clock: Date.now,
        },
      );
      if (subscribed.type === 'error') throw new Error('demo subscription failed');
      writeLine(io.stdout, `wirewatch demo · Redis ${app.redisOrigin} · channel #${DEMO_CHANNEL.channel} follows Ukraine (all kinds)\n`);
      const docs = await Promise.all(DEMO_FEEDS.map((file) => readDemoFeed(file, io)));
      const shift = Date.now() - 2 * 60_000 - Math.max(...docs.flat().map((s) => Date.parse(s.published)));
      for (const stories of docs) {
        // Dated as if they came in over the last two hours, so nothing is older than the incident windows.
        const recent = stories.map((s) => ({ ...s, published: new Date(Date.parse(s.published) + shift).toISOString() }));
        writeLine(io.stdout, `▶ ${recent[0]?.source ?? 'outlet'} publishes: ${recent.map((s) => `“${s.title}”`).join(', ')}`);
        await enqueueStories(queue, recent);
        await waitForIdle({ redisUrl: app.redisUrl, prefix, redis }, true);
      }
      writeLine(io.stdout, summarise(docs.flat(), counted.posts, counted.edits));
      return 0;
    } finally {
      await queue.close();
      // Readers blocked on deleted keys complain once; nothing is lost, the keys were the demo's.
      if (logger.level === 'error') logger.level = 'fatal';
      await deletePrefixKeys(redis, prefix);
      redis.disconnect();
      await app.close();
    }
  },
};

async function readDemoFeed(file: string, io: Parameters<CliCommand['run']>[1]): Promise<Story[]> {
  const input = await loadFeedInput(file, undefined, io);
  const doc = await readFeedDocument(input.bytes, input.contentType, { feedId: input.feedId, source: input.source, now: Date.now() });
  return doc.stories.map((s) => ({ ...s, source: s.source.replace(/ \(demo\)$/, '') }));
}

/** What happened, from the counts the sink saw and the same analysis the story worker ran. */
function summarise(stories: readonly Story[], posts: number, edits: number): string {
  const lines = [
    '',
    `Done: ${posts} alert${posts === 1 ? '' : 's'} posted, ${edits} edit${edits === 1 ? '' : 's'} as more outlets reported.`,
  ];
  for (const story of stories) {
    const analysis = analyzeStory(story);
    if (analysis.kinds.length === 0)
      lines.push(`  · dropped “${story.title}”: neither a military strike nor talks (\`wirewatch explain\` says why)`);
    else if (!analysis.regions.some((r) => ancestorsOf(r.code).includes('UA') || r.code === 'UA')) {
      const where = analysis.regions.map((r) => r.name).join(', ') || 'no place';
      lines.push(
        `  · not sent “${story.title}”: a ${analysis.kinds.join(' + ')} in ${where}, which #${DEMO_CHANNEL.channel} does not follow`,
      );
    }
  }
  lines.push('Next: `cp .env.example .env`, set SLACK_BOT_TOKEN or DISCORD_TOKEN, `npm start`, then /subscribe in a channel.');
  return lines.join('\n');
}

/** The console sink, counting what it shows, so the demo can say what happened. */
function countingSink(inner: Sink): { sink: Sink; posts: number; edits: number } {
  const counts = { posts: 0, edits: 0 };
  const sink: Sink = {
    ...inner,
    post(channel: ChannelAddress, message: AlertMessage): Promise<MessageRef> {
      counts.posts++;
      return inner.post(channel, message);
    },
    edit(ref: MessageRef, message: AlertMessage): Promise<void> {
      counts.edits++;
      return inner.edit(ref, message);
    },
  };
  return Object.defineProperties({ sink } as { sink: Sink; posts: number; edits: number }, {
    posts: { get: () => counts.posts },
    edits: { get: () => counts.edits },
  });
}

/** The demo's keys go when it ends (SCAN, never KEYS: the Redis may be someone's real one). */
async function deletePrefixKeys(redis: Redis, prefix: string): Promise<void> {
  const pattern = `${prefix.replace(/[*?[\]\\]/g, (c) => `\\${c}`)}*`;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}
