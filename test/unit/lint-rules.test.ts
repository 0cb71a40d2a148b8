import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The folder rules of DESIGN.md §3 are only worth something if lint really rejects a violation:
// every rule below is shown a planted violation that must fail, and the sanctioned direction
// that must pass.
const eslint = new ESLint({ cwd: process.cwd() });

async function problemsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const imports = '@typescript-eslint/no-restricted-imports';
const syntax = 'no-restricted-syntax';
const pureFolders = ['classify', 'extract', 'cluster', 'format', 'geo', 'text', 'domain', 'pipeline'];

// [where, planted code, the rule that must fire, a fragment of its message]
const violations: [string, string, string, string][] = [
  // src/ is the core: no edges, no runtime, no platform libraries.
  ['src/format/bad.ts', "import { x } from '../../adapters/slack/render.js';\nexport const y = x;\n", imports, 'never imports adapters/'],
  ['src/config/bad.ts', "import { x } from '../../jobs/queues.js';\nexport const y = x;\n", imports, 'composition root'],
  ['src/errors-bad.ts', "import { Queue } from 'bullmq';\nexport const q = Queue;\n", imports, 'bullmq belongs'],
  ['src/commands/bad.ts', "import { App } from '@slack/bolt';\nexport const a = App;\n", imports, 'adapters/slack only'],
  ['src/feeds/bad.ts', "import { Client } from 'discord.js';\nexport const c = Client;\n", imports, 'adapters/discord only'],
  ['src/cluster/bad.ts', "export { Redis } from 'ioredis';\n", imports, 'ioredis belongs'],
  // pure: no store, feeds or commands at run time, no randomness from node:crypto.
  ['src/classify/bad.ts', "import { Redis } from 'ioredis';\nexport const r = Redis;\n", imports, 'ioredis belongs'],
  [
    'src/classify/bad.ts',
    "import { IncidentStore } from '../store/incident-store.js';\nexport const l = IncidentStore;\n",
    imports,
    'Only types of src/store',
  ],
  [
    'src/extract/bad.ts',
    "import { readFeed } from '../feeds/read-feed.js';\nexport const r = readFeed;\n",
    imports,
    'Only types of src/feeds',
  ],
  [
    'src/format/bad.ts',
    "import { run } from '../commands/incidents-command.js';\nexport const r = run;\n",
    imports,
    'src/commands are use cases',
  ],
  ['src/geo/bad.ts', "import { request } from 'undici';\nexport const r = request;\n", imports, 'HTTP belongs in src/feeds'],
  ['src/cluster/bad.ts', "import { randomUUID } from 'node:crypto';\nexport const id = randomUUID();\n", imports, 'deterministic'],
  ['src/pipeline/bad.ts', "import { setTimeout } from 'node:timers/promises';\nexport const s = setTimeout;\n", imports, 'no I/O'],
  // pure: no clock, no randomness, no timers, no process.
  ['src/cluster/bad.ts', 'export const t = Date.now();\n', syntax, 'reads no clock'],
  ['src/pipeline/bad.ts', 'export const t = new Date();\n', syntax, 'reads no clock'],
  ['src/format/bad.ts', 'export const t = Date();\n', syntax, 'reads no clock'],
  ['src/pipeline/bad.ts', 'export const jitter = Math.random();\n', syntax, 'reads no clock'],
  ['src/pipeline/bad.ts', 'export const wait = (): Promise<void> => new Promise((r) => setTimeout(r, 5));\n', syntax, 'reads no clock'],
  ['src/cluster/bad.ts', 'export const t = performance.now();\n', syntax, 'reads no clock'],
  ['src/extract/bad.ts', 'export const t = process.hrtime();\n', syntax, 'reads no clock'],
  ['src/domain/bad.ts', 'export const t = globalThis.setTimeout;\n', syntax, 'reads no clock'],
  ['src/text/bad.ts', 'export const id = crypto.randomUUID();\n', syntax, 'reads no clock'],
  // store: Redis only.
  ['src/store/bad.ts', "import Parser from 'rss-parser';\nexport const p = Parser;\n", imports, 'src/feeds only'],
  ['src/store/bad.ts', "import { Queue } from 'bullmq';\nexport const q = Queue;\n", imports, 'bullmq belongs'],
  ['src/store/bad.ts', "import { App } from '@slack/bolt';\nexport const a = App;\n", imports, 'adapters/slack only'],
  ['src/store/bad.ts', "import { Client } from 'discord.js';\nexport const c = Client;\n", imports, 'adapters/discord only'],
  ['src/store/bad.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n", imports, 'no I/O'],
  [
    'src/store/bad.ts',
    "import { pollFeed } from '../feeds/poll-feed.js';\nexport const p = pollFeed;\n",
    imports,
    'Only types of src/feeds',
  ],
  // feeds and commands: no Redis client of their own.
  ['src/feeds/bad.ts', "import { Redis } from 'ioredis';\nexport const r = Redis;\n", imports, 'ioredis belongs'],
  [
    'src/feeds/bad.ts',
    "import { createSeenStories } from '../store/seen-stories.js';\nexport const s = createSeenStories;\n",
    imports,
    'Only types',
  ],
  ['src/commands/bad.ts', "import { Redis } from 'ioredis';\nexport const r = Redis;\n", imports, 'ioredis belongs'],
  ['src/commands/bad.ts', "import Parser from 'rss-parser';\nexport const p = Parser;\n", imports, 'src/feeds only'],
  // commands take repository ports: a store class or function is refused, its types are not.
  [
    'src/commands/bad.ts',
    "import { IncidentStore } from '../store/incident-store.js';\nexport const s = IncidentStore;\n",
    imports,
    'Only types of src/store',
  ],
  [
    'src/commands/bad.ts',
    "import { SubscriptionStore } from '../store/subscription-store.js';\nexport const s = SubscriptionStore;\n",
    imports,
    'Only types of src/store',
  ],
  [
    'src/commands/bad.ts',
    "export const load = (): Promise<unknown> => import('../store/incident-store.js');\n",
    syntax,
    'Only types of src/store',
  ],
  // adapters: own platform library only, never each other, never jobs/, bullmq or ioredis.
  ['adapters/discord/bad.ts', "import { App } from '@slack/bolt';\nexport const a = App;\n", imports, 'adapters/slack only'],
  ['adapters/slack/bad.ts', "import { Client } from 'discord.js';\nexport const c = Client;\n", imports, 'adapters/discord only'],
  ['adapters/console/bad.ts', "import { WebClient } from '@slack/web-api';\nexport const w = WebClient;\n", imports, 'adapters/slack only'],
  ['adapters/slack/bad.ts', "import { x } from '../discord/render-embed.js';\nexport const y = x;\n", imports, 'another adapter'],
  ['adapters/discord/bad.ts', "import { x } from '../slack/render-blocks.js';\nexport const y = x;\n", imports, 'another adapter'],
  ['adapters/slack/bad.ts', "import { x } from '../console/console-sink.js';\nexport const y = x;\n", imports, 'another adapter'],
  ['adapters/shared/bad.ts', "import { x } from '../slack/render-blocks.js';\nexport const y = x;\n", imports, 'another adapter'],
  ['adapters/console/bad.ts', "import { x } from '../../jobs/queues.js';\nexport const y = x;\n", imports, 'composition root'],
  ['adapters/slack/bad.ts', "import { Queue } from 'bullmq';\nexport const q = Queue;\n", imports, 'bullmq belongs'],
  ['adapters/discord/bad.ts', "import { Redis } from 'ioredis';\nexport const r = Redis;\n", imports, 'ioredis belongs'],
  // runtime: reaches the platforms through adapters/ only.
  ['jobs/workers/bad.ts', "import { App } from '@slack/bolt';\nexport const a = App;\n", imports, 'adapters/slack only'],
  ['jobs/runtime/bad.ts', "import { Client } from 'discord.js';\nexport const c = Client;\n", imports, 'adapters/discord only'],
  ['jobs/runtime/bad.ts', "import { REST } from '@discordjs/rest';\nexport const r = REST;\n", imports, 'adapters/discord only'],
  ['jobs/cli/bad.ts', "import Parser from 'rss-parser';\nexport const p = Parser;\n", imports, 'src/feeds only'],
  // Imports that hide from a static import rule are caught too.
  ['src/classify/bad.ts', "export const load = (): Promise<unknown> => import('ioredis');\n", syntax, 'ioredis belongs'],
  ['jobs/runtime/bad.ts', "export const load = (): Promise<unknown> => import('discord.js');\n", syntax, 'adapters/discord only'],
  ['src/store/bad.ts', "export const load = (): Promise<unknown> => import('@slack/bolt');\n", syntax, 'adapters/slack only'],
  ['src/classify/bad.ts', "export const r: unknown = require('ioredis');\n", syntax, 'ESM only'],
  [
    'jobs/runtime/bad.ts',
    "import { createRequire } from 'node:module';\nexport const r: unknown = createRequire(import.meta.url)('discord.js');\n",
    syntax,
    'ESM only',
  ],
  ['src/cluster/bad.ts', "const name = 'ioredis';\nexport const load = (): Promise<unknown> => import(name);\n", syntax, 'literal module'],
  // Configuration is read in one place, however process.env is spelled.
  ['src/store/bad.ts', 'export const url = process.env.REDIS_URL;\n', syntax, 'load-config.ts only'],
  ['jobs/workers/bad.ts', 'export const url = globalThis.process.env.REDIS_URL;\n', syntax, 'load-config.ts only'],
  ['adapters/slack/bad.ts', "export const token = process['env'].SLACK_BOT_TOKEN;\n", syntax, 'load-config.ts only'],
  ['src/feeds/bad.ts', 'const { env } = process;\nexport const e = env;\n', syntax, 'load-config.ts only'],
  ['scripts/bad.ts', "export const e = globalThis['process'].env;\n", syntax, 'load-config.ts only'],
  // Conventions: named exports only.
  ['src/format/bad.ts', 'export default function formatAlert(): string {\n  return "";\n}\n', 'import-x/no-default-export', ''],
];

// [where, code that follows the rules]
const sanctioned: [string, string][] = [
  [
    'adapters/slack/ok.ts',
    "import { App } from '@slack/bolt';\nimport { x } from '../../src/commands/incidents-command.js';\nexport const a = [App, x];\n",
  ],
  [
    'adapters/discord/ok.ts',
    "import { Client } from 'discord.js';\nimport { REST } from '@discordjs/rest';\nexport const c = [Client, REST];\n",
  ],
  ['adapters/console/ok.ts', "import { formatAlert } from '../../src/format/format-alert.js';\nexport const f = formatAlert;\n"],
  [
    'jobs/ok.ts',
    "import { Queue } from 'bullmq';\nimport { Redis } from 'ioredis';\nimport { x } from '../adapters/slack/app.js';\nexport const q = [Queue, Redis, x];\n",
  ],
  ['jobs/config/load-config.ts', 'export const url = process.env.REDIS_URL;\n'],
  [
    'src/store/ok.ts',
    "import { Redis } from 'ioredis';\nimport { matchIncident } from '../cluster/match-incident.js';\nexport const r = [Redis, matchIncident];\n",
  ],
  [
    'src/feeds/ok.ts',
    "import Parser from 'rss-parser';\nimport { request } from 'undici';\nimport type { SeenStories } from '../store/seen-stories.js';\nexport const p = [Parser, request];\nexport type S = SeenStories;\n",
  ],
  [
    'src/cluster/ok.ts',
    "import { createHash } from 'node:crypto';\nexport const h = createHash('sha1');\nexport const at = new Date('2026-01-01T00:00:00Z');\n",
  ],
  [
    'src/pipeline/ok.ts',
    "import type { Clock } from '../domain/ports.js';\nimport type { IncidentStore } from '../store/incident-store.js';\nexport const stamp = (clock: Clock, _store: IncidentStore): Date => clock.now();\n",
  ],
  [
    'src/commands/ok.ts',
    "import type { IncidentStore } from '../store/incident-store.js';\nimport type { IncidentRepository } from '../domain/ports.js';\nexport type S = [IncidentStore, IncidentRepository];\n",
  ],
  [
    'test/unit/ok.test.ts',
    "import { Redis } from 'ioredis';\nexport const r = [Redis, process.env.REDIS_URL, Date.now(), Math.random()];\n",
  ],
];

describe('architecture lint rules', () => {
  it.each(violations)('%s: rejects %j', async (file, code, rule, fragment) => {
    const problems = await problemsFor(file, code);
    expect(problems.filter((p) => p.startsWith(`${rule}: `) && p.includes(fragment))).not.toEqual([]);
  });

  it.each(sanctioned)('%s: allows %j', async (file, code) => {
    expect(await problemsFor(file, code)).toEqual([]);
  });

  it.each(pureFolders)('keeps src/%s free of I/O and the clock', async (folder) => {
    const file = `src/${folder}/bad.ts`;
    const io = await problemsFor(file, "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n");
    expect(io.some((p) => p.startsWith(`${imports}: 'node:fs'`) && p.includes('does no I/O'))).toBe(true);
    const clock = await problemsFor(file, 'export const t = Date.now();\n');
    expect(clock.some((p) => p.startsWith(`${syntax}: `) && p.includes('reads no clock'))).toBe(true);
  });

  it('limits file size outside tests', async () => {
    const long = Array.from({ length: 320 }, (_, i) => `export const v${i} = ${i};`).join('\n') + '\n';
    expect((await problemsFor('src/big.ts', long)).some((p) => p.startsWith('max-lines'))).toBe(true);
    expect((await problemsFor('test/unit/big.test.ts', long)).some((p) => p.startsWith('max-lines'))).toBe(false);
  });
});

// import-x/no-cycle reads the imported files from disk, so the cycle is planted in a temporary
// project that uses this repository's config.
describe('import cycles', () => {
  let root = '';
  let scratch: ESLint;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'wirewatch-lint-'));
    await mkdir(join(root, 'src', 'cluster'), { recursive: true });
    const files: Record<string, string> = {
      'src/cluster/ping.ts': "import { pong } from './pong.js';\nexport const ping = (n: number): number => (n > 0 ? pong(n - 1) : 0);\n",
      'src/cluster/pong.ts': "import { ping } from './ping.js';\nexport const pong = (n: number): number => (n > 0 ? ping(n - 1) : 1);\n",
      'src/cluster/leaf.ts': 'export const leaf = (n: number): number => n + 1;\n',
      'src/cluster/root.ts': "import { leaf } from './leaf.js';\nexport const root = (n: number): number => leaf(n) * 2;\n",
    };
    for (const [path, code] of Object.entries(files)) await writeFile(join(root, path), code);
    scratch = new ESLint({ cwd: root, overrideConfigFile: resolve('eslint.config.js') });
  });

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  async function cycleFiles(): Promise<string[]> {
    const results = await scratch.lintFiles(['src']);
    return results
      .filter((r) => r.messages.some((m) => m.ruleId === 'import-x/no-cycle'))
      .map((r) => r.filePath.slice(root.length + 1))
      .sort();
  }

  it('rejects a two-file cycle and allows a one-way import', async () => {
    expect(await cycleFiles()).toEqual(['src/cluster/ping.ts', 'src/cluster/pong.ts']);
  });
});

