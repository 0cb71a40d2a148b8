/** Injected dependencies, so core code never reads the real clock or a global logger. */
export type Clock = () => number;

/** The subset of pino's logger the core uses; tests pass a real pino logger or `silentLogger`. */
export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}
