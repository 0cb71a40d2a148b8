import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runWirewatch } from '../support/cli.js';
import { TEST_REDIS_URL } from '../support/redis.js';

describe('npm run demo', () => {
  it('is the demo command of the real binary', () => {
    const pkg = JSON.parse(readFileSync(resolve(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.demo).toBe('node bin/wirewatch.js demo');
  });

  it('posts one alert, edits it as the other outlets report, and alerts nothing for the labour strike or Lebanon', async () => {
    const result = await runWirewatch(['demo'], { env: { REDIS_URL: TEST_REDIS_URL } });
    expect(result.code, result.stderr).toBe(0);
    // Each alert or edit is a block starting with `── `; the narration lines (`▶ …`) are not alerts.
    const blocks = result.stdout.split(/^(?=── |▶ |Done: )/m).filter((b) => b.startsWith('── '));
    const posts = blocks.filter((b) => b.startsWith('── NEW ALERT'));
    const edits = blocks.filter((b) => b.startsWith('── UPDATE of'));
    expect(posts).toHaveLength(1);
    expect(edits.length).toBeGreaterThanOrEqual(1);
    expect(posts[0]).toMatch(/── STRIKE( \+ TALKS)? ·/);
    expect(posts[0]).toContain('Kyiv Oblast');
    const incident = /incident (\S+) v1/.exec(posts[0]!)?.[1];
    for (const edit of edits) expect(edit).toContain(`UPDATE of ${incident}`);
    expect(edits.at(-1)).toMatch(/sources \(3\): Northbank Post .*Eastern Ledger .*Harbour Daily/);
    for (const block of blocks) {
      expect(block).not.toMatch(/Rail workers|Belgium/);
      expect(block).not.toMatch(/Lebanon|Nabatieh/);
    }
    expect(result.stdout).toContain('Done: 1 alert posted');
  }, 60_000);
});