// Every element of eslint.config.js against every module it forbids, read from the config itself,
// so a rule added there is proven here too. Relative targets are real files of this repository.
interface ModuleRule {
  regex: string;
  message: string;
  types?: boolean;
}
interface ElementRule {
  type: string;
  files: string[];
  forbids: string[];
}
const TARGETS: Record<string, string> = {
  adapters: 'adapters/slack/render-slack-alert.ts',
  slackAdapter: 'adapters/slack/render-slack-alert.ts',
  discordAdapter: 'adapters/discord/discord-sink.ts',
  consoleAdapter: 'adapters/console/console-sink.ts',
  jobs: 'jobs/queues.ts',
  store: 'src/store/incident-store.ts',
  feeds: 'src/feeds/read-feed.ts',
  commands: 'src/commands/incidents-command.ts',
};
const PACKAGES: Record<string, string> = {
  slack: '@slack/bolt',
  discord: 'discord.js',
  bullmq: 'bullmq',
  ioredis: 'ioredis',
  rssParser: 'rss-parser',
  undici: 'undici',
  nodeIo: 'node:fs',
};

function specifierFrom(file: string, key: string): string {
  const target = TARGETS[key];
  if (!target) return PACKAGES[key] ?? `unknown module ${key}`;
  const path = relative(dirname(file), target).replace(/\.ts$/, '.js');
  return path.startsWith('.') ? path : `./${path}`;
}

