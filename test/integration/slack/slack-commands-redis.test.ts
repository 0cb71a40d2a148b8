import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createSlackRuntime, type SlackRuntime } from '../../../adapters/slack/slack-runtime.js';
import { loadConfig } from '../../../jobs/config/load-config.js';
import { createSlackCommandRunners } from '../../../jobs/runtime/slack-platform.js';
import { toIncidentReport } from '../../../src/cluster/incident-report.js';
import { createMatchPolicy } from '../../../src/cluster/match-policy.js';
import { ancestorsOf } from '../../../src/geo/index.js';
import { createDeliveryLog } from '../../../src/store/delivery-log.js';
import { IncidentStore } from '../../../src/store/incident-store.js';
import { recordReport } from '../../../src/pipeline/record-report.js';
import { TIMER_PAUSE } from '../../../jobs/runtime/stores.js';
import { SubscriptionStore, toChannelKey } from '../../../src/store/subscription-store.js';
import { INCIDENT_STORIES } from '../../fixtures/incidents/index.js';
import { FakeSlack } from '../../support/fake-slack.js';
import { createTestRedis, deletePrefix, uniquePrefix } from '../../support/redis.js';

const logger = pino({ level: 'silent' });
// The fixture stories end on 24 March 2025; "now" is the next morning.
const NOW = Date.parse('2025-03-25T09:00:00Z');

/** The real use cases over a real Redis, driven through the real Bolt app in Socket Mode. */
describe('Slack slash commands end to end', () => {
  let redis: Redis;
  let prefix: string;
  let fake: FakeSlack;
  let runtime: SlackRuntime;
  let replies = 0;

  beforeAll(() => {
    redis = createTestRedis();
  });
  afterAll(async () => redis.quit());

  beforeEach(async () => {
    prefix = uniquePrefix('slack-cmd');
    fake = await new FakeSlack().start();
    const config = await loadConfig({});
    const commands = createSlackCommandRunners({ redis, prefix, config, clock: () => NOW, logger });
    runtime = createSlackRuntime(
      { botToken: fake.botToken, appToken: fake.appToken, apiUrl: fake.apiUrl },
      { logger, retries: 0, commands },
    );
    await runtime.start();
    replies = 0;
  });
  afterEach(async () => {
    await runtime.stop();
    await fake.stop();
    await deletePrefix(redis, prefix);
  });

  async function run(command: string, text: string): Promise<{ response_type: string; text: string }> {
    await fake.sendEnvelope('slash_commands', {
      team_id: 'T0ACME',
      channel_id: 'C0NEWS',
      user_id: 'U0ALICE',
      user_name: 'alice',
      command,
      text,
      api_app_id: 'A0FAKE',
      response_url: fake.responseUrl(`r${++replies}`),
      trigger_id: 't',
      token: 'x',
      team_domain: 'acme',
      channel_name: 'news',
    });
    const id = `r${replies}`;
    await fake.waitFor(() => fake.responses.some((r) => r.id === id), `reply to ${command} ${text}`);
    return fake.responses.find((r) => r.id === id)?.body as { response_type: string; text: string };
  }

  it('subscribes the channel in Redis, lists it, suggests on a typo and unsubscribes', async () => {
    const subscribed = await run('/subscribe', 'Kyiv Oblast strikes');
    expect(subscribed.response_type).toBe('in_channel');
    expect(subscribed.text).toContain('Subscribed to Kyiv Oblast');
    const stored = await new SubscriptionStore(redis, prefix).listByChannel({ platform: 'slack', workspace: 'T0ACME', channel: 'C0NEWS' });
    expect(stored.map((s) => [s.region, s.kinds, s.createdBy])).toEqual([['UA-32', ['strike'], 'U0ALICE']]);

    const listed = await run('/subscriptions', '');
    expect(listed.response_type).toBe('ephemeral');
    expect(listed.text).toContain('Kyiv Oblast (UA-32)');

    const typo = (await run('/subscribe', 'Kyiv Oblsat')) as { response_type: string; text: string; blocks: { text?: { text: string } }[] };
    expect(typo.response_type).toBe('ephemeral');
    expect(typo.blocks.map((b) => b.text?.text).join('\n')).toMatch(/Did you mean: .*Kyiv Oblast \(UA-32\)/);
    expect(
      await new SubscriptionStore(redis, prefix).listByChannel({ platform: 'slack', workspace: 'T0ACME', channel: 'C0NEWS' }),
    ).toHaveLength(1);

    expect((await run('/unsubscribe', 'all')).text).toContain('Removed 1 subscription');
    expect((await run('/incidents', 'kyiv oblast 6h')).text).toBe('No incidents found (incidents in Kyiv Oblast, last 6h).');
  });

  it('lists incidents newest first and links the one already posted in this channel', async () => {
    const store = new IncidentStore({ redis, prefix, ancestorsOf, retentionMs: 30 * 86_400_000 });
    const policy = createMatchPolicy({ strikeWindowHours: 12, negotiationWindowHours: 72 });
    for (const fixture of INCIDENT_STORIES)
      await recordReport(toIncidentReport(fixture.story, fixture.analysis, NOW), {
        incidents: store,
        policy,
        clock: () => NOW,
        pause: TIMER_PAUSE,
      });
    const first = await run('/incidents', 'kyiv oblast');
    const items = (first as unknown as { blocks: { type: string; accessory?: { url: string } }[] }).blocks.filter(
      (b) => b.type === 'section',
    );
    expect(items.length).toBeGreaterThan(1);
    expect(items.every((b) => b.accessory === undefined)).toBe(true);

    const [newest] = (await store.list({ region: 'UA-32', limit: 1 })).incidents;
    const log = createDeliveryLog(redis, prefix, 3600);
    const channel = { platform: 'slack' as const, workspace: 'T0ACME', channel: 'C0NEWS' };
    await log.recordPosted(
      newest?.id ?? '',
      toChannelKey(channel),
      { platform: 'slack', channel: 'C0NEWS', messageId: '1742893200.000100' },
      1,
    );

    const second = (await run('/incidents', 'kyiv oblast')) as unknown as { blocks: { type: string; accessory?: { url: string } }[] };
    const linked = second.blocks.filter((b) => b.type === 'section').map((b) => b.accessory?.url);
    expect(linked[0]).toBe('https://acme.slack.com/archives/C0NEWS/p1742893200000100');
    expect(linked.slice(1).every((url) => url === undefined)).toBe(true);
  });
});
