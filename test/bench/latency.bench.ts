import { performance } from 'node:perf_hooks';
import { createDeliveryRest, createDiscordSink } from '../../adapters/discord/discord-sink.js';
import { createSlackRuntime } from '../../adapters/slack/slack-runtime.js';
import { startApp } from '../../jobs/runtime/app.js';
import { silentLogger } from '../../jobs/runtime/logger.js';
import { answersPing } from '../../jobs/runtime/redis.js';
import { parseSubscribeArgs } from '../../src/commands/subscribe-args.js';
import { runSubscribeCommand } from '../../src/commands/subscription-commands.js';
import { configSchema } from '../../src/config/index.js';
import { SubscriptionStore } from '../../src/store/subscription-store.js';
import { FakeDiscord } from '../support/fake-discord.js';
import { FakeSlack } from '../support/fake-slack.js';
import { buildRss, type FixtureItem } from '../support/feed-builder.js';
import { startFeedServer } from '../support/feed-server.js';
import { createTestRedis, deletePrefix, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

// End-to-end latency: a story appears in one of `--feeds N` (default 10) feeds polled every 10 s
// → the alert is posted to the fake Slack and the fake Discord. One `run` runtime in this process
// (poll + story + deliver workers, real Slack and Discord clients). Each story lands at a random
// moment of its feed's cycle, on a city of its own so it opens its own incident. Reference in the
// same run: the poll interval itself (the wait a poller cannot avoid, 5 s on average).
const CITIES = [
  'Kharkiv',
  'Odesa',
  'Sumy',
  'Zaporizhzhia',
  'Dnipro',
  'Kherson',
  'Mykolaiv',
  'Lviv',
  'Poltava',
  'Chernihiv',
  'Vinnytsia',
  'Zhytomyr',
  'Rivne',
  'Lutsk',
  'Ternopil',
  'Uzhhorod',
  'Cherkasy',
  'Kramatorsk',
  'Kropyvnytskyi',
  'Khmelnytskyi',
];
const INTERVAL_S = 10;

function argNumber(flag: string, fallback: number): number {
  const i = process.argv.indexOf(flag);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

export async function run(): Promise<void> {
  if (!(await answersPing(TEST_REDIS_URL))) return void console.log(`latency: skipped (no Redis at ${TEST_REDIS_URL})`);
  const feedCount = Math.min(argNumber('--feeds', 10), CITIES.length);
  const rounds = Math.max(1, Math.floor(CITIES.length / feedCount));
  const prefix = uniquePrefix('bench-latency');
  const redis = createTestRedis();
  const slack = await new FakeSlack().start();
  const discord = await new FakeDiscord().start();
  const server = await startFeedServer();
  const items = new Map<string, FixtureItem[]>();
  /** When each story was first served (fetch done on our side once the response finished). */
  const published = new Map<string, number>();
  const fetchedAt = new Map<string, number>();
  for (let f = 0; f < feedCount; f++) {
    items.set(`f${f}`, []);
    server.route(`/f${f}`, (_req, res) => {
      const list = items.get(`f${f}`) ?? [];
      res.on('finish', () => {
        for (const item of list) if (!fetchedAt.has(item.title)) fetchedAt.set(item.title, performance.now());
      });
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(buildRss(list));
    });
  }
  const subscriptions = new SubscriptionStore(redis, prefix);
  // One Slack and one Discord channel per city, as channels follow regions: the per-channel limit
  // of one message a second is then not what is measured (the fan-out bench covers contention).
  for (const [i, city] of CITIES.entries()) {
    for (const channel of [
      { platform: 'slack' as const, workspace: 'T0ACME', channel: `C0${city.toUpperCase()}` },
      { platform: 'discord' as const, workspace: '900000000000000001', channel: String(700000000000000300n + BigInt(i)) },
    ]) {
      // The city's oblast: a report names the city, and strikes are placed at oblast level.
      const oblast = parseSubscribeArgs(city).region.code.split('/')[0] ?? city;
      const reply = await runSubscribeCommand(oblast, { channel, user: 'U1' }, { subscriptions, clock: Date.now });
      if (reply.type !== 'success') console.log(`latency: could not subscribe to ${city} (${reply.type})`);
    }
  }
  const slackRuntime = createSlackRuntime({ botToken: slack.botToken, apiUrl: slack.apiUrl }, { logger: silentLogger });
  const config = configSchema.parse({
    allowPrivateNetworks: true,
    redis: { prefix },
    feeds: Array.from({ length: feedCount }, (_, f) => ({ id: `f${f}`, url: `${server.url}/f${f}`, intervalSeconds: INTERVAL_S })),
  });
  const app = await startApp({
    config,
    logger: silentLogger,
    queues: ['poll', 'story', 'deliver'],
    withSchedulers: true,
    sinks: {
      slack: slackRuntime.sink,
      discord: createDiscordSink({ rest: createDeliveryRest({ token: discord.token, apiUrl: discord.apiUrl }), logger: silentLogger }),
    },
  });
  // Posts as the fakes receive them, stamped by polling their logs every 10 ms.
  const postedAt = new Map<string, number>();
  const stamp = setInterval(() => {
    const now = performance.now();
    for (const call of slack.callsOf('chat.postMessage')) {
      const city = CITIES.find((c) => call.args.channel === `C0${c.toUpperCase()}`);
      if (city && !postedAt.has(`slack ${city}`)) postedAt.set(`slack ${city}`, now);
    }
    for (const message of discord.messages.values()) {
      const city = CITIES[Number(BigInt(message.channelId) - 700000000000000300n)];
      if (city && !postedAt.has(`discord ${city}`)) postedAt.set(`discord ${city}`, now);
    }
  }, 10);
  await new Promise((resolve) => setTimeout(resolve, 2_000)); // first (empty) polls done
  const started = performance.now();
  const titles: string[] = [];
  await Promise.all(
    Array.from({ length: rounds * feedCount }, (_, n) => {
      const city = CITIES[n]!;
      const title = `Russian drones strike ${city} overnight, ${n + 2} injured`;
      titles.push(title);
      const at = Math.floor(n / feedCount) * INTERVAL_S * 1000 * 1.5 + Math.random() * INTERVAL_S * 1000;
      return new Promise<void>((resolve) =>
        setTimeout(() => {
          items.get(`f${n % feedCount}`)?.push({
            guid: `lat-${n}`,
            title,
            description: `Russian drones hit homes in ${city} overnight, the regional governor said.`,
            published: Date.now() - 60_000,
          });
          published.set(title, performance.now());
          resolve();
        }, at),
      );
    }),
  );
  const expected = titles.length * 2;
  const deadline = performance.now() + (INTERVAL_S + 30) * 1000;
  while (postedAt.size < expected && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  clearInterval(stamp);
  const endToEnd: number[] = [];
  const processing: number[] = [];
  for (const title of titles) {
    const city = CITIES.find((c) => title.includes(c))!;
    for (const platform of ['slack', 'discord']) {
      const posted = postedAt.get(`${platform} ${city}`);
      if (posted === undefined) continue;
      endToEnd.push(posted - published.get(title)!);
      processing.push(posted - fetchedAt.get(title)!);
    }
  }
  const ms = (v: number) => `${Math.round(v)} ms`;
  console.log(
    `${endToEnd.length}/${expected} alerts arrived (${titles.length} stories × Slack + Discord, ${feedCount} feeds every ${INTERVAL_S} s, ${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );
  console.log(
    `story in feed → alert posted: p50 ${ms(percentile(endToEnd, 50))}, p99 ${ms(percentile(endToEnd, 99))}, min–max ${ms(Math.min(...endToEnd))}–${ms(Math.max(...endToEnd))} (goal p99 ≤ ${INTERVAL_S + 1} s)`,
  );
  console.log(
    `  as a ratio to the poll interval (reference): p50 ${(percentile(endToEnd, 50) / (INTERVAL_S * 1000)).toFixed(2)}×, p99 ${(percentile(endToEnd, 99) / (INTERVAL_S * 1000)).toFixed(2)}×`,
  );
  console.log(
    `processing (fetch done → post received): p50 ${ms(percentile(processing, 50))}, p99 ${ms(percentile(processing, 99))}, min–max ${ms(Math.min(...processing))}–${ms(Math.max(...processing))} (goal p99 ≤ 250 ms)`,
  );
  await app.close();
  await slackRuntime.stop();
  await slack.stop();
  await discord.close();
  await server.close();
  await deletePrefix(redis, prefix);
  redis.disconnect();
}
