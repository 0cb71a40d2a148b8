import { WirewatchError } from '../../../src/errors.js';
import { loadConfig } from '../../config/load-config.js';
import { startApp } from '../../runtime/app.js';
import { createLogger } from '../../runtime/logger.js';
import { QUEUE_NAMES, type QueueName } from '../../workers/registry.js';
import type { CliCommand, CliIo } from '../command.js';

async function serve(io: CliIo, queues: readonly QueueName[], withSchedulers: boolean): Promise<number> {
  const config = await loadConfig(io.env);
  const logger = createLogger(config.logLevel, config.logFormat);
  const configFile = io.env.WIREWATCH_CONFIG;
  const app = await startApp({ config, logger, queues, withSchedulers, ...(configFile ? { configFile } : {}) });
  await new Promise<void>((done) => {
    let stopping = false;
    const stop = (signal: string) => {
      // A second Ctrl-C means the operator will not wait for a graceful close.
      if (stopping) {
        logger.warn({ signal }, 'second signal: exiting without waiting');
        process.exit(130);
      }
      stopping = true;
      logger.info({ signal }, 'shutting down');
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    logger.info({ queues, schedulers: withSchedulers }, 'wirewatch running; Ctrl-C to stop');
  });
  await app.close();
  return 0;
}

export const runCommand: CliCommand = {
  name: ['run'],
  summary: 'scheduler + all workers + configured adapters in one process',
  description:
    'Starts the feed schedulers, the poll, story and deliver workers, and the Slack and Discord adapters whose tokens are set, ' +
    'against REDIS_URL (else 127.0.0.1:6379, else a spawned redis-server). Configuration: environment variables and `.env` ' +
    '(see .env.example), feeds in WIREWATCH_CONFIG. SIGINT or SIGTERM shuts down cleanly.',
  usage: '',
  options: {},
  optionHelp: {},
  examples: ['npm start', 'WIREWATCH_CONFIG=feeds.yaml WIREWATCH_HTTP_PORT=9090 wirewatch run'],
  run: (_args, io) => serve(io, QUEUE_NAMES, true),
};

export const workerCommand: CliCommand = {
  name: ['worker'],
  summary: 'workers only, for horizontal scale',
  description:
    'Runs workers without the feed schedulers, to scale out: start any number on any machines that share one Redis (same REDIS_URL ' +
    'and WIREWATCH_REDIS_PREFIX). Exactly one `wirewatch run` should own the schedulers.',
  usage: '[--queues poll,story,deliver]',
  options: { queues: { type: 'string' } },
  optionHelp: { queues: { description: 'comma-separated queues to work', default: 'poll,story,deliver', value: 'LIST' } },
  examples: ['REDIS_URL=redis://redis.internal:6379 wirewatch worker --queues story,deliver'],
  run: (args, io) => {
    const requested = typeof args.values.queues === 'string' ? args.values.queues.split(',').map((q) => q.trim()) : [...QUEUE_NAMES];
    const unknown = requested.filter((q) => !(QUEUE_NAMES as readonly string[]).includes(q));
    if (unknown.length > 0 || requested.length === 0) {
      throw new WirewatchError(
        'cli_usage',
        `--queues takes a comma-separated subset of ${QUEUE_NAMES.join(',')}; got '${unknown.join(',')}'`,
      );
    }
    return serve(io, requested as QueueName[], false);
  },
};
