import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import type { Logger } from '../../src/domain/index.js';
import { WirewatchError } from '../../src/errors.js';

export const LOCAL_REDIS_URL = 'redis://127.0.0.1:6379';

export interface RedisEndpoint {
  url: string;
  /** Where it came from, for the start-up log line. */
  origin: 'configured' | 'local-default' | 'spawned';
  /** Stops a redis-server we started ourselves; a no-op otherwise. */
  stop(): Promise<void>;
}

/**
 * Finds the Redis to use: REDIS_URL when set; else 127.0.0.1:6379 when it answers; else a
 * redis-server from PATH, spawned with AOF persistence in `dataDir` on a free port.
 */
export async function resolveRedis(options: {
  url: string | undefined;
  dataDir: string;
  logger: Logger;
  /** Overridable so tests can exercise the spawn path while a local Redis runs. */
  localUrl?: string;
  redisServer?: string;
  /** How long a configured Redis may take to answer before start-up gives up (default 10 s). */
  waitMs?: number;
}): Promise<RedisEndpoint> {
  const noop = () => Promise.resolve();
  if (options.url) {
    await waitForRedis(options.url, options.waitMs ?? 10_000);
    return { url: options.url, origin: 'configured', stop: noop };
  }
  const localUrl = options.localUrl ?? LOCAL_REDIS_URL;
  if (await answersPing(localUrl)) return { url: localUrl, origin: 'local-default', stop: noop };
  return spawnRedis(options.dataDir, options.logger, options.redisServer ?? 'redis-server');
}

export async function answersPing(url: string, timeoutMs = 1500): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * A configured Redis that never answers must stop start-up with a message a person can act on,
 * not retry ECONNREFUSED forever; a Redis that is just starting (a container next door) gets
 * `waitMs` to come up.
 */
async function waitForRedis(url: string, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  do {
    if (await answersPing(url, 1000)) return;
    await new Promise((done) => setTimeout(done, 250));
  } while (Date.now() < deadline);
  throw new WirewatchError(
    'redis_unreachable',
    `no Redis answers at ${redactUrl(url)} after ${Math.round(waitMs / 1000)} s (is Redis running? set REDIS_URL to one that is, ` +
      'or unset it to use 127.0.0.1:6379 or a spawned redis-server)',
  );
}

/** The URL as logged: never its password. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

async function spawnRedis(dataDir: string, logger: Logger, executable: string): Promise<RedisEndpoint> {
  const dir = resolve(dataDir);
  await mkdir(dir, { recursive: true });
  const port = await freePort();
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--appendonly',
    'yes',
    '--save',
    '',
    '--maxmemory-policy',
    'noeviction',
  ];
  const child = spawn(executable, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const started = await new Promise<boolean>((done) => {
    child.once('error', () => done(false));
    child.once('spawn', () => done(true));
  });
  if (!started) {
    throw new WirewatchError(
      'redis_unavailable',
      'no Redis found: nothing answers on 127.0.0.1:6379, REDIS_URL is not set, and redis-server is not on PATH. ' +
        'Install Redis 6.2+ (e.g. `apt-get install redis-server` or `brew install redis`) or set REDIS_URL=redis://host:port.',
    );
  }
  const url = `redis://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 50 && !(await answersPing(url, 500)); attempt++) {
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!(await answersPing(url, 500))) {
    child.kill('SIGKILL');
    throw new WirewatchError('redis_unavailable', `spawned redis-server on port ${port} did not answer`);
  }
  logger.info({ url, dataDir: dir, pid: child.pid }, 'started own redis-server (AOF persistence)');
  return { url, origin: 'spawned', stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** A connection fit for BullMQ workers (which need maxRetriesPerRequest: null). */
export function connectRedis(url: string, logger: Logger): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
  // ioredis reports every failed reconnect attempt; an operator needs to hear once that Redis
  // is gone (and that we keep retrying), and once that it is back.
  let lost = false;
  client.on('error', (error) => {
    if (lost) return;
    lost = true;
    logger.warn({ err: error, redis: redactUrl(url) }, 'lost Redis; retrying until it answers again');
  });
  client.on('ready', () => {
    if (!lost) return;
    lost = false;
    logger.info({ redis: redactUrl(url) }, 'Redis is back');
  });
  return client;
}

/** BullMQ needs `noeviction`: with any other policy Redis may silently drop queue keys. */
export async function warnOnEvictionPolicy(client: Redis, logger: Logger): Promise<string | undefined> {
  try {
    const reply = (await client.config('GET', 'maxmemory-policy')) as string[];
    const policy = reply[1];
    if (policy !== undefined && policy !== 'noeviction') {
      logger.warn(
        { policy },
        `REDIS MISCONFIGURED: maxmemory-policy is '${policy}', must be 'noeviction' or queued jobs and state can be evicted`,
      );
    }
    return policy;
  } catch {
    // Managed Redis often disables CONFIG; nothing to check then.
    return undefined;
  }
}

/**
 * For read-only commands (`status`, `explain --dropped`): the Redis that `run` uses, without ever
 * spawning one — a fresh spawned server would hold nothing worth reading.
 */
export async function connectExistingRedis(configuredUrl: string | undefined, logger: Logger): Promise<{ url: string; redis: Redis }> {
  const url = configuredUrl ?? LOCAL_REDIS_URL;
  if (!(await answersPing(url)))
    throw new WirewatchError('redis_unavailable', `no Redis answers at ${url}; set REDIS_URL to the one wirewatch run uses`);
  return { url, redis: connectRedis(url, logger) };
}
