import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_VARS } from '../../jobs/config/env-vars.js';
import { configSchema } from '../../src/config/index.js';
import { REPO_ROOT } from '../support/cli.js';

/** The rows of the README's configuration reference: variable → default as written. */
function readReferenceTable(): Map<string, string> {
  const readme = readFileSync(resolve(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Configuration reference'));
  if (!section) throw new Error('README has no "## Configuration reference" section');
  const rows = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = /^\| `([A-Z0-9_]+)` \| ([^|]+) \|/.exec(line);
    if (cells) rows.set(cells[1]!, cells[2]!.trim());
  }
  return rows;
}

describe('README configuration reference', () => {
  it('lists every environment variable the config reads, with the default the schema gives', () => {
    const table = readReferenceTable();
    expect([...table.keys()].sort()).toEqual(ENV_VARS.map((v) => v.name).sort());
    const defaults = configSchema.parse({}) as Record<string, unknown>;
    for (const v of ENV_VARS) {
      const value =
        v.path.length === 0
          ? undefined
          : v.path.reduce<unknown>(
              (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
              defaults,
            );
      expect(table.get(v.name), v.name).toBe(value === undefined ? '—' : `\`${String(value)}\``);
    }
  });
});
