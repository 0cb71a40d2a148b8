import type { IncomingMessage, RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, webApi } from '@slack/bolt';
import type { Clock, Logger } from '../../src/domain/index.js';
import { WirewatchError } from '../../src/errors.js';
import { toBoltLogger } from './bolt-logger.js';
import { mapSlackError } from './map-slack-error.js';
import { parseSubscribeAllowed, registerSlackCommands, type CommandRunners } from './slack-commands.js';
import { createSlackSink, type SlackSink } from './slack-sink.js';

/** The Slack part of the config (src/config schema `slack`). */
export interface SlackRuntimeConfig {
  botToken: string;
  appToken?: string | undefined;
  signingSecret?: string | undefined;
  httpPort?: number | undefined;
  apiUrl: string;
  adminChannel?: string | undefined;
  /** SLACK_SUBSCRIBE_ALLOWED as written: user ids, or `admins`. */
  subscribeAllowed?: string | undefined;
  threadUpdates?: boolean | undefined;
}

export interface SlackRuntimeDeps {
  logger: Logger;
  /** The use cases behind the slash commands; a missing one answers "not available". */
  commands?: CommandRunners;
  clock?: Clock;
  /** Web API retries for 5xx/network errors (429s are never retried here: the queue backs off). */
  retries?: number;
  requestTimeoutMs?: number;
  /** HTTP mode: interface to listen on (default all). */
  httpHost?: string;
  /**
   * false: only post (the deliver side), whatever the tokens say. Slash commands are served by
   * one process per deployment, so HTTP mode never has two processes on one port and Socket
   * Mode never has one per worker.
   */
  inbound?: boolean;
}

export type SlackMode = 'socket' | 'http' | 'outbound';

export interface SlackRuntime {
  readonly mode: SlackMode;
  readonly sink: SlackSink;
  /** Checks the token with auth.test, then connects Socket Mode or opens the HTTP endpoint. */
  start(): Promise<{ mode: SlackMode; team: string; httpPort?: number }>;
  stop(): Promise<void>;
}

/** Slack's own replay window; Bolt checks the past side, we add the future side. */
const SIGNATURE_WINDOW_MS = 5 * 60_000;
const TOKEN_REFUSALS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired']);

/**
 * Everything Slack in one place: a Web API client for posting (the `Sink`), and a Bolt `App` for
 * slash commands over Socket Mode (SLACK_APP_TOKEN, the self-hosting default: no public URL) or
 * HTTP (SLACK_SIGNING_SECRET + SLACK_HTTP_PORT, `POST /slack/events`). Without either it only posts.
 */
export function createSlackRuntime(config: SlackRuntimeConfig, deps: SlackRuntimeDeps): SlackRuntime {
  const logger = deps.logger.child({ component: 'slack' });
  const boltLogger = toBoltLogger(deps.logger);
  const clock = deps.clock ?? Date.now;
  const clientOptions = {
    slackApiUrl: config.apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: deps.retries ?? 2, factor: 2, minTimeout: 500, maxTimeout: 5_000 },
    timeout: deps.requestTimeoutMs ?? 10_000,
    logger: boltLogger,
  };
  const client = new webApi.WebClient(config.botToken, clientOptions);
  const inboundMode: SlackMode = config.appToken ? 'socket' : config.signingSecret && config.httpPort !== undefined ? 'http' : 'outbound';
  const mode: SlackMode = deps.inbound === false ? 'outbound' : inboundMode;
  const sink = createSlackSink({
    client,
    logger,
    clock,
    ...(config.adminChannel ? { adminChannel: config.adminChannel } : {}),
    ...(config.threadUpdates ? { threadUpdates: true } : {}),
  });
  let app: App | undefined;

  async function checkToken(): Promise<{ team: string; url: string; botId: string; botUserId: string }> {
    try {
      const auth = await client.auth.test();
      return { team: auth.team_id ?? '', url: auth.url ?? 'https://slack.com/', botId: auth.bot_id ?? '', botUserId: auth.user_id ?? '' };
    } catch (error) {
      const mapped = mapSlackError(error, 'auth.test');
      const reason = mapped.detail?.reason;
      if (typeof reason === 'string' && TOKEN_REFUSALS.has(reason)) {
        throw new WirewatchError('config_invalid', `SLACK_BOT_TOKEN was refused by Slack (${reason}): check the bot token in .env`, {
          cause: error,
          detail: { reason },
        });
      }
      throw mapped;
    }
  }

  return {
    mode,
    sink,
    async start() {
      const auth = await checkToken();
      const identity = { token: config.botToken, botId: auth.botId, botUserId: auth.botUserId, logger: boltLogger, clientOptions };
      if (mode === 'outbound' && inboundMode !== 'outbound') {
        logger.info({ team: auth.team }, 'slack: posting; slash commands are answered by `wirewatch run`');
        return { mode, team: auth.team };
      }
      if (mode === 'outbound') {
        logger.warn(
          { team: auth.team },
          'slack: posting only; set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET + SLACK_HTTP_PORT for slash commands',
        );
        return { mode, team: auth.team };
      }
      let httpPort: number | undefined;
      if (mode === 'socket') {
        app = new App({ ...identity, appToken: config.appToken ?? '', socketMode: true });
      } else {
        const receiver = new HTTPReceiver({ signingSecret: config.signingSecret ?? '', endpoints: '/slack/events', logger: boltLogger });
        receiver.requestListener = rejectFutureTimestamps(receiver.requestListener, clock);
        app = new App({ ...identity, receiver });
      }
      registerSlackCommands({
        app,
        client,
        runners: deps.commands ?? {},
        allowed: parseSubscribeAllowed(config.subscribeAllowed),
        workspaceUrl: auth.url,
        logger,
        clock,
      });
      app.error(async (error) => logger.error({ err: error }, 'slack app error'));
      try {
        const started = await (mode === 'socket' ? app.start() : app.start({ port: config.httpPort ?? 0, host: deps.httpHost }));
        if (mode === 'http') httpPort = ((started as Server).address() as AddressInfo).port;
      } catch (error) {
        throw new WirewatchError(
          'config_invalid',
          `Slack ${mode === 'socket' ? 'Socket Mode' : 'HTTP mode'} could not start: ${(error as Error).message}`,
          {
            cause: error,
          },
        );
      }
      logger.info(
        { mode, team: auth.team, httpPort },
        mode === 'socket' ? 'slack: Socket Mode connected' : `slack: HTTP mode on port ${httpPort}`,
      );
      return httpPort === undefined ? { mode, team: auth.team } : { mode, team: auth.team, httpPort };
    },
    async stop() {
      await app?.stop();
      app = undefined;
    },
  };
}

/**
 * Bolt rejects a signature older than five minutes but accepts one from the future; a request
 * stamped ahead of our clock by more than the window is refused here before Bolt sees it.
 */
function rejectFutureTimestamps(inner: RequestListener, clock: Clock): RequestListener {
  return (req: IncomingMessage, res) => {
    const stamp = Number(req.headers['x-slack-request-timestamp']);
    if (Number.isFinite(stamp) && stamp * 1000 > clock() + SIGNATURE_WINDOW_MS) {
      res.writeHead(401).end();
      return;
    }
    inner(req, res);
  };
}
