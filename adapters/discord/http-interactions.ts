import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Routes, type APIInteraction, type REST } from 'discord.js';
import { handleInteraction, type InteractionDeps, type InteractionTransport } from './handle-interaction.js';
import { importPublicKey, isSignedByDiscord } from './verify-signature.js';

export interface HttpInteractionsOptions extends InteractionDeps {
  publicKey: string;
  port: number;
  host?: string;
  /** REST client for follow-ups (editing a deferred reply). */
  rest: REST;
  clock?: () => number;
}

export interface HttpInteractionsServer {
  port: number;
  close(): Promise<void>;
}

// Interaction payloads are a few kilobytes; anything far larger is not from Discord.
const MAX_BODY_BYTES = 256 * 1024;

/** `POST /interactions`: Discord's HTTP interactions endpoint, instead of the gateway. */
export async function startHttpInteractions(options: HttpInteractionsOptions): Promise<HttpInteractionsServer> {
  const key = importPublicKey(options.publicKey);
  const clock = options.clock ?? Date.now;
  const server: Server = createServer((req, res) => {
    void serve(req, res).catch((error: unknown) => {
      options.logger.error({ err: error }, 'interaction failed');
      if (!res.headersSent) send(res, 500, { error: 'internal_error' });
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/interactions') return send(res, 404, { error: 'not_found' });
    if (req.method !== 'POST') return send(res, 405, { error: 'method_not_allowed' });
    const body = await readBody(req);
    if (body === undefined) return send(res, 413, { error: 'too_large' });
    const signed = isSignedByDiscord(
      { signature: header(req, 'x-signature-ed25519'), timestamp: header(req, 'x-signature-timestamp'), body },
      key,
      clock(),
    );
    if (!signed) return send(res, 401, { error: 'invalid request signature' });
    let interaction: APIInteraction;
    try {
      interaction = JSON.parse(body.toString('utf8')) as APIInteraction;
    } catch {
      return send(res, 400, { error: 'body is not JSON' });
    }
    let answered = false;
    const transport: InteractionTransport = {
      respond(response) {
        answered = true;
        send(res, 200, response);
        return Promise.resolve();
      },
      async editOriginal(reply) {
        await options.rest.patch(Routes.webhookMessage(interaction.application_id, interaction.token), { body: reply, auth: false });
      },
    };
    await handleInteraction(interaction, transport, options);
    if (!answered) send(res, 400, { error: 'unsupported interaction type' });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
