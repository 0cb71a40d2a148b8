import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNode } from '../support/cli.js';

/** Three labelled stories the project wrote for this test (not corpus items). */
const CORPUS = [
  { id: 'p-1', title: 'Drones hit a power plant near Kharkiv overnight, injuring two workers', kinds: ['strike'], regions: ['UA-63'] },
  { id: 'p-2', title: 'Envoys meet in Geneva to discuss a ceasefire between Russia and Ukraine', kinds: ['negotiation'], regions: [] },
  { id: 'p-3', title: 'Dock workers strike at a North Sea port over pay', kinds: [], regions: [] },
]
  .map((s) => JSON.stringify({ summary: '', published: '2026-03-01T00:00:00Z', source: 'test', link: '', ...s }))
  .join('\n');

const runEval = (args: string[]) => runNode(['--import', 'tsx', 'jobs/cli/eval.ts', ...args]);

describe('npm run eval progress', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'ww-eval-')), 'three.jsonl');
  writeFileSync(file, `${CORPUS}\n`);

  it('--progress writes the count on stderr and leaves stdout to the report', async () => {
    const json = await runEval([file, '--json', '--progress']);
    expect(json.code).toBe(0);
    expect(json.stderr).toMatch(/^scored: \d\/3\n/);
    expect(json.stderr.trimEnd().split('\n').at(-1)).toBe('scored: 3/3');
    expect(JSON.parse(json.stdout)).toMatchObject({ items: 3 });
  }, 60_000);

  it('a pipe without --progress gets no progress at all', async () => {
    const plain = await runEval([file]);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toBe('');
    expect(plain.stdout).toMatch(/^Evaluation on .*three\.jsonl \(model classifier\) \(3 items\)/);
    expect(plain.stdout).not.toContain('scored:');
  }, 60_000);
});
