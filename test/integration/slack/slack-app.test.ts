import { createHmac } from 'node:crypto';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext, CommandRunners } from '../../../adapters/slack/slack-commands.js';
import { createSlackRuntime, type SlackRuntime } from '../../../adapters/slack/slack-runtime.js';
import { WirewatchError, isWirewatchError } from '../../../src/errors.js';
import { formatIncidentList } from '../../../src/format/format-incident-list.js';
import { buchaStrike } from '../../fixtures/alerts/incidents.js';
import { FakeSlack } from '../../support/fake-slack.js';

const logger = pino({ level: 'silent' });
const SECRET = 'test-signing-secret';

interface Seen {
  command: string;
  text: string;
  context: CommandContext;
}

/** Use cases that record what they were asked, standing in for src/commands. */
function recordingRunners(seen: Seen[]): CommandRunners {
  const record = (command: string) => async (text: string, context: CommandContext) => {
    seen.push({ command, text, context });
    if (text.includes('atlantis')) {
      throw new WirewatchError('command_invalid', "unknown region 'atlantis'", { detail: { suggestions: ['Antalya'] } });
    }
    if (command === 'incidents') {
      const link = context.linkToMessage({ platform: 'slack', channel: context.channel.channel, messageId: '1764500001.0001' });
      return formatIncidentList([buchaStrike()], { alertLinks: new Map([['inc-bucha-night', link]]) });
    }
    return { type: 'success' as const, title: `${command} ok`, lines: [text] };
  };
  return {
    incidents: record('incidents'),
    subscribe: record('subscribe'),
    unsubscribe: record('unsubscribe'),
    subscriptions: record('subscriptions'),
  };
}

function commandPayload(fake: FakeSlack, command: string, text: string, user = 'U0ALICE') {
  return {
    token: 'verification-token-unused',
    team_id: 'T0ACME',
    team_domain: 'acme',
    channel_id: 'C0NEWS',
    channel_name: 'news',
    user_id: user,
    user_name: 'alice',
    command,
    text,
    api_app_id: 'A0FAKE',
    response_url: fake.responseUrl(`${command.slice(1)}-${text.length}-${user}`),
    trigger_id: 'trigger',
  };
}

