import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../jobs/config/load-config.js';
import { parseSubscribeAllowed } from '../../../adapters/slack/slack-commands.js';

async function problemsOf(env: Record<string, string>): Promise<string[]> {
  try {
    await loadConfig(env);
    return [];
  } catch (error) {
    return ((error as { detail?: { problems?: string[] } }).detail?.problems ?? []) as string[];
  }
}

describe('Slack configuration', () => {
  it('reads every Slack variable', async () => {
    const config = await loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      SLACK_HTTP_PORT: '3100',
      SLACK_ADMIN_CHANNEL: 'C0OPS',
      SLACK_SUBSCRIBE_ALLOWED: 'U01, U02',
      SLACK_THREAD_UPDATES: 'true',
    });
    expect(config.slack).toEqual({
      botToken: 'xoxb-1',
      signingSecret: 's',
      httpPort: 3100,
      apiUrl: 'https://slack.com/api/',
      adminChannel: 'C0OPS',
      subscribeAllowed: 'U01, U02',
      threadUpdates: true,
    });
    expect((await loadConfig({})).slack).toEqual({ apiUrl: 'https://slack.com/api/', threadUpdates: false });
  });

  it('names each half-configured mode and bad value at once', async () => {
    expect(await problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_SUBSCRIBE_ALLOWED: 'everyone' })).toEqual([
      "SLACK_SUBSCRIBE_ALLOWED: must be 'admins' or a list of Slack user ids (U…), comma separated",
      'SLACK_SIGNING_SECRET: HTTP mode also needs SLACK_HTTP_PORT',
    ]);
    expect(await problemsOf({ SLACK_APP_TOKEN: 'xapp-1' })).toEqual(['SLACK_APP_TOKEN: Slack also needs SLACK_BOT_TOKEN']);
    expect(await problemsOf({ SLACK_BOT_TOKEN: 'xoxp-user', SLACK_HTTP_PORT: '3100' })).toEqual([
      'SLACK_BOT_TOKEN: must be a bot token (xoxb-…)',
      'SLACK_HTTP_PORT: HTTP mode also needs SLACK_SIGNING_SECRET',
    ]);
  });

  it('parses who may subscribe', () => {
    expect(parseSubscribeAllowed(undefined)).toEqual({ kind: 'anyone' });
    expect(parseSubscribeAllowed('Admins')).toEqual({ kind: 'admins' });
    expect(parseSubscribeAllowed('U01,U02 U03')).toEqual({ kind: 'users', ids: new Set(['U01', 'U02', 'U03']) });
  });
});
