/** A one-line counter on stderr for long CLI work; silent unless stderr is a terminal. */
export interface Progress {
  tick(done: number, total?: number): void;
  /** Clears the line so the next output starts clean. */
  end(): void;
}

const REDRAW_MS = 100;

/**
 * Piped or redirected stderr (scripts, CI, log files) gets nothing: a `\r`-rewritten line is
 * noise there. At a terminal the line is redrawn at most ten times a second.
 */
export function createProgress(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  label: string,
  clock: () => number = Date.now,
): Progress {
  if (stream.isTTY !== true) return { tick: () => undefined, end: () => undefined };
  let last = 0;
  let drawn = false;
  return {
    tick(done, total) {
      const now = clock();
      if (now - last < REDRAW_MS) return;
      last = now;
      drawn = true;
      stream.write(`\r\x1b[2K${label}: ${done}${total === undefined ? '' : `/${total}`}`);
    },
    end() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