describe('Slack app in Socket Mode against a fake Slack', () => {
  let fake: FakeSlack;
  let runtime: SlackRuntime | undefined;
  const seen: Seen[] = [];

  beforeEach(async () => {
    fake = await new FakeSlack().start();
    seen.length = 0;
  });
  afterEach(async () => {
    await runtime?.stop();
    runtime = undefined;
    await fake.stop();
  });

  const start = async (extra: { subscribeAllowed?: string; botToken?: string } = {}) => {
    runtime = createSlackRuntime(
      { botToken: extra.botToken ?? fake.botToken, appToken: fake.appToken, apiUrl: fake.apiUrl, subscribeAllowed: extra.subscribeAllowed },
      { logger, retries: 0, commands: recordingRunners(seen) },
    );
    return runtime.start();
  };

  it('checks the token, connects, acks a slash command and answers through response_url', async () => {
    await expect(start()).resolves.toEqual({ mode: 'socket', team: 'T0ACME' });
    expect(fake.callsOf('auth.test')).toHaveLength(1);
    expect(fake.callsOf('apps.connections.open')[0]?.token).toBe(fake.appToken);

    const ack = await fake.sendEnvelope('slash_commands', commandPayload(fake, '/incidents', 'kyiv oblast 6h'));
    expect(ack).toMatchObject({ envelope_id: expect.any(String) });
    await fake.waitFor(() => fake.responses.length === 1, 'the /incidents reply');

    expect(seen).toHaveLength(1);
    expect(seen[0]?.text).toBe('kyiv oblast 6h');
    expect(seen[0]?.context.channel).toEqual({ platform: 'slack', workspace: 'T0ACME', channel: 'C0NEWS' });
    const body = fake.responses[0]?.body as { response_type: string; blocks: { accessory?: { url: string } }[] };
    expect(body.response_type).toBe('ephemeral');
    expect(body.blocks[1]?.accessory?.url).toBe('https://acme.slack.com/archives/C0NEWS/p17645000010001');
  });

  it('acks before the use case finishes, so a slow store never trips the 3 s limit', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    runtime = createSlackRuntime(
      { botToken: fake.botToken, appToken: fake.appToken, apiUrl: fake.apiUrl },
      {
        logger,
        retries: 0,
        commands: {
          subscriptions: async () => {
            await gate;
            return { type: 'success', title: 'done', lines: [] };
          },
        },
      },
    );
    await runtime.start();
    const ack = await fake.sendEnvelope('slash_commands', commandPayload(fake, '/subscriptions', ''));
    expect(ack.envelope_id).toEqual(expect.any(String));
    expect(fake.responses).toHaveLength(0);
    release();
    await fake.waitFor(() => fake.responses.length === 1, 'the reply after the gate opens');
    expect((fake.responses[0]?.body as { text: string }).text).toBe('✅ done');
  });

  it('answers a bad argument ephemerally with usage and did-you-mean', async () => {
    await start();
    await fake.sendEnvelope('slash_commands', commandPayload(fake, '/subscribe', 'atlantis strikes'));
    await fake.waitFor(() => fake.responses.length === 1, 'the /subscribe reply');
    const body = fake.responses[0]?.body as { response_type: string; text: string; blocks: { text?: { text: string } }[] };
    expect(body.response_type).toBe('ephemeral');
    expect(body.blocks[0]?.text?.text).toBe("⚠️ unknown region 'atlantis'");
    expect(body.blocks[1]?.text?.text).toBe('Did you mean: Antalya?');
    expect(body.text).toContain('Usage: /subscribe &lt;region&gt;');
  });

  it('lets only workspace admins subscribe when SLACK_SUBSCRIBE_ALLOWED=admins', async () => {
    fake.users.set('U0ADMIN', { is_admin: true });
    fake.users.set('U0ALICE', {});
    await start({ subscribeAllowed: 'admins' });
    await fake.sendEnvelope('slash_commands', commandPayload(fake, '/subscribe', 'Kyiv Oblast', 'U0ALICE'));
    await fake.sendEnvelope('slash_commands', commandPayload(fake, '/subscribe', 'Kyiv Oblast', 'U0ADMIN'));
    await fake.waitFor(() => fake.responses.length === 2, 'both replies');
    expect(seen.map((s) => s.context.user)).toEqual(['U0ADMIN']);
    const refused = fake.responses.find((r) => r.id.endsWith('U0ALICE'))?.body as { response_type: string; text: string };
    expect(refused.response_type).toBe('ephemeral');
    expect(refused.text).toContain('SLACK_SUBSCRIBE_ALLOWED');
    const granted = fake.responses.find((r) => r.id.endsWith('U0ADMIN'))?.body as { response_type: string };
    expect(granted.response_type).toBe('in_channel');
    expect(fake.callsOf('users.info').map((c) => c.args.user)).toEqual(['U0ALICE', 'U0ADMIN']);
  });

  it('stops start-up with a coded error when Slack refuses the bot token', async () => {
    const error = await start({ botToken: 'xoxb-wrong' }).catch((e: unknown) => e);
    expect(isWirewatchError(error, 'config_invalid')).toBe(true);
    expect((error as Error).message).toContain('SLACK_BOT_TOKEN was refused by Slack (invalid_auth)');
    expect(fake.callsOf('apps.connections.open')).toHaveLength(0);
    runtime = undefined;
  });
});

describe('Slack app in HTTP mode: only correctly signed, fresh requests change anything', () => {
  let fake: FakeSlack;
  let runtime: SlackRuntime;
  let port: number;
  const seen: Seen[] = [];

  beforeEach(async () => {
    fake = await new FakeSlack().start();
    seen.length = 0;
    runtime = createSlackRuntime(
      { botToken: fake.botToken, signingSecret: SECRET, httpPort: 0, apiUrl: fake.apiUrl },
      { logger, retries: 0, commands: recordingRunners(seen), httpHost: '127.0.0.1' },
    );
    const started = await runtime.start();
    expect(started.mode).toBe('http');
    port = started.httpPort ?? 0;
  });
  afterEach(async () => {
    await runtime.stop();
    await fake.stop();
  });

  const sign = (timestamp: number, body: string, secret = SECRET) =>
    `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const post = (body: string, timestamp: number, signature: string) =>
    fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signature,
      },
      body,
    });

  it('accepts the valid request and refuses forged, stale, future and altered ones', async () => {
    const nowSec = Math.floor(Date.now() / 1000);
    const body = (text: string) => new URLSearchParams(commandPayload(fake, '/subscribe', text)).toString();

    const forged = await post(body('forged'), nowSec, sign(nowSec, body('forged'), 'not-the-secret'));
    const stale = await post(body('stale'), nowSec - 6 * 60, sign(nowSec - 6 * 60, body('stale')));
    const future = await post(body('future'), nowSec + 6 * 60, sign(nowSec + 6 * 60, body('future')));
    const altered = await post(body('altered'), nowSec, sign(nowSec, body('original')));
    expect([forged.status, stale.status, future.status, altered.status]).toEqual([401, 401, 401, 401]);

    const valid = await post(body('Kyiv Oblast'), nowSec, sign(nowSec, body('Kyiv Oblast')));
    expect(valid.status).toBe(200);
    await fake.waitFor(() => fake.responses.length === 1, 'the reply to the valid request');
    expect(seen.map((s) => s.text)).toEqual(['Kyiv Oblast']);
    expect(fake.responses).toHaveLength(1);
  });
});
