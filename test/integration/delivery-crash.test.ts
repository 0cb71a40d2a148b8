import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../jobs/config/load-config.js';
import { startApp, type App } from '../../jobs/runtime/app.js';
import { silentLogger } from '../../jobs/runtime/logger.js';
import { createDeliverWorker } from '../../jobs/workers/deliver-worker.js';
import type { Closeable, RuntimeDeps } from '../../jobs/workers/registry.js';
import { runSubscribeCommand } from '../../src/commands/subscription-commands.js';
import { createDeliveryLog } from '../../src/store/delivery-log.js';
import { SubscriptionStore } from '../../src/store/subscription-store.js';
import { REPO_ROOT } from '../support/cli.js';
import { createTestRuntime } from '../support/deliver-runtime.js';
import { BUCHA_REPORTS, sendStories, waitUntil } from '../support/delivery-fixtures.js';
import { RecordingSink } from '../support/recording-sink.js';
import { createTestRedis, deletePrefix, TEST_REDIS_URL, uniquePrefix } from '../support/redis.js';

const redis = createTestRedis();
const prefixes: string[] = [];
const running: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const component of running.reverse()) await component.close();
  for (const prefix of prefixes) await deletePrefix(redis, prefix);
  redis.disconnect();
});

/** A prefix with one UA-32 subscription and its incidents recorded by a story-only runtime. */
async function prepare(
  label: string,
  stories = BUCHA_REPORTS.slice(0, 1),
): Promise<{ prefix: string; incidentIds: () => Promise<string[]> }> {
  const prefix = uniquePrefix(label);
  prefixes.push(prefix);
  const subscriptions = new SubscriptionStore(redis, prefix);
  await runSubscribeCommand(
    'UA-32',
    { channel: { platform: 'slack', workspace: 'T1', channel: 'C1' }, user: 'U1' },
    { subscriptions, clock: Date.now },
  );
  const config = await loadConfig({ REDIS_URL: TEST_REDIS_URL, WIREWATCH_REDIS_PREFIX: prefix, LOG_LEVEL: 'silent' });
  const app: App = await startApp({ config, logger: silentLogger, queues: ['story'], withSchedulers: false });
  running.push(app);
  await sendStories({ redisUrl: TEST_REDIS_URL, prefix }, stories);
  const versions = async () => Number(await redis.xlen(`${prefix}:incident-changes`));
  await waitUntil(async () => (await versions()) >= stories.length);
  return { prefix, incidentIds: () => redis.zrange(`${prefix}:incidents:time`, 0, -1) };
}

async function startDeliver(deps: RuntimeDeps): Promise<Closeable> {
  const worker = await createDeliverWorker(deps, { lockDurationMs: 1500 });
  running.push({ close: async () => (await worker.close(), deps.redis.disconnect()) });
  return worker;
}

describe('delivery across crashes and races', () => {
  it('a worker killed between post and record is not followed by a second post', async () => {
    const { prefix, incidentIds } = await prepare('crash');
    const sinkKey = `${prefix}:test-platform`;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', resolve(REPO_ROOT, 'test/support/deliver-child.ts'), TEST_REDIS_URL, prefix, sinkKey],
      {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exit = await new Promise<{ code: number | null; signal: string | null }>((done) =>
      child.on('exit', (code, signal) => done({ code, signal })),
    );
    expect(exit, stderr).toEqual({ code: null, signal: 'SIGKILL' });

    const sink = new RecordingSink(redis, sinkKey);
    expect(await sink.posts()).toHaveLength(1);
    const [incidentId = ''] = await incidentIds();
    const log = createDeliveryLog(redis, prefix, 3600);
    expect(await log.get(incidentId, 'slack/T1/C1')).toMatchObject({ intent: { version: 1, blind: 0 } });
    expect((await log.get(incidentId, 'slack/T1/C1')).ref).toBeUndefined();

    // Restarted: the stalled job runs again, finds the intent, and adopts the message it posted.
    await startDeliver(await createTestRuntime(TEST_REDIS_URL, prefix, { slack: sink, console: sink }));
    await waitUntil(async () => (await log.get(incidentId, 'slack/T1/C1')).ref !== undefined);
    expect(await log.get(incidentId, 'slack/T1/C1')).toEqual({ ref: (await sink.posts())[0]?.ref, shown: 1 });
    expect(await sink.posts()).toHaveLength(1);
  });

  it('two workers racing on one incident make one post, then edits', async () => {
    const { prefix, incidentIds } = await prepare('race', BUCHA_REPORTS);
    const sink = new RecordingSink(redis, `${prefix}:test-platform`);
    await Promise.all(
      [0, 1].map(async () => startDeliver(await createTestRuntime(TEST_REDIS_URL, prefix, { slack: sink, console: sink }))),
    );
    const log = createDeliveryLog(redis, prefix, 3600);
    const versionOf = async (id: string) =>
      (JSON.parse((await redis.hget(`${prefix}:incident:${id}`, 'data')) ?? '{}') as { version: number }).version;
    const ids = await incidentIds();
    await waitUntil(async () => {
      for (const id of ids) if ((await log.get(id, 'slack/T1/C1')).shown !== (await versionOf(id))) return false;
      return true;
    });
    // However the three reports clustered, each incident got exactly one post, and edits only of it.
    const posts = await sink.posts('C1');
    expect(posts.map((p) => p.message.incidentId).sort()).toEqual([...ids].sort());
    for (const edit of await sink.edits()) {
      expect(posts.find((p) => p.ref.messageId === edit.ref.messageId)?.message.incidentId).toBe(edit.message.incidentId);
    }
    expect(await versionOf(ids[0] ?? '')).toBeGreaterThan(1);
  });
});
