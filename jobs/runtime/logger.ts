import { pino, destination, type Logger as PinoLogger } from 'pino';
import pretty from 'pino-pretty';
import type { Logger } from '../../src/domain/index.js';
import { formatPrettyLine } from './pretty-line.js';

export type LogFormat = 'auto' | 'pretty' | 'json';

/**
 * Logs on stderr, so stdout stays clean for commands that print data (and for console alerts).
 * A person at a terminal reads one short line per event; a log shipper (not a TTY, or
 * `LOG_FORMAT=json`) gets pino's JSON, one object per line.
 */
export function createLogger(
  level: string,
  format: LogFormat = 'auto',
  output: { isTty: boolean; stream?: NodeJS.WritableStream } = { isTty: process.stderr.isTTY === true },
): Logger & PinoLogger {
  const options = { level, base: { app: 'wirewatch' } };
  const target = output.stream ?? destination(2);
  if (format === 'json' || (format === 'auto' && !output.isTty)) return pino(options, target);
  const withStack = level === 'debug' || level === 'trace';
  return pino(
    options,
    pretty({
      destination: target,
      colorize: output.isTty,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,app',
      // The fields go on the message line (formatPrettyLine), not in a JSON block under it.
      hideObject: true,
      messageFormat: (log, messageKey) => formatPrettyLine(log, messageKey, withStack),
      sync: true,
    }),
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });
