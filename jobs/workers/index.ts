import { startDiscordBotComponent } from '../runtime/discord-platform.js';
import { startSlackAppComponent } from '../runtime/slack-platform.js';
import { createDeliverWorker } from './deliver-worker.js';
import { createFeedSchedulers } from './feed-schedulers.js';
import { createPollWorker } from './poll-worker.js';
import { createStoryWorker } from './story-worker.js';
import type { ComponentFactory, QueueName } from './registry.js';

/**
 * The worker of each queue. Issues land their worker here; a queue without one is reported at
 * start-up instead of silently doing nothing.
 */
export const WORKERS: Partial<Record<QueueName, ComponentFactory>> = {
  poll: createPollWorker,
  story: createStoryWorker,
  deliver: (deps) => createDeliverWorker(deps),
};

/** Components only the `run` process starts (feed job schedulers, watchdog, the Slack app and Discord bot). */
// The chat apps first: a refused token stops start-up before any scheduler runs.
export const SCHEDULERS: readonly ComponentFactory[] = [
  startSlackAppComponent,
  startDiscordBotComponent,
  (deps) => createFeedSchedulers(deps),
];
