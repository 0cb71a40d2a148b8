import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One Web API call as the fake received it: method, bearer token and the decoded arguments. */
export interface FakeSlackCall {
  method: string;
  token: string | undefined;
  args: Record<string, unknown>;
}

export type FakeFailure = { status: 429; retryAfter: number } | { status: 500 } | { error: string };

export interface FakeSlackUser {
  is_admin?: boolean;
  is_owner?: boolean;
}

/**
 * A Slack Web API and Socket Mode server on loopback, enough for the real @slack/bolt and
 * @slack/web-api clients: auth.test, chat.postMessage, chat.update, chat.postEphemeral,
 * users.info, apps.connections.open (whose URL points at the WebSocket here) and response_url.
 */
export class FakeSlack {
  readonly calls: FakeSlackCall[] = [];
  /** Bodies POSTed to response URLs, by response id. */
  readonly responses: { id: string; body: Record<string, unknown> }[] = [];
  /** Messages as they stand now, by `channel/ts`. */
  readonly messages = new Map<string, Record<string, unknown>>();
  readonly users = new Map<string, FakeSlackUser>();
  botToken = 'xoxb-test-token';
  appToken = 'xapp-test-token';
  private server: Server | undefined;
  private wss: WebSocketServer | undefined;
  private sockets = new Set<WebSocket>();
  /**
   * A platform rate limit: called for every Web API call; a number is the Retry-After (seconds)
   * of a 429 answered instead of the call (a workspace-wide limit, say).
   */
  rateLimit: ((method: string, channel: string | undefined) => number | undefined) | undefined;
  private failures: { method: string; channel?: string; failure: FakeFailure }[] = [];
  private counter = 0;
  private waiters: (() => void)[] = [];

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/response/${id}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void readBody(req).then((raw) => {
        const { status, headers, body } = this.handle(req, raw);
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
        this.notify();
      });
    });
    this.wss = new WebSocketServer({ server: this.server, path: '/socket' });
    this.wss.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0FAKE' } }));
      this.notify();
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss?.close(() => resolve()));
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** The next call of `method` (to `channel`, when given) fails this way; queued in order. */
  failNext(method: string, failure: FakeFailure, channel?: string): void {
    this.failures.push(channel === undefined ? { method, failure } : { method, channel, failure });
  }

  callsOf(method: string): FakeSlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  get socketCount(): number {
    return this.sockets.size;
  }

  /**
   * Sends a Socket Mode envelope (a slash command, say) and resolves with the client's ack,
   * as Slack would wait for it.
   */
  async sendEnvelope(type: string, payload: Record<string, unknown>): Promise<Record<string, unknown>> {
    const [socket] = this.sockets;
    if (!socket) throw new Error('no Socket Mode client is connected');
    const envelopeId = `env-${++this.counter}`;
    return new Promise((resolve) => {
      const onMessage = (data: Buffer) => {
        const message = JSON.parse(data.toString()) as Record<string, unknown>;
        if (message.envelope_id !== envelopeId) return;
        socket.off('message', onMessage);
        resolve(message);
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api' }));
    });
  }

  /** Resolves when `check` holds, re-checked after each request the fake answers. */
  async waitFor(check: () => boolean, what = 'condition', timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`fake Slack: timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private notify(): void {
    const waiters = this.waiters.splice(0);
    for (const wake of waiters) wake();
  }

  private handle(req: IncomingMessage, raw: string): { status: number; headers?: Record<string, string>; body: unknown } {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const response = /^\/response\/(.+)$/.exec(path);
    if (response) {
      this.responses.push({ id: response[1] ?? '', body: JSON.parse(raw || '{}') as Record<string, unknown> });
      return { status: 200, body: { ok: true } };
    }
    const method = /^\/api\/(.+)$/.exec(path)?.[1];
    if (!method) return { status: 404, body: { ok: false, error: 'unknown_path' } };
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const args = decodeArgs(raw, req.headers['content-type'] ?? '');
    this.calls.push({ method, token, args });
    const channel = typeof args.channel === 'string' ? args.channel : undefined;
    const retryAfter = this.rateLimit?.(method, channel);
    if (retryAfter !== undefined)
      return { status: 429, headers: { 'retry-after': String(retryAfter) }, body: { ok: false, error: 'ratelimited' } };
    const index = this.failures.findIndex((f) => f.method === method && (f.channel === undefined || f.channel === channel));
    if (index >= 0) {
      const failure = this.failures.splice(index, 1)[0]?.failure as FakeFailure;
      if ('status' in failure) {
        if (failure.status === 500) return { status: 500, body: { ok: false, error: 'internal_error' } };
        return { status: 429, headers: { 'retry-after': String(failure.retryAfter) }, body: { ok: false, error: 'ratelimited' } };
      }
      return { status: 200, body: { ok: false, error: failure.error } };
    }
    return { status: 200, body: this.answer(method, token, args) };
  }

  private answer(method: string, token: string | undefined, args: Record<string, unknown>): Record<string, unknown> {
    if (method === 'apps.connections.open') {
      return token === this.appToken ? { ok: true, url: `${this.url.replace('http', 'ws')}/socket` } : { ok: false, error: 'invalid_auth' };
    }
    if (token !== this.botToken) return { ok: false, error: 'invalid_auth' };
    const channel = String(args.channel ?? '');
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://acme.slack.com/',
          team: 'Acme',
          team_id: 'T0ACME',
          user: 'wirewatch',
          user_id: 'U0BOT',
          bot_id: 'B0BOT',
        };
      case 'chat.postMessage': {
        const ts = `${1_764_500_000 + ++this.counter}.000${this.counter}`;
        this.messages.set(`${channel}/${ts}`, args);
        return { ok: true, channel, ts, message: { ts, text: args.text } };
      }
      case 'chat.update': {
        const key = `${channel}/${String(args.ts)}`;
        if (!this.messages.has(key)) return { ok: false, error: 'message_not_found' };
        this.messages.set(key, args);
        return { ok: true, channel, ts: args.ts, text: args.text };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${1_764_500_000 + ++this.counter}.0001` };
      case 'users.info': {
        const user = this.users.get(String(args.user));
        return user ? { ok: true, user: { id: args.user, ...user } } : { ok: false, error: 'user_not_found' };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** web-api sends form fields, with arrays and objects (blocks) JSON-encoded inside them. */
function decodeArgs(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return JSON.parse(raw || '{}') as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value === 'true' ? true : value === 'false' ? false : value;
  }
  return args;
}
