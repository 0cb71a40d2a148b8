// Lint enforces the architecture in DESIGN.md §3: imports run jobs → adapters → src,
// each platform library stays in its own folder, and files stay small.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const adapters = { group: ['**/adapters/**', '**/adapters'], message: 'src/ is the core: it never imports adapters/ (DESIGN.md §3).' };
const jobs = { group: ['**/jobs/**', '**/jobs'], message: 'Only jobs/ is the composition root; nothing imports it (DESIGN.md §3).' };
const bolt = { group: ['@slack/bolt', '@slack/*'], message: 'Slack libraries belong in adapters/slack only.' };
const discord = { group: ['discord.js', '@discordjs/*'], message: 'discord.js belongs in adapters/discord only.' };
const bullmq = { group: ['bullmq'], message: 'bullmq belongs in jobs/ only.' };
const ioredis = { group: ['ioredis'], message: 'ioredis belongs in src/store (and jobs/) only.' };
const rssParser = { group: ['rss-parser'], message: 'rss-parser belongs in src/feeds only.' };
const slackAdapter = { group: ['**/adapters/slack/**'], message: 'An adapter never imports another adapter.' };
const discordAdapter = { group: ['**/adapters/discord/**'], message: 'An adapter never imports another adapter.' };

const restrict = (...patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/lint-fixtures/**', '.wirewatch/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.js'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-default-export': 'error',
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through jobs/config/load-config.ts only.' },
      ],
    },
  },
  { files: ['src/**'], rules: { 'no-restricted-imports': restrict(adapters, jobs, bolt, discord, bullmq) } },
  {
    files: ['src/**'],
    ignores: ['src/store/**'],
    rules: { 'no-restricted-imports': restrict(adapters, jobs, bolt, discord, bullmq, ioredis) },
  },
  {
    files: ['src/**'],
    ignores: ['src/feeds/**', 'src/store/**'],
    rules: { 'no-restricted-imports': restrict(adapters, jobs, bolt, discord, bullmq, ioredis, rssParser) },
  },
  { files: ['src/feeds/**'], rules: { 'no-restricted-imports': restrict(adapters, jobs, bolt, discord, bullmq, ioredis) } },
  { files: ['adapters/slack/**'], rules: { 'no-restricted-imports': restrict(jobs, discord, bullmq, discordAdapter, rssParser) } },
  { files: ['adapters/discord/**'], rules: { 'no-restricted-imports': restrict(jobs, bolt, bullmq, slackAdapter, rssParser) } },
  {
    files: ['adapters/console/**'],
    rules: { 'no-restricted-imports': restrict(jobs, bolt, discord, bullmq, slackAdapter, discordAdapter, rssParser) },
  },
  {
    files: ['jobs/config/load-config.ts', 'jobs/cli/main.ts', 'test/**', 'eslint.config.js', 'vitest.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  { files: ['test/**', 'src/geo/data/**', '**/*.generated.ts'], rules: { 'max-lines': 'off' } },
  { files: ['eslint.config.js', 'vitest.config.ts'], rules: { 'import-x/no-default-export': 'off' } },
);
