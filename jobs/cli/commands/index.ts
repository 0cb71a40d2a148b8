import type { CliCommand } from '../command.js';
import { analyzeCommand } from './analyze.js';
import { demoCommand } from './demo.js';
import { discordRegisterCommand } from './discord-register.js';
import { explainCommand } from './explain.js';
import { parseCommand } from './parse.js';
import { replayCommand } from './replay.js';
import { runCommand, workerCommand } from './run.js';
import { statusCommand } from './status.js';
import { subscribeCommand, subscriptionsCommand, unsubscribeCommand } from './subscriptions.js';

// One entry per command in DESIGN.md §4.
export const COMMANDS: readonly CliCommand[] = [
  runCommand,
  workerCommand,
  analyzeCommand,
  explainCommand,
  parseCommand,
  replayCommand,
  demoCommand,
  subscribeCommand,
  unsubscribeCommand,
  subscriptionsCommand,
  statusCommand,
  discordRegisterCommand,
];
