/** A one-line counter on stderr for long CLI work; silent unless stderr is a terminal or asked for. */
export interface Progress {
  /** `label` replaces the label given at creation, for work that goes through stages. */
  tick(done: number, total?: number, label?: string): void;
  /** Clears the line so the next output starts clean. */
  end(): void;
}

const REDRAW_MS = 100;
/** A forced counter on a pipe or log file writes whole lines, so fewer of them. */
const LINE_MS = 1_000;

/**
 * Piped or redirected stderr (scripts, CI, log files) gets nothing: a `\r`-rewritten line is
 * noise there. At a terminal the line is redrawn at most ten times a second. `force` (a
 * `--progress` flag) turns it on for a pipe too, as plain lines at most once a second, so a
 * long run in CI still shows it is alive. stdout is never touched: results stay clean.
 */
export function createProgress(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  label: string,
  clock: () => number = Date.now,
  force = false,
): Progress {
  const tty = stream.isTTY === true;
  if (!tty && !force) return { tick: () => undefined, end: () => undefined };
  let last = Number.NEGATIVE_INFINITY;
  let drawn = false;
  let pending: string | undefined;
  return {
    tick(done, total, stage) {
      const line = `${stage ?? label}: ${done}${total === undefined ? '' : `/${total}`}`;
      const now = clock();
      if (now - last < (tty ? REDRAW_MS : LINE_MS)) {
        pending = line;
        return;
      }
      last = now;
      drawn = true;
      pending = undefined;
      stream.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
    },
    end() {
      if (tty) {
        if (drawn) stream.write('\r\x1b[2K');
      } else if (pending !== undefined) stream.write(`${pending}\n`);
      // Idempotent: a caller may end early (before printing results) and again in a finally.
      drawn = false;
      pending = undefined;
    },
  };
}
