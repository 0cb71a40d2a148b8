import { startApp } from '../../jobs/runtime/app.js';
import { silentLogger } from '../../jobs/runtime/logger.js';
import { answersPing } from '../../jobs/runtime/redis.js';
import { configSchema } from '../../src/config/index.js';
import { CITIES, cityStory, startCityPlatforms, subscribeCityChannels, targetOf } from '../support/city-channels.js';
import { buildRss, type FixtureItem } from '../support/feed-builder.js';
import { startFeedServer } from '../support/feed-server.js';
import { createTestRedis, deletePrefix, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';
import { describeStages, percentile, readStageTimings, type AlertTiming } from '../support/stage-timings.js';

// End-to-end latency: a story appears in one of `--feeds N` (default 10) feeds polled every 10 s
// → the alert is posted to the fake Slack and the fake Discord. One `run` runtime in this process
// (poll + story + deliver workers, real Slack and Discord clients). Each story lands at a random
// moment of its feed's cycle, on a city of its own so it opens its own incident. Reference in the
// same run: the poll interval itself (the wait a poller cannot avoid, 5 s on average).
const INTERVAL_S = 10;

function argNumber(flag: string, fallback: number): number {
  const i = process.argv.indexOf(flag);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export async function run(): Promise<void> {
  if (!(await answersPing(TEST_REDIS_URL))) return void console.log(`latency: skipped (no Redis at ${TEST_REDIS_URL})`);
  const feedCount = Math.min(argNumber('--feeds', 10), CITIES.length);
  const rounds = Math.max(1, Math.floor(CITIES.length / feedCount));
  const prefix = uniquePrefix('bench-latency');
  const redis = createTestRedis();
  const platforms = await startCityPlatforms();
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
        for (const item of list) if (!fetchedAt.has(item.title)) fetchedAt.set(item.title, Date.now());
      });
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(buildRss(list));
    });
  }
  await subscribeCityChannels(redis, prefix);
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
    sinks: platforms.sinks,
  });
  const postedAt = platforms.postedAt;
  await new Promise((resolve) => setTimeout(resolve, 2_000)); // first (empty) polls done
  const started = Date.now();
  const titles: string[] = [];
  await Promise.all(
    Array.from({ length: rounds * feedCount }, (_, n) => {
      const city = CITIES[n]!;
      const story = cityStory(city, n, 'lat');
      const title = story.title;
      titles.push(title);
      const at = Math.floor(n / feedCount) * INTERVAL_S * 1000 * 1.5 + Math.random() * INTERVAL_S * 1000;
      return new Promise<void>((resolve) =>
        setTimeout(() => {
          items.get(`f${n % feedCount}`)?.push({
            guid: `lat-${n}`,
            title,
            description: story.summary,
            published: Date.now() - 60_000,
          });
          published.set(title, Date.now());
          resolve();
        }, at),
      );
    }),
  );
  const expected = titles.length * 2;
  const deadline = Date.now() + (INTERVAL_S + 30) * 1000;
  while (postedAt.size < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const endToEnd: number[] = [];
  const processing: number[] = [];
  const alerts: AlertTiming[] = [];
  for (const title of titles) {
    const city = CITIES.find((c) => title.includes(c))!;
    for (const platform of ['slack', 'discord']) {
      const posted = postedAt.get(`${platform} ${city}`);
      if (posted === undefined) continue;
      endToEnd.push(posted - published.get(title)!);
      processing.push(posted - fetchedAt.get(title)!);
      alerts.push({ fetchedAt: fetchedAt.get(title)!, postedAt: posted, storyTitle: title, target: targetOf(platform as 'slack', city) });
    }
  }
  const ms = (v: number) => `${Math.round(v)} ms`;
  console.log(
    `${endToEnd.length}/${expected} alerts arrived (${titles.length} stories × Slack + Discord, ${feedCount} feeds every ${INTERVAL_S} s, ${((Date.now() - started) / 1000).toFixed(0)} s)`,
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
  console.log('where the processing time goes (from the jobs BullMQ records):');
  for (const line of describeStages(await readStageTimings({ redisUrl: TEST_REDIS_URL, prefix }, alerts))) console.log(line);
  await app.close();
  await platforms.stop();
  await server.close();
  await deletePrefix(redis, prefix);
  redis.disconnect();
}
