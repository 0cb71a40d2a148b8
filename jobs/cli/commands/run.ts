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
  usage: '',
  options: {},
  run: (_args, io) => serve(io, QUEUE_NAMES, true),
};

export const workerCommand: CliCommand = {
  name: ['worker'],
  summary: 'workers only, for horizontal scale',
  usage: '[--queues poll,story,deliver]',
  options: { queues: { type: 'string' } },
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
