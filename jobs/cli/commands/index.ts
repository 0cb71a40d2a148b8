import type { CliCommand } from '../command.js';
import { notImplemented } from './not-implemented.js';
import { parseCommand } from './parse.js';
import { runCommand, workerCommand } from './run.js';

// One entry per command in DESIGN.md §4. Each issue replaces its placeholder with a module.
export const COMMANDS: readonly CliCommand[] = [
  runCommand,
  workerCommand,
  notImplemented({
    name: ['analyze'],
    summary: 'classify JSON Lines stories from stdin; one JSON line out per story',
    usage: '< stories.jsonl',
    options: {},
  }),
  notImplemented({
    name: ['explain'],
    summary: 'why a story was or was not alerted, human-readable',
    usage: '<story.json|feed-url|file>',
    options: {},
    positionals: { min: 1, max: 1 },
  }),
  parseCommand,
  notImplemented({
    name: ['replay'],
    summary: 'push saved feed files through the whole pipeline to the configured sinks',
    usage: '<feed.xml...>',
    options: {},
    positionals: { min: 1, max: 100 },
  }),
  notImplemented({
    name: ['subscribe'],
    summary: 'subscribe a channel to a region',
    usage: '--platform slack|discord --channel ID [--workspace ID] --region CODE [--kind K] [--min-severity S]',
    options: {
      platform: { type: 'string' },
      channel: { type: 'string' },
      workspace: { type: 'string' },
      region: { type: 'string' },
      kind: { type: 'string' },
      'min-severity': { type: 'string' },
    },
  }),
  notImplemented({
    name: ['unsubscribe'],
    summary: 'remove a channel subscription',
    usage: '--platform slack|discord --channel ID [--workspace ID] --region CODE [--kind K]',
    options: {
      platform: { type: 'string' },
      channel: { type: 'string' },
      workspace: { type: 'string' },
      region: { type: 'string' },
      kind: { type: 'string' },
    },
  }),
  notImplemented({
    name: ['subscriptions'],
    summary: 'list subscriptions',
    usage: '[--json]',
    options: { json: { type: 'boolean' } },
  }),
  notImplemented({
    name: ['status'],
    summary: "feeds' health, queue depths, subscriptions, last alerts",
    usage: '[--json]',
    options: { json: { type: 'boolean' } },
  }),
  notImplemented({
    name: ['discord', 'register'],
    summary: 'register Discord slash commands (never at boot)',
    usage: '[--guild ID]',
    options: { guild: { type: 'string' } },
  }),
];
