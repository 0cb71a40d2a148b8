import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createSlackRuntime, type SlackRuntime } from '../../../adapters/slack/slack-runtime.js';
import { loadConfig } from '../../../jobs/config/load-config.js';
import { createSlackCommandRunners } from '../../../jobs/runtime/slack-platform.js';
import { SubscriptionStore } from '../../../src/store/subscription-store.js';
import { FakeSlack } from '../../support/fake-slack.js';
import { createTestRedis, deletePrefix, uniquePrefix } from '../../support/redis.js';

const logger = pino({ level: 'silent' });

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
    const commands = createSlackCommandRunners({ redis, prefix, config, clock: () => Date.parse('2026-12-01T10:00:00Z'), logger });
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
});
