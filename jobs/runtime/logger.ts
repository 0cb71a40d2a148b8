import { pino, destination, type Logger as PinoLogger } from 'pino';
import type { Logger } from '../../src/domain/index.js';

/** Structured JSON logs on stderr, so stdout stays clean for commands that print data. */
export function createLogger(level: string): Logger & PinoLogger {
  return pino({ level, base: { app: 'wirewatch' } }, destination(2));
}

export const silentLogger: Logger = pino({ level: 'silent' });
