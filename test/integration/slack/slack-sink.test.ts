import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderSlackAlert } from '../../../adapters/slack/render-slack-alert.js';
import { createSlackRuntime } from '../../../adapters/slack/slack-runtime.js';
import type { ChannelAddress } from '../../../src/domain/index.js';
import { formatAlert } from '../../../src/format/format-alert.js';
import { buchaStrike } from '../../fixtures/alerts/incidents.js';
import { codedFailure } from '../../support/coded-failure.js';
import { FakeSlack } from '../../support/fake-slack.js';

const logger = pino({ level: 'silent' });
const channel = (id: string): ChannelAddress => ({ platform: 'slack', workspace: 'T0ACME', channel: id });

describe('Slack sink against a fake Slack Web API', () => {
  let fake: FakeSlack;
  let now: number;
  const runtime = (extra: { adminChannel?: string; threadUpdates?: boolean } = {}) =>
    createSlackRuntime({ botToken: fake.botToken, apiUrl: fake.apiUrl, ...extra }, { logger, retries: 0, clock: () => now });

  beforeEach(async () => {
    fake = await new FakeSlack().start();
    now = Date.parse('2026-12-01T00:00:00Z');
  });
  afterEach(async () => fake.stop());

  it('posts the rendered alert and edits the same ts for a new version', async () => {
    const { sink } = runtime();
    const first = formatAlert(buchaStrike({ version: 1, history: [] }));
    const ref = await sink.post(channel('C0NEWS'), first);
    expect(ref).toEqual({ platform: 'slack', channel: 'C0NEWS', messageId: expect.stringMatching(/^\d+\.\d+$/) });
    const [posted] = fake.callsOf('chat.postMessage');
    expect(posted?.token).toBe(fake.botToken);
    expect(posted?.args).toEqual({ channel: 'C0NEWS', ...renderSlackAlert(first) });

    const second = formatAlert(buchaStrike());
    await sink.edit(ref, second);
    const [updated] = fake.callsOf('chat.update');
    const { text, blocks } = renderSlackAlert(second);
    expect(updated?.args).toEqual({ channel: 'C0NEWS', ts: ref.messageId, text, blocks });
    expect(fake.messages.get(`C0NEWS/${ref.messageId}`)?.text).toContain('death toll 11 → 18');
    expect(fake.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('holds back a channel for its Retry-After while other channels carry on', async () => {
    const { sink } = runtime();
    const alert = formatAlert(buchaStrike());
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 3 }, 'C0BUSY');

    const limited = await codedFailure(sink.post(channel('C0BUSY'), alert));
    expect(limited.code).toBe('delivery_rate_limited');
    expect(limited.detail?.retryAfterMs).toBe(3000);
    expect(limited.detail?.scope).toBe('channel');

    await expect(sink.post(channel('C0CALM'), alert)).resolves.toMatchObject({ channel: 'C0CALM' });

    now += 2_999;
    const held = await codedFailure(sink.post(channel('C0BUSY'), alert));
    expect(held.code).toBe('delivery_rate_limited');
    expect(held.detail?.retryAfterMs).toBe(1);
    expect(fake.callsOf('chat.postMessage').filter((c) => c.args.channel === 'C0BUSY')).toHaveLength(1);

    now += 1;
    await expect(sink.post(channel('C0BUSY'), alert)).resolves.toMatchObject({ channel: 'C0BUSY' });
    expect(fake.callsOf('chat.postMessage').filter((c) => c.args.channel === 'C0BUSY')).toHaveLength(2);
  });

  it.each(['channel_not_found', 'not_in_channel', 'is_archived', 'invalid_auth', 'account_inactive', 'missing_scope'])(
    'maps %s to a permanent error with the reason',
    async (reason) => {
      const { sink } = runtime();
      fake.failNext('chat.postMessage', { error: reason });
      const error = await codedFailure(sink.post(channel('C0GONE'), formatAlert(buchaStrike())));
      expect(error.code).toBe('delivery_permanent');
      expect(error.detail).toMatchObject({ reason, scope: 'channel' });
    },
  );

  it('treats a vanished message as permanent for that message only, and a Slack hiccup as transient', async () => {
    const { sink } = runtime();
    const gone = await codedFailure(sink.edit({ platform: 'slack', channel: 'C0NEWS', messageId: '1.0001' }, formatAlert(buchaStrike())));
    expect(gone.code).toBe('delivery_permanent');
    expect(gone.detail).toMatchObject({ reason: 'message_not_found', scope: 'message' });
    fake.failNext('chat.postMessage', { error: 'internal_error' });
    expect((await codedFailure(sink.post(channel('C0NEWS'), formatAlert(buchaStrike())))).code).toBe('delivery_failed');
  });

  it('sends operator notices to the admin channel as plain escaped text', async () => {
    const { sink } = runtime({ adminChannel: 'C0OPS' });
    await sink.notify({ kind: 'feed_failing', text: 'feed <!channel> kyiv-wire failing: feed_timeout', at: '2026-12-01T00:00:00Z' });
    expect(fake.callsOf('chat.postMessage')[0]?.args).toEqual({
      channel: 'C0OPS',
      text: '⚠️ wirewatch feed_failing: feed &lt;!channel&gt; kyiv-wire failing: feed_timeout',
      mrkdwn: false,
      unfurl_links: false,
      unfurl_media: false,
    });
  });

  it('replies in the thread on an edit when SLACK_THREAD_UPDATES is on', async () => {
    const { sink } = runtime({ threadUpdates: true });
    const ref = await sink.post(channel('C0NEWS'), formatAlert(buchaStrike({ version: 1, history: [] })));
    await sink.edit(ref, formatAlert(buchaStrike()));
    const reply = fake.callsOf('chat.postMessage')[1];
    expect(reply?.args).toMatchObject({ channel: 'C0NEWS', thread_ts: ref.messageId });
    expect(reply?.args.text).toBe('🔄 v3: death toll 11 → 18 · severity medium → high · hit: homes · 2 more sources');
  });
});
