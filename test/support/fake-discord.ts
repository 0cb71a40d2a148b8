import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One request the fake received, body parsed as JSON when it was JSON. */
export interface RecordedRequest {
  method: string;
  /** Path after /api/v10, without the query. */
  path: string;
  query: string;
  auth: string | undefined;
  body: unknown;
  at: number;
}

export interface ScriptedReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface FakeDiscordOptions {
  token?: string;
  applicationId?: string;
  /** Milliseconds between heartbeats the gateway asks for. */
  heartbeatIntervalMs?: number;
}

/** A message the fake keeps, as the bot last sent it. */
export interface StoredMessage {
  id: string;
  channelId: string;
  body: Record<string, unknown>;
  edits: number;
}

type Handler = (req: RecordedRequest, match: RegExpMatchArray) => ScriptedReply;

/**
 * A local Discord on loopback for the real discord.js and @discordjs/rest: the REST routes the
 * bot uses and a gateway WebSocket (HELLO, IDENTIFY → READY, heartbeat ACK, dispatch).
 */
export class FakeDiscord {
  readonly token: string;
  readonly applicationId: string;
  readonly requests: RecordedRequest[] = [];
  readonly messages = new Map<string, StoredMessage>();
  readonly commands = new Map<string, Record<string, unknown>[]>();
  /** Gateway frames the bot sent (IDENTIFY, heartbeats …). */
  readonly gatewayFrames: { op: number; d: unknown }[] = [];
  heartbeatAcks = 0;
  apiUrl = '';
  /** A global rate limit: a number is the retry_after (seconds) of a global 429 answered instead. */
  rateLimit: ((req: RecordedRequest) => number | undefined) | undefined;
  private readonly scripted = new Map<string, ScriptedReply[]>();
  private readonly sockets = new Set<WebSocket>();
  private readonly server = createServer((req, res) => void this.serve(req, res));
  private readonly wss = new WebSocketServer({ server: this.server });
  private nextId = 1_000_000_000_000_000n;
  private seq = 0;
  private readonly heartbeatIntervalMs: number;

