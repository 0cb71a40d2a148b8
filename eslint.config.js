// Lint enforces the architecture in DESIGN.md §3: imports run jobs → adapters → src, each
// platform library stays in its own folder, the pure core has no I/O and no clock, and files
// stay small. Every rule here is proven by a planted violation in test/unit/lint-rules.test.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

// What an import can name. `regex` is matched against the import source; `types: true` lets a
// type-only import through (types are contracts, not a runtime dependency).
export const modules = {
  adapters: { regex: '(^|/)adapters(/|$)', message: 'src/ is the core: it never imports adapters/ (DESIGN.md §3).' },
  slackAdapter: { regex: '(^|/)(adapters/)?slack(/|$)', message: 'An adapter never imports another adapter.' },
  discordAdapter: { regex: '(^|/)(adapters/)?discord(/|$)', message: 'An adapter never imports another adapter.' },
  consoleAdapter: { regex: '(^|/)(adapters/)?console(/|$)', message: 'An adapter never imports another adapter.' },
  jobs: { regex: '(^|/)jobs(/|$)', message: 'jobs/ is the composition root; nothing imports it (DESIGN.md §3).' },
  store: { regex: '(^|/)store(/|$)', types: true, message: 'Only types of src/store may be imported here: take the store as a port.' },
  feeds: { regex: '(^|/)feeds(/|$)', types: true, message: 'Only types of src/feeds may be imported here.' },
  commands: { regex: '(^|/)commands(/|$)', message: 'src/commands are use cases for the edges; the core does not call them.' },
  slack: { regex: '^@slack/', message: 'Slack libraries belong in adapters/slack only.' },
  discord: { regex: '^(discord\\.js($|/)|@discordjs/)', message: 'discord.js belongs in adapters/discord only.' },
  bullmq: { regex: '^bullmq($|/)', message: 'bullmq belongs in jobs/ only.' },
  ioredis: { regex: '^ioredis($|/)', message: 'ioredis belongs in src/store (and jobs/) only.' },
  rssParser: { regex: '^rss-parser($|/)', message: 'rss-parser belongs in src/feeds only.' },
  undici: { regex: '^undici($|/)', message: 'HTTP belongs in src/feeds (and the edges), not here.' },
  nodeIo: {
    regex:
      '^(node:)?(fs|net|http|https|http2|child_process|dgram|dns|tls|cluster|worker_threads|readline|timers|perf_hooks|process|os|vm)($|/)',
    message: 'This folder does no I/O and reads no clock: take what it needs as an injected port (DESIGN.md §5).',
  },
};

// The pure core may hash (node:crypto createHash) but never draw randomness.
const cryptoRandom = {
  name: 'node:crypto',
  importNames: ['randomUUID', 'randomBytes', 'randomInt', 'randomFillSync', 'getRandomValues', 'webcrypto'],
  message: 'The pure core is deterministic: take randomness as an injected port.',
};

// Written as esquery selectors; `/` cannot appear inside an esquery regex literal, so it is \x2F.
const toSelectorRegex = (regex) => `/${regex.replaceAll('/', '\\x2F')}/`;
const processObject = ":matches([object.name='process'], [object.property.name='process'], [object.property.value='process'])";
const envSelectors = [
  {
    selector: `MemberExpression[property.name='env']${processObject}`,
    message: 'Read configuration through jobs/config/load-config.ts only.',
  },
  {
    selector: `MemberExpression[property.value='env']${processObject}`,
    message: 'Read configuration through jobs/config/load-config.ts only.',
  },
  {
    selector:
      "VariableDeclarator:matches([init.name='process'], [init.property.name='process']) > ObjectPattern > Property[key.name='env']",
    message: 'Read configuration through jobs/config/load-config.ts only.',
  },
];
const esmSelectors = [
  {
    selector: "CallExpression:matches([callee.name='require'], [callee.name='createRequire'])",
    message: 'ESM only: require() hides a dependency from the folder rules.',
  },
  {
    selector: "ImportExpression[source.type!='Literal']",
    message: 'A dynamic import names a literal module so the folder rules can check it.',
  },
];
const clockMessage = 'The pure core reads no clock, draws no randomness and sets no timers: inject a Clock (src/domain/ports.ts).';
const clockSelectors = [
  "MemberExpression[object.name='Date'][property.name='now']",
  "NewExpression[callee.name='Date'][arguments.length=0]",
  "CallExpression[callee.name='Date']",
  "MemberExpression[object.name='Math'][property.name='random']",
  'CallExpression[callee.name=/^(setTimeout|setInterval|setImmediate)$/]',
  'MemberExpression[object.name=/^(globalThis|global|process|performance)$/]',
  "MemberExpression[object.name='crypto'][property.name=/^(random|getRandomValues)/]",
].map((selector) => ({ selector, message: clockMessage }));

