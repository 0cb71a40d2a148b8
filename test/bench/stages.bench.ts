import { createQueue, enqueueStories, type StoryJobData } from '../../jobs/queues.js';
import { loadConfig } from '../../jobs/config/load-config.js';
import { startApp } from '../../jobs/runtime/app.js';
import { silentLogger } from '../../jobs/runtime/logger.js';
import { answersPing } from '../../jobs/runtime/redis.js';
import type { Story } from '../../src/domain/index.js';
import { argNumber } from '../support/bench-args.js';
import { CITIES, cityStory, startCityPlatforms, subscribeCityChannels, targetOf } from '../support/city-channels.js';
import { createTestRedis, deletePrefix, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';
import { describeStages, percentile, readStageTimings, type AlertTiming } from '../support/stage-timings.js';

// Processing stages without the poll wait: a story handed to the `story` queue (as the poll
// worker does) → the alert received by the fake Slack and Discord, through one in-process
// runtime (story + deliver workers, fan-out, real @slack/web-api and @discordjs/rest). Two ways:
// isolated (one story at a time, nothing else in flight) and a burst of `--burst N` stories at
// once (default 10: what one poll instant hands over when ten feeds share a schedule). Reference
// in the same run: the isolated p99; the burst's figures are also given as a ratio to it.

export async function run(): Promise<void> {
  if (!(await answersPing(TEST_REDIS_URL))) return void console.log(`stages: skipped (no Redis at ${TEST_REDIS_URL})`);
  const burst = Math.min(argNumber('--burst', 10), CITIES.length);
  // One story per city and run: a city twice would join its incident (an edit, not a post).
  const rounds = Math.floor(CITIES.length / burst);
  const isolated = await measure('isolated', CITIES.length, 1);
  const burstRun = await measure(`burst of ${burst}`, burst * rounds, burst);
  const isolatedP99 = percentile(isolated, 99);
  console.log(
    `burst p50 ${Math.round(percentile(burstRun, 50))} ms, p99 ${Math.round(percentile(burstRun, 99))} ms = ${(percentile(burstRun, 99) / isolatedP99).toFixed(1)}× the isolated p99 (reference, ${Math.round(isolatedP99)} ms)`,
  );
}

/** `count` stories in groups of `group` handed over at once; the next group once the previous is posted. */
async function measure(label: string, count: number, group: number): Promise<number[]> {
  const prefix = uniquePrefix('bench-stages');
  const redis = createTestRedis();
  await subscribeCityChannels(redis, prefix);
  const platforms = await startCityPlatforms();
  const config = await loadConfig({ REDIS_URL: TEST_REDIS_URL, WIREWATCH_REDIS_PREFIX: prefix, LOG_LEVEL: 'silent' });
  const app = await startApp({ config, logger: silentLogger, queues: ['story', 'deliver'], withSchedulers: false, sinks: platforms.sinks });
  const queue = createQueue<StoryJobData>('story', { redisUrl: TEST_REDIS_URL, prefix });
  const alerts: AlertTiming[] = [];
  const handedAt = new Map<string, number>();
  for (let start = 0; start < count; start += group) {
    const stories: Story[] = Array.from({ length: Math.min(group, count - start) }, (_, i) => {
      const n = start + i;
      const city = CITIES[n % CITIES.length]!;
      return { ...cityStory(city, n, 'stages'), id: `stage-${n}`, feedId: 'stages' };
    });
    const at = Date.now();
    await enqueueStories(queue, stories);
    for (const s of stories) handedAt.set(s.title, at);
    const wanted = stories.flatMap((s) => (['slack', 'discord'] as const).map((p) => `${p} ${CITIES.find((c) => s.title.includes(c))}`));
    const deadline = Date.now() + 30_000;
    while (!wanted.every((w) => platforms.postedAt.has(w)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    for (const s of stories) {
      const city = CITIES.find((c) => s.title.includes(c))!;
      for (const platform of ['slack', 'discord'] as const) {
        const postedAt = platforms.postedAt.get(`${platform} ${city}`);
        if (postedAt !== undefined) alerts.push({ fetchedAt: at, postedAt, storyTitle: s.title, target: targetOf(platform, city) });
      }
    }
    // Let the story and deliver jobs settle, so one group's tail never overlaps the next.
    await new Promise((r) => setTimeout(r, group === 1 ? 100 : 1_000));
  }
  const totals = alerts.map((a) => a.postedAt - a.fetchedAt);
  console.log(
    `${label}: ${alerts.length}/${count * 2} alerts; story handed over → post received p50 ${Math.round(percentile(totals, 50))} ms, p99 ${Math.round(percentile(totals, 99))} ms, max ${Math.round(Math.max(...totals))} ms`,
  );
  const stages = await readStageTimings({ redisUrl: TEST_REDIS_URL, prefix }, alerts);
  stages.delete('poll→story');
  for (const line of describeStages(stages)) console.log(line);
  await queue.close();
  await app.close();
  await platforms.stop();
  await deletePrefix(redis, prefix);
  redis.disconnect();
  return totals;
}
