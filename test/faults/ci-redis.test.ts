import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answersPing } from '../../jobs/runtime/redis.js';
import { REPO_ROOT } from '../support/cli.js';
import { freePort } from '../support/private-redis.js';

// Fault row: `.ci/run` makes sure Redis answers. Its Redis part (.ci/redis.sh) runs here for real
// on a free port: it starts redis-server, stops only that one, installs it with apt-get when it is
// missing (apt-get is a recording stand-in on a PATH without redis-server: CI must not really
// install packages from a test), and fails hard when the server never answers.
const SCRIPT = resolve(REPO_ROOT, '.ci/redis.sh');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function runCi(port: number, steps: string, path = process.env.PATH ?? '') {
  const result = spawnSync('/bin/bash', ['-c', `set -euo pipefail; source ${SCRIPT}; ${steps}`], {
    env: { PATH: path, HOME: tmpdir(), CI_REDIS_PORT: String(port) },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

/** A PATH of the few tools the script uses, without redis-server, plus `extra` executables. */
function bareBin(extra: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ww-ci-bin-'));
  dirs.push(dir);
  for (const tool of ['id', 'mktemp', 'seq', 'sleep', 'cat']) symlinkSync(`/usr/bin/${tool}`, join(dir, tool));
  for (const [name, body] of Object.entries(extra)) {
    writeFileSync(join(dir, name), `#!/bin/bash\n${body}\n`);
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}

describe('fault: .ci/run and its Redis', () => {
  it('starts redis-server when nothing answers, and stops the one it started', async () => {
    const port = await freePort();
    const run = runCi(port, 'ensure_redis; echo "pid=$CI_REDIS_STARTED_PID"; redis_answers && echo answering; stop_started_redis');
    expect(run.status, run.out).toBe(0);
    expect(run.out).toMatch(/pid=\d+/);
    expect(run.out).toContain('answering');
    for (let i = 0; i < 50 && (await answersPing(`redis://127.0.0.1:${port}`, 200)); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await answersPing(`redis://127.0.0.1:${port}`, 200)).toBe(false);
  });

  it('leaves a Redis that was already running alone', async () => {
    const run = runCi(6379, 'ensure_redis; stop_started_redis');
    expect(run.status, run.out).toBe(0);
    expect(run.out).toContain('already answering');
    expect(await answersPing('redis://127.0.0.1:6379', 1000)).toBe(true);
  });

  it('installs redis-server with apt-get when it is missing', async () => {
    const port = await freePort();
    const log = join(mkdtempSync(join(tmpdir(), 'ww-ci-log-')), 'apt.log');
    dirs.push(resolve(log, '..'));
    const bin = bareBin({});
    writeFileSync(
      join(bin, 'apt-get'),
      `#!/bin/bash\necho "$*" >> ${log}\n[ "$1" = install ] || [ "$2" = install ] || [ "$3" = install ] && /bin/ln -sf /usr/bin/redis-server ${bin}/redis-server\nexit 0\n`,
    );
    chmodSync(join(bin, 'apt-get'), 0o755);
    const run = runCi(port, 'ensure_redis; stop_started_redis', bin);
    expect(run.status, run.out).toBe(0);
    expect(run.out).toContain('installing it with apt');
    expect(readFileSync(log, 'utf8')).toMatch(/install -y -qq redis-server/);
  });

  it('fails hard when the server it started never answers', async () => {
    const port = await freePort();
    const run = runCi(port, 'ensure_redis || exit 1; echo unreachable', bareBin({ 'redis-server': 'exit 0' }));
    expect(run.status).toBe(1);
    expect(run.out).toContain('did not answer');
    expect(run.out).not.toContain('unreachable');
  }, 20_000);
});
