import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runWirewatch } from '../../support/cli.js';
import { freePort } from '../../support/private-redis.js';

describe('start-up failures a person can act on', () => {
  it('REDIS_URL at a closed port exits 1 with redis_unreachable after the bounded wait', async () => {
    const port = await freePort();
    const result = await runWirewatch(['run'], {
      env: { REDIS_URL: `redis://:secret@127.0.0.1:${port}`, WIREWATCH_REDIS_WAIT_SECONDS: '1', LOG_LEVEL: 'warn' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`redis_unreachable: no Redis answers at redis://:***@127.0.0.1:${port} after 1 s (is Redis running?`);
    expect(result.stderr).not.toContain('secret');
  }, 20_000);

  it('reads .env from the working directory, and the environment wins over it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ww-dotenv-'));
    try {
      const [inFile, inEnv] = [await freePort(), await freePort()];
      await writeFile(
        join(dir, '.env'),
        `# copied from .env.example\nREDIS_URL=redis://127.0.0.1:${inFile}\nWIREWATCH_REDIS_WAIT_SECONDS=1\n`,
      );
      const fromFile = await runWirewatch(['run'], { cwd: dir });
      expect(fromFile.code).toBe(1);
      expect(fromFile.stderr).toContain(`redis_unreachable: no Redis answers at redis://127.0.0.1:${inFile} after 1 s`);
      const fromEnv = await runWirewatch(['run'], { cwd: dir, env: { REDIS_URL: `redis://127.0.0.1:${inEnv}` } });
      expect(fromEnv.stderr).toContain(`no Redis answers at redis://127.0.0.1:${inEnv} after 1 s`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
