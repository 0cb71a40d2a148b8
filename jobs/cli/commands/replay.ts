import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { readFeedDocument } from '../../../src/feeds/read-feed.js';
import type { Story } from '../../../src/domain/index.js';
import { createSeenStories } from '../../../src/store/seen-stories.js';
import { loadConfig } from '../../config/load-config.js';
import { createQueue, enqueueStories, type StoryJobData } from '../../queues.js';
import { startApp } from '../../runtime/app.js';
import { createLogger } from '../../runtime/logger.js';
import type { RuntimeDeps } from '../../workers/registry.js';
import type { CliCommand } from '../command.js';
import { writeLine } from '../command.js';
import { loadFeedInput } from '../feed-input.js';
import { createProgress, type Progress } from '../progress.js';

const IDLE_CHECKS = 3;

/**
 * `wirewatch replay <feed.xml…> [--fresh]`: the saved files stand in for a poll; their new
 * stories go through the story and deliver queues to the configured sinks (the console with
 * no token), and the command exits once every job is done. Stories seen before are skipped
 * unless `--fresh`, which gives them new ids so they count as new reports.
 */
export const replayCommand: CliCommand = {
  name: ['replay'],
  summary: 'push saved feed files through the whole pipeline to the configured sinks',
  description:
    'Pushes saved feed files through the story and deliver queues, as if each had just been polled, to the configured sinks ' +
    '(the console with no token; subscribed channels otherwise), and exits when every job is done. Stories seen before are skipped.',
  usage: '<feed.xml...> [--fresh]',
  options: { fresh: { type: 'boolean' } },
  optionHelp: { fresh: { description: 'treat the stories as new even if seen before (new ids, same links)', default: 'off' } },
  examples: ['wirewatch replay --fresh test/fixtures/demo/northbank-post.xml test/fixtures/demo/eastern-ledger.xml'],
  positionals: { min: 1, max: 100 },
  async run(args, io) {
    const config = await loadConfig(io.env);
    const logger = createLogger(config.logLevel);
    const fresh = args.values.fresh === true;
    const inputs = await Promise.all(args.positionals.map((file) => loadFeedInput(file, undefined, io)));
    const app = await startApp({ config, logger, queues: ['story', 'deliver'], withSchedulers: false });
    const deps = { redisUrl: app.redisUrl, prefix: config.redis.prefix };
    const queue = createQueue<StoryJobData>('story', deps);
    const redis = new Redis(app.redisUrl, { maxRetriesPerRequest: null });
    try {
      const seen = createSeenStories(redis, config.redis.prefix);
      const salt = fresh ? Date.now().toString(36) : '';
      let total = 0;
      for (const input of inputs) {
        const doc = await readFeedDocument(input.bytes, input.contentType, { feedId: input.feedId, source: input.source, now: Date.now() });
        const stories = fresh ? doc.stories.map((story) => withFreshId(story, salt)) : await unseenOnly(doc.stories, input.feedId, seen);
        await enqueueStories(queue, stories);
        await seen.markSeen(
          input.feedId,
          doc.stories.map((s) => s.id),
          Date.now(),
        );
        writeLine(io.stderr, `${input.feedId}: ${doc.stories.length} stories, ${stories.length} replayed${fresh ? ' (fresh)' : ''}`);
        total += stories.length;
      }
      await waitForIdle({ ...deps, redis }, total > 0, createProgress(io.stderr, 'jobs left'));
      return 0;
    } finally {
      await queue.close();
      redis.disconnect();
      await app.close();
    }
  },
};

async function unseenOnly(stories: Story[], feedId: string, seen: ReturnType<typeof createSeenStories>): Promise<Story[]> {
  const { unseen } = await seen.findUnseen(
    feedId,
    stories.map((s) => s.id),
  );
  return stories.filter((s) => unseen.has(s.id));
}

/** A new id (and job id) per replay run; the link stays, so the story still joins its incident. */
function withFreshId(story: Story, salt: string): Story {
  return { ...story, id: `${story.feedId}-${createHash('sha1').update(`${salt}:${story.id}`).digest('hex').slice(0, 16)}` };
}

/** Done when both queues and the fan-out stream have nothing left, a few checks in a row. */
export async function waitForIdle(
  deps: Pick<RuntimeDeps, 'redisUrl' | 'prefix' | 'redis'>,
  expectWork: boolean,
  progress?: Progress,
): Promise<void> {
  const story = createQueue('story', deps);
  const deliver = createQueue('deliver', deps);
  try {
    let idle = 0;
    while (idle < IDLE_CHECKS) {
      await new Promise((resolve) => setTimeout(resolve, expectWork && idle === 0 ? 500 : 300));
      const counts = await Promise.all([story, deliver].map((q) => q.getJobCounts('waiting', 'active', 'delayed', 'prioritized')));
      const jobs = counts.reduce((sum, c) => sum + Object.values(c).reduce((a, n) => a + n, 0), 0);
      const busy = jobs > 0 || (await streamBacklog(deps.redis, `${deps.prefix}:incident-changes`)) > 0;
      progress?.tick(jobs);
      idle = busy ? 0 : idle + 1;
    }
  } finally {
    progress?.end();
    await story.close();
    await deliver.close();
  }
}

/** Entries the fan-out group has not read or not acknowledged yet. */
async function streamBacklog(redis: Redis, key: string): Promise<number> {
  if ((await redis.exists(key)) === 0) return 0;
  const groups = (await redis.xinfo('GROUPS', key)) as unknown[][];
  let backlog = 0;
  for (const group of groups) {
    const info = new Map<string, unknown>();
    for (let i = 0; i + 1 < group.length; i += 2) info.set(String(group[i]), group[i + 1]);
    backlog += Number(info.get('pending') ?? 0) + Number(info.get('lag') ?? 0);
  }
  return backlog;
}