describe('every element against every module it forbids', async () => {
  const config = (await import(pathToFileURL(resolve('eslint.config.js')).href)) as {
    modules: Record<string, ModuleRule>;
    elements: ElementRule[];
  };
  // One planted file per folder glob (a named file stands for itself).
  const cases = config.elements.flatMap((element) =>
    element.files.flatMap((glob) => {
      const file = glob.endsWith('/**') ? `${glob.slice(0, -3)}/bad.ts` : glob;
      return element.forbids.map((key) => ({ element: element.type, file, key, rule: config.modules[key]! }));
    }),
  );

  it('has a target for every module the config names, and every relative target exists', () => {
    for (const key of Object.keys(config.modules)) expect(TARGETS[key] ?? PACKAGES[key], key).toBeDefined();
    for (const target of Object.values(TARGETS)) expect(existsSync(target), target).toBe(true);
  });

  it.each(cases)('$element $file: refuses $key, statically and dynamically', async ({ file, key, rule }) => {
    const from = specifierFrom(file, key);
    const planted = await problemsFor(file, `import { a } from '${from}';\nexport const b = a;\n`);
    expect(
      planted.filter((p) => p.startsWith(`${imports}: `) && p.includes(rule.message)),
      from,
    ).not.toEqual([]);
    const dynamic = await problemsFor(file, `export const load = (): Promise<unknown> => import('${from}');\n`);
    expect(
      dynamic.filter((p) => p.startsWith(`${syntax}: `) && p.includes(rule.message)),
      from,
    ).not.toEqual([]);
    const typeOnly = await problemsFor(file, `import type { A } from '${from}';\nexport type B = A;\n`);
    if (rule.types)
      expect(
        typeOnly.filter((p) => p.includes(rule.message)),
        from,
      ).toEqual([]);
    else
      expect(
        typeOnly.filter((p) => p.includes(rule.message)),
        from,
      ).not.toEqual([]);
  });
});
