import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/cli.js';
import { FakeSlack } from '../../support/fake-slack.js';
import { createTestRedis, deletePrefix, TEST_REDIS_URL, uniquePrefix } from '../../support/redis.js';

// Slash commands are served by `wirewatch run` only: a `worker --queues deliver` beside it posts
// alerts but never opens Slack's HTTP endpoint, so the two do not fight over SLACK_HTTP_PORT.
const prefix = uniquePrefix('slack-inbound');
const fake = new FakeSlack();
let port = 0;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port: free } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return free;
}

/** The real binary, its log collected; `ready` resolves once it says it is running. */
function start(args: string[]): { child: ChildProcess; logs: () => string; ready: Promise<void>; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [resolve(REPO_ROOT, 'bin/wirewatch.js'), ...args], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      REDIS_URL: TEST_REDIS_URL,
      WIREWATCH_REDIS_PREFIX: prefix,
      SLACK_BOT_TOKEN: fake.botToken,
      SLACK_API_URL: fake.apiUrl,
      SLACK_SIGNING_SECRET: 'inbound-owner-test-secret',
      SLACK_HTTP_PORT: String(port),
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let logs = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((done) => (markReady = done));
  const collect = (d: Buffer) => {
    logs += d.toString();
    if (logs.includes('wirewatch running')) markReady();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  return { child, logs: () => logs, ready, exited };
}

/** The status of an unsigned POST to the Slack endpoint, or 'refused' when nothing listens there. */
function probe(): Promise<number | 'refused'> {
  return new Promise((done) => {
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/slack/events',
      headers: { 'content-type': 'application/json' },
    });
    req.on('response', (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on('error', () => done('refused'));
    req.end('{}');
  });
}

beforeAll(async () => {
  await fake.start();
  port = await freePort();
});

afterAll(async () => {
  await fake.stop();
  const redis = createTestRedis();
  await deletePrefix(redis, prefix);
  redis.disconnect();
});

describe('who serves Slack slash commands', () => {
  it('`run` binds SLACK_HTTP_PORT and a deliver worker beside it does not', async () => {
    const run = start(['run']);
    await run.ready;
    expect(run.logs()).toContain(`slack: HTTP mode on port ${port}`);
    expect(await probe()).toBe(401);

    const worker = start(['worker', '--queues', 'deliver']);
    await worker.ready;
    // It checked the token and posts, but left the endpoint to `run`.
    expect(worker.logs()).toContain('slack: posting; slash commands are answered by `wirewatch run`');
    expect(worker.logs()).not.toContain('HTTP mode');
    expect(worker.logs()).not.toContain('config_invalid');

    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    // With `run` gone nothing listens on the port: the worker never had it.
    expect(await probe()).toBe('refused');
    worker.child.kill('SIGINT');
    expect(await worker.exited).toBe(0);
    expect(fake.callsOf('auth.test').length).toBeGreaterThanOrEqual(2);
  }, 60_000);
});