// Element types mirroring DESIGN.md §3. Blocks are applied in order and a later block replaces
// an earlier one's options, so each element states its complete list and the more specific
// folders come after the broader ones.
const core = ['adapters', 'jobs', 'slack', 'discord', 'bullmq', 'ioredis', 'rssParser', 'undici'];
export const elements = [
  { type: 'core', files: ['src/**'], forbids: core },
  {
    type: 'pure',
    files: [
      'src/classify/**',
      'src/extract/**',
      'src/cluster/**',
      'src/format/**',
      'src/geo/**',
      'src/text/**',
      'src/domain/**',
      'src/pipeline/**',
    ],
    forbids: [...core, 'store', 'feeds', 'commands', 'nodeIo'],
    pure: true,
  },
  {
    type: 'store',
    files: ['src/store/**'],
    forbids: ['adapters', 'jobs', 'slack', 'discord', 'bullmq', 'rssParser', 'undici', 'feeds', 'commands', 'nodeIo'],
  },
  { type: 'feeds', files: ['src/feeds/**'], forbids: ['adapters', 'jobs', 'slack', 'discord', 'bullmq', 'ioredis', 'store', 'commands'] },
  // Commands take repository ports (src/domain/ports.ts): of src/store they may name only types.
  {
    type: 'commands',
    files: ['src/commands/**'],
    forbids: ['adapters', 'jobs', 'slack', 'discord', 'bullmq', 'ioredis', 'rssParser', 'undici', 'feeds', 'store', 'nodeIo'],
  },
  {
    type: 'adapter',
    files: ['adapters/**'],
    forbids: ['jobs', 'slack', 'discord', 'bullmq', 'ioredis', 'rssParser', 'slackAdapter', 'discordAdapter', 'consoleAdapter'],
  },
  {
    type: 'adapter',
    files: ['adapters/slack/**'],
    forbids: ['jobs', 'discord', 'bullmq', 'ioredis', 'rssParser', 'discordAdapter', 'consoleAdapter'],
  },
  {
    type: 'adapter',
    files: ['adapters/discord/**'],
    forbids: ['jobs', 'slack', 'bullmq', 'ioredis', 'rssParser', 'slackAdapter', 'consoleAdapter'],
  },
  {
    type: 'adapter',
    files: ['adapters/console/**'],
    forbids: ['jobs', 'slack', 'discord', 'bullmq', 'ioredis', 'rssParser', 'slackAdapter', 'discordAdapter'],
  },
  // The runtime reaches Slack and Discord through adapters/, never their libraries directly.
  { type: 'runtime', files: ['jobs/**'], forbids: ['slack', 'discord', 'rssParser'] },
  {
    type: 'runtime',
    files: ['jobs/config/load-config.ts', 'jobs/cli/main.ts'],
    forbids: ['slack', 'discord', 'rssParser'],
    readsEnv: true,
  },
];

function ruleBlock({ files, forbids, pure = false, readsEnv = false }) {
  const forbidden = forbids.map((key) => modules[key]);
  const patterns = forbidden.map(({ regex, message, types = false }) => ({ regex, message, allowTypeImports: types }));
  const dynamicImports = forbidden.map(({ regex, message }) => ({
    selector: `ImportExpression[source.value=${toSelectorRegex(regex)}]`,
    message,
  }));
  return {
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns, paths: pure ? [cryptoRandom] : [] }],
      'no-restricted-syntax': [
        'error',
        ...esmSelectors,
        ...dynamicImports,
        ...(readsEnv ? [] : envSelectors),
        ...(pure ? clockSelectors : []),
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/lint-fixtures/**', '.wirewatch/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.js'],
    plugins: { 'import-x': importX },
    // Without the extension and parser settings import-x cannot read a .ts dependency, and
    // no-cycle silently sees no edges at all.
    settings: {
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-default-export': 'error',
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', ...envSelectors],
    },
  },
  ...elements.map(ruleBlock),
  { files: ['test/**', 'eslint.config.js', 'vitest.config.ts'], rules: { 'no-restricted-syntax': 'off' } },
  { files: ['test/**', 'src/geo/data/**', '**/*.generated.ts'], rules: { 'max-lines': 'off' } },
  { files: ['eslint.config.js', 'vitest.config.ts'], rules: { 'import-x/no-default-export': 'off' } },
);