  constructor(options: FakeDiscordOptions = {}) {
    this.token = options.token ?? `fake.${randomBytes(8).toString('hex')}`;
    this.applicationId = options.applicationId ?? '111111111111111111';
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
    this.wss.on('connection', (socket) => this.greet(socket));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.apiUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api`;
    return this;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next requests whose `METHOD path` starts with `prefix` get these replies, in order. */
  script(prefix: string, ...replies: ScriptedReply[]): void {
    this.scripted.set(prefix, [...(this.scripted.get(prefix) ?? []), ...replies]);
  }

  newId(): string {
    this.nextId += 1n;
    return this.nextId.toString();
  }

  requestsTo(method: string, pathPattern: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && pathPattern.test(r.path));
  }

  /** Sends a dispatch event to every connected gateway client. */
  dispatch(event: string, data: unknown): void {
    for (const socket of this.sockets) this.send(socket, { op: 0, t: event, s: ++this.seq, d: data });
  }

  /** Resolves once a request matching the predicate arrived (polling the log: tests only). */
  async waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.requests.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error('fake Discord: expected request never came');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    let body: unknown = raw;
    try {
      body = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      // Not JSON: keep the text.
    }
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname).replace(/^\/api\/v10/, ''),
      query: url.search,
      auth: req.headers.authorization,
      body,
      at: Date.now(),
    };
    this.requests.push(recorded);
    const reply = this.reply(recorded);
    // Like Discord, message routes name their bucket, so @discordjs/rest learns one per channel.
    const bucket = /^\/channels\/\d+\/messages/.test(recorded.path)
      ? {
          'x-ratelimit-bucket': `${recorded.method}-messages`,
          'x-ratelimit-limit': '5',
          'x-ratelimit-remaining': '4',
          'x-ratelimit-reset-after': '1',
        }
      : {};
    const type = reply.status === 204 ? {} : { 'content-type': 'application/json' };
    res.writeHead(reply.status, { ...type, ...bucket, ...reply.headers });
    res.end(reply.status === 204 ? undefined : JSON.stringify(reply.body));
  }

  private reply(req: RecordedRequest): ScriptedReply {
    const retryAfter = this.rateLimit?.(req);
    if (retryAfter !== undefined) {
      const headers = { 'retry-after': String(Math.ceil(retryAfter)), 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' };
      return { status: 429, headers, body: { message: 'You are being rate limited.', retry_after: retryAfter, global: true } };
    }
    const key = `${req.method} ${req.path}`;
    for (const [prefix, queue] of this.scripted) if (key.startsWith(prefix) && queue.length > 0) return queue.shift()!;
    const needsBot = !req.path.startsWith('/interactions/') && !req.path.startsWith('/webhooks/');
    if (needsBot && req.auth !== `Bot ${this.token}`) return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    for (const [method, pattern, handler] of this.routes) {
      const match = req.method === method ? pattern.exec(req.path) : null;
      if (match) return handler(req, match);
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  private readonly routes: [string, RegExp, Handler][] = [
    ['GET', /^\/gateway\/bot$/, () => ({ status: 200, body: this.gatewayInfo() })],
    ['GET', /^\/users\/@me$/, () => ({ status: 200, body: this.botUser() })],
    ['GET', /^\/applications\/@me$/, () => ({ status: 200, body: { id: this.applicationId, name: 'wirewatch', flags: 0 } })],
    ['POST', /^\/channels\/(\d+)\/messages$/, (req, m) => this.createMessage(m[1]!, req.body as Record<string, unknown>)],
    ['PATCH', /^\/channels\/(\d+)\/messages\/(\d+)$/, (req, m) => this.editMessage(m[1]!, m[2]!, req.body as Record<string, unknown>)],
    ['POST', /^\/interactions\/(\d+)\/([^/]+)\/callback$/, () => ({ status: 204, body: undefined })],
    ['PATCH', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, (req) => this.createMessage('222', req.body as Record<string, unknown>)],
    [
      'GET',
      /^\/applications\/(\d+)(\/guilds\/(\d+))?\/commands$/,
      (_req, m) => ({ status: 200, body: this.commands.get(m[3] ?? 'global') ?? [] }),
    ],
    [
      'PUT',
      /^\/applications\/(\d+)(\/guilds\/(\d+))?\/commands$/,
      (req, m) => this.overwriteCommands(m[3], req.body as Record<string, unknown>[]),
    ],
  ];

  private gatewayInfo() {
    const { port } = this.server.address() as AddressInfo;
    return {
      url: `ws://127.0.0.1:${port}`,
      shards: 1,
      session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
    };
  }

  private botUser() {
    return { id: '333333333333333333', username: 'wirewatch', discriminator: '0', global_name: null, avatar: null, bot: true };
  }

  private createMessage(channelId: string, body: Record<string, unknown>): ScriptedReply {
    const id = this.newId();
    this.messages.set(id, { id, channelId, body, edits: 0 });
    return { status: 200, body: this.messageObject(id, channelId, body) };
  }

  private editMessage(channelId: string, id: string, body: Record<string, unknown>): ScriptedReply {
    const stored = this.messages.get(id);
    if (!stored || stored.channelId !== channelId) return { status: 404, body: { message: 'Unknown Message', code: 10008 } };
    stored.body = body;
    stored.edits += 1;
    return { status: 200, body: this.messageObject(id, channelId, body) };
  }

  private messageObject(id: string, channelId: string, body: Record<string, unknown>) {
    return {
      id,
      channel_id: channelId,
      type: 0,
      content: body.content ?? '',
      embeds: body.embeds ?? [],
      author: this.botUser(),
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
      flags: 0,
      components: [],
    };
  }

  private overwriteCommands(guildId: string | undefined, body: Record<string, unknown>[]): ScriptedReply {
    const stored = body.map((command) => ({
      ...command,
      id: this.newId(),
      application_id: this.applicationId,
      version: this.newId(),
      ...(guildId ? { guild_id: guildId } : {}),
    }));
    this.commands.set(guildId ?? 'global', stored);
    return { status: 200, body: stored };
  }

  private greet(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('message', (data) => this.onFrame(socket, JSON.parse(String(data)) as { op: number; d: unknown }));
    this.send(socket, { op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs } });
  }

  private onFrame(socket: WebSocket, frame: { op: number; d: unknown }): void {
    this.gatewayFrames.push(frame);
    if (frame.op === 1) {
      this.heartbeatAcks += 1;
      this.send(socket, { op: 11 });
    } else if (frame.op === 2) {
      const identify = frame.d as { token?: string };
      if (identify.token !== this.token) {
        socket.close(4004, 'Authentication failed.');
        return;
      }
      this.send(socket, {
        op: 0,
        t: 'READY',
        s: ++this.seq,
        d: {
          v: 10,
          user: this.botUser(),
          guilds: [],
          session_id: randomBytes(8).toString('hex'),
          resume_gateway_url: this.gatewayInfo().url,
          application: { id: this.applicationId, flags: 0 },
        },
      });
    }
  }

  private send(socket: WebSocket, frame: Record<string, unknown>): void {
    socket.send(JSON.stringify(frame));
  }
}

/** A slash-command interaction payload as Discord sends it. */
export function chatInputInteraction(
  fake: FakeDiscord,
  name: string,
  options: { name: string; value: string; type?: number; focused?: boolean }[],
  type = 2,
): Record<string, unknown> {
  const user = { id: '444444444444444444', username: 'analyst', discriminator: '0', global_name: 'Analyst', avatar: null };
  return {
    id: fake.newId(),
    application_id: fake.applicationId,
    type,
    token: `tok-${randomBytes(6).toString('hex')}`,
    version: 1,
    guild_id: '555555555555555555',
    channel_id: '666666666666666666',
    channel: { id: '666666666666666666', type: 0, guild_id: '555555555555555555', name: 'alerts' },
    member: { user, roles: [], permissions: '16', joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
    app_permissions: '19456',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': '555555555555555555' },
    context: 0,
    data: {
      id: fake.newId(),
      name,
      type: 1,
      options: options.map((o) => ({ type: o.type ?? 3, name: o.name, value: o.value, ...(o.focused ? { focused: true } : {}) })),
    },
  };
}
