import { createDeliveryRest, createDiscordSink } from '../../adapters/discord/discord-sink.js';
import { createSlackRuntime } from '../../adapters/slack/slack-runtime.js';
import { loadConfig } from '../../jobs/config/load-config.js';
import { startApp } from '../../jobs/runtime/app.js';
import { silentLogger } from '../../jobs/runtime/logger.js';
import { answersPing } from '../../jobs/runtime/redis.js';
import type { ChannelAddress } from '../../src/domain/index.js';
import { SubscriptionStore } from '../../src/store/subscription-store.js';
import { argNumber, fmt, quick } from '../support/bench-args.js';
import { sendStories } from '../support/delivery-fixtures.js';
import { FakeDiscord } from '../support/fake-discord.js';
import { FakeSlack } from '../support/fake-slack.js';
import { cityStrikes } from '../support/fault-stories.js';
import { createTestRedis, deletePrefix, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

// Fan-out under the platforms' rate limits: one incident to `--channels N` channels (default
// 10,000, `--quick` 1,000), half Slack (one workspace), half Discord (one guild), through the real
// runtime (story → fan-out → deliver → @slack/web-api / @discordjs/rest → the fakes). Limited run:
// the fake Discord answers a global 429 above 50 requests/s (Discord's documented global limit per
// bot) and the fake Slack a 429 with Retry-After: 1 above `--slack-rate R` posts/s per workspace
// (default 100; Slack documents no fixed workspace figure, so this stands in for its "special"
// chat.postMessage limit); then limits at half the rate each platform reached with none, so the
// 429s surely bite. Printed: posts delivered, duplicates (must be 0), 429s answered, and the
// time. References in the same run: the same fan-out with no limit, and the floor the limits
// impose (the slower platform's channels ÷ its rate).

const DISCORD_RATE = 50;

export async function run(): Promise<void> {
  if (!(await answersPing(TEST_REDIS_URL))) return void console.log(`ratelimit: skipped (no Redis at ${TEST_REDIS_URL})`);
  const channels = argNumber('--channels', quick() ? 1_000 : 10_000);
  const slackChannels = Math.ceil(channels / 2);
  const discordChannels = channels - slackChannels;
  const free = await fanOut(channels, undefined);
  // Documented limits, then limits at half the rate each platform got without one, so they bite.
  const documented = { slack: argNumber('--slack-rate', 100), discord: DISCORD_RATE };
  const half = {
    slack: Math.max(1, Math.floor(slackChannels / free.slackS / 2)),
    discord: Math.max(1, Math.floor(discordChannels / free.discordS / 2)),
  };
  const runs: [string, FanOutFigures, { slack: number; discord: number } | undefined][] = [['no limit (reference)', free, undefined]];
  for (const [label, limits] of [
    ['documented limits', documented],
    ['half the unlimited rate', half],
  ] as const) {
    runs.push([
      `${label} (Slack ${limits.slack}/s per workspace, Discord ${limits.discord}/s global)`,
      await fanOut(channels, limits),
      limits,
    ]);
  }
  for (const [label, r, limits] of runs) {
    const floorS = limits ? Math.max(slackChannels / limits.slack, discordChannels / limits.discord) : undefined;
    console.log(
      `${label}: ${fmt(r.delivered)}/${fmt(channels)} channels posted, ${r.duplicates} duplicates, ${fmt(r.rejected)} answered 429; every channel posted after ${r.seconds.toFixed(1)} s (Slack ${r.slackS.toFixed(1)} s, Discord ${r.discordS.toFixed(1)} s)` +
        (floorS
          ? ` = ${(r.seconds / free.seconds).toFixed(2)}× the no-limit time, ${(r.seconds / floorS).toFixed(2)}× the ${floorS.toFixed(0)} s floor the limits set`
          : ''),
    );
  }
}

interface FanOutFigures {
  delivered: number;
  duplicates: number;
  rejected: number;
  seconds: number;
  slackS: number;
  discordS: number;
}

/** A limit of `perSecond` calls in each wall-clock second; answers the seconds left otherwise. */
function perSecondLimit(perSecond: number): () => number | undefined {
  let second = 0;
  let used = 0;
  return () => {
    const now = Date.now();
    if (Math.floor(now / 1000) !== second) [second, used] = [Math.floor(now / 1000), 0];
    if (used++ < perSecond) return undefined;
    return (1000 - (now % 1000)) / 1000;
  };
}

async function fanOut(channels: number, limits: { slack: number; discord: number } | undefined): Promise<FanOutFigures> {
  const redis = createTestRedis();
  const prefix = uniquePrefix('bench-ratelimit');
  const slack = await new FakeSlack().start();
  const discord = await new FakeDiscord().start();
  let rejected = 0;
  if (limits !== undefined) {
    const slackLimit = perSecondLimit(limits.slack);
    const discordLimit = perSecondLimit(limits.discord);
    slack.rateLimit = (method) => {
      const wait = method === 'chat.postMessage' ? slackLimit() : undefined;
      if (wait === undefined) return undefined;
      rejected += 1;
      return Math.max(1, Math.ceil(wait));
    };
    discord.rateLimit = () => {
      const wait = discordLimit();
      if (wait !== undefined) rejected += 1;
      return wait;
    };
  }
  const subscriptions = new SubscriptionStore(redis, prefix);
  for (let i = 0; i < channels; i++) {
    const channel: ChannelAddress =
      i % 2 === 0
        ? { platform: 'slack', workspace: 'T0ACME', channel: `C${i}` }
        : { platform: 'discord', workspace: '900000000000000001', channel: String(800000000000000000n + BigInt(i)) };
    await subscriptions.save({
      channel,
      region: 'UA',
      regionName: 'Ukraine',
      kinds: ['strike', 'negotiation'],
      minSeverity: 'low',
      createdBy: 'U1',
      createdAt: new Date().toISOString(),
    });
  }
  const slackRuntime = createSlackRuntime({ botToken: slack.botToken, apiUrl: slack.apiUrl }, { logger: silentLogger });
  const config = await loadConfig({ REDIS_URL: TEST_REDIS_URL, WIREWATCH_REDIS_PREFIX: prefix, LOG_LEVEL: 'silent' });
  const app = await startApp({
    config,
    logger: silentLogger,
    queues: ['story', 'deliver'],
    withSchedulers: false,
    sinks: {
      slack: slackRuntime.sink,
      discord: createDiscordSink({ rest: createDeliveryRest({ token: discord.token, apiUrl: discord.apiUrl }), logger: silentLogger }),
    },
  });
  const started = Date.now();
  await sendStories({ redisUrl: TEST_REDIS_URL, prefix }, cityStrikes(1, `ratelimit-${limits?.slack ?? 'free'}`));
  const slackWanted = Math.ceil(channels / 2);
  let slackAt = 0;
  let discordAt = 0;
  while ((!slackAt || !discordAt) && Date.now() - started < 900_000) {
    if (!slackAt && new Set([...slack.messages.keys()].map((k) => k.split('/')[0])).size >= slackWanted) slackAt = Date.now();
    if (!discordAt && new Set([...discord.messages.values()].map((m) => m.channelId)).size >= channels - slackWanted)
      discordAt = Date.now();
    await new Promise((r) => setTimeout(r, 50));
  }
  // A little longer, so a duplicate post racing behind the last one would be counted.
  await new Promise((r) => setTimeout(r, 2_000));
  const slackChannels = new Set([...slack.messages.keys()].map((k) => k.split('/')[0])).size;
  const discordChannels = new Set([...discord.messages.values()].map((m) => m.channelId)).size;
  const figures: FanOutFigures = {
    delivered: slackChannels + discordChannels,
    duplicates: slack.messages.size - slackChannels + (discord.messages.size - discordChannels),
    rejected,
    seconds: (Math.max(slackAt, discordAt) - started) / 1000,
    slackS: (slackAt - started) / 1000,
    discordS: (discordAt - started) / 1000,
  };
  await app.close();
  await slackRuntime.stop();
  await slack.stop();
  await discord.close();
  await deletePrefix(redis, prefix);
  redis.disconnect();
  return figures;
}
