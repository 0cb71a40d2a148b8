import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_VARS } from '../../jobs/config/env-vars.js';
import { loadConfig } from '../../jobs/config/load-config.js';
import { isWirewatchError, type WirewatchError } from '../../src/errors.js';
import { REPO_ROOT } from '../support/cli.js';

async function writeTemp(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ww-config-'));
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

async function problemsOf(env: Record<string, string>): Promise<string[]> {
  const error = await loadConfig(env).catch((e: unknown) => e);
  expect(isWirewatchError(error, 'config_invalid')).toBe(true);
  return (error as WirewatchError).detail?.problems as string[];
}

describe('loadConfig', () => {
  it('gives defaults with an empty environment', async () => {
    const config = await loadConfig({});
    expect(config.redis.prefix).toBe('{wirewatch}');
    expect(config.feedDefaults.intervalSeconds).toBe(60);
    expect(config.allowPrivateNetworks).toBe(false);
    expect(config.logLevel).toBe('info');
  });

  it('reads a YAML file and lets environment variables win', async () => {
    const file = await writeTemp(
      'c.yaml',
      'logLevel: debug\nfeeds:\n  - id: wire-a\n    url: https://example.org/feed.xml\n    intervalSeconds: 30\n',
    );
    const config = await loadConfig({ WIREWATCH_CONFIG: file, LOG_LEVEL: 'warn', WIREWATCH_ALLOW_PRIVATE_NETWORKS: 'true' });
    expect(config.logLevel).toBe('warn');
    expect(config.allowPrivateNetworks).toBe(true);
    expect(config.feeds).toEqual([{ id: 'wire-a', url: 'https://example.org/feed.xml', intervalSeconds: 30, enabled: true }]);
  });

  it('reads a JSON file', async () => {
    const file = await writeTemp('c.json', JSON.stringify({ incidents: { retentionDays: 7 } }));
    expect((await loadConfig({ WIREWATCH_CONFIG: file })).incidents.retentionDays).toBe(7);
  });

  it('lists every problem at once, naming the variable or file key', async () => {
    const file = await writeTemp('bad.yaml', 'feeds:\n  - id: wire-a\n    url: ftp://nowhere\n    intervalSeconds: -5\n');
    const problems = await problemsOf({ WIREWATCH_CONFIG: file, REDIS_URL: 'nonsense', LOG_LEVEL: 'loud', WIREWATCH_HTTP_PORT: '99999' });
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/^REDIS_URL: /m);
    expect(problems.join('\n')).toMatch(/^LOG_LEVEL: /m);
    expect(problems.join('\n')).toMatch(/^WIREWATCH_HTTP_PORT: /m);
    expect(problems.join('\n')).toContain('bad.yaml: feeds[0].url');
    expect(problems.join('\n')).toContain('bad.yaml: feeds[0].intervalSeconds');
  });

  it('reports an unreadable or malformed file by its variable', async () => {
    expect(await problemsOf({ WIREWATCH_CONFIG: '/nonexistent/wirewatch.yaml' })).toEqual([
      expect.stringMatching(/^WIREWATCH_CONFIG \(\/nonexistent/),
    ]);
    const file = await writeTemp('list.yaml', '- just\n- a list\n');
    expect(await problemsOf({ WIREWATCH_CONFIG: file })).toEqual([expect.stringMatching(/mapping/)]);
  });
});

describe('.env.example', () => {
  it('documents every environment variable with a comment', async () => {
    const text = await readFile(join(REPO_ROOT, '.env.example'), 'utf8');
    for (const v of ENV_VARS) expect(text).toMatch(new RegExp(`# .+\\n${v.name}=`));
  });
});
