import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The folder rules of DESIGN.md §3 are only worth something if lint really rejects a violation.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('architecture lint rules', () => {
  it('rejects src/ importing adapters/', async () => {
    const ids = await ruleIdsFor('src/format/bad.ts', "import { x } from '../../adapters/slack/render.js';\nexport const y = x;\n");
    expect(ids).toContain('no-restricted-imports');
  });

  it('rejects src/ importing jobs/ or bullmq', async () => {
    expect(await ruleIdsFor('src/cluster/bad.ts', "import { Queue } from 'bullmq';\nexport const q = Queue;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIdsFor('src/cluster/bad2.ts', "import { x } from '../../jobs/queues.js';\nexport const y = x;\n")).toContain(
      'no-restricted-imports',
    );
  });

  it('keeps each platform library in its own adapter', async () => {
    expect(await ruleIdsFor('adapters/discord/bad.ts', "import { App } from '@slack/bolt';\nexport const a = App;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIdsFor('adapters/slack/bad.ts', "import { Client } from 'discord.js';\nexport const c = Client;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIdsFor('src/classify/bad.ts', "import { Redis } from 'ioredis';\nexport const r = Redis;\n")).toContain(
      'no-restricted-imports',
    );
  });

  it('allows the sanctioned directions', async () => {
    expect(await ruleIdsFor('adapters/slack/ok.ts', "import { App } from '@slack/bolt';\nexport const a = App;\n")).toEqual([]);
    expect(await ruleIdsFor('jobs/ok.ts', "import { Queue } from 'bullmq';\nexport const q = Queue;\n")).toEqual([]);
  });

  it('confines process.env to the config loader', async () => {
    const code = 'export const url = process.env.REDIS_URL;\n';
    expect(await ruleIdsFor('src/store/bad.ts', code)).toContain('no-restricted-properties');
    expect(await ruleIdsFor('jobs/config/load-config.ts', code)).toEqual([]);
  });

  it('limits file size outside tests', async () => {
    const long = Array.from({ length: 320 }, (_, i) => `export const v${i} = ${i};`).join('\n') + '\n';
    expect(await ruleIdsFor('src/big.ts', long)).toContain('max-lines');
    expect(await ruleIdsFor('test/unit/big.test.ts', long)).not.toContain('max-lines');
  });
});
