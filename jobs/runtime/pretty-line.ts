/**
 * The human log line: `[component] message key=value …`, one line per event. pino-pretty's own
 * layout prints every field as an indented, multi-line JSON block, which buries the message; a
 * person at a terminal wants to read the event, with the few fields that matter after it.
 * JSON logs (not a TTY, or LOG_FORMAT=json) keep every field as it is.
 */

/** Fields pino or the base bindings add to every line; never worth repeating per event. */
const HIDDEN = new Set(['level', 'time', 'pid', 'hostname', 'app', 'msg', 'component', 'err', 'error']);
const MAX_ITEMS = 5;
const MAX_VALUE = 120;

const clip = (text: string) => (text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text);

function showValue(value: unknown): string {
  if (typeof value === 'string') return clip(/[\s"=]/.test(value) || value === '' ? JSON.stringify(value) : value);
  if (Array.isArray(value)) {
    const shown = value.slice(0, MAX_ITEMS).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
    return clip(shown.join(',') + (value.length > MAX_ITEMS ? `,…+${value.length - MAX_ITEMS}` : ''));
  }
  return clip(JSON.stringify(value) ?? String(value));
}

/** `code: message` of a logged error (pino's serialiser gives `{type, message, stack, code?}`). */
function showError(err: unknown): string | undefined {
  if (err === null || typeof err !== 'object') return err === undefined ? undefined : String(err);
  const { code, type, message } = err as { code?: unknown; type?: unknown; message?: unknown };
  const label = typeof code === 'string' ? code : typeof type === 'string' ? type : 'error';
  return `${label}: ${typeof message === 'string' ? message : JSON.stringify(err)}`;
}

/**
 * pino-pretty `messageFormat`: the whole line after time and level. With `withStack` (debug and
 * trace levels) an error's stack follows on indented lines, for the one reading it to debug.
 */
export function formatPrettyLine(log: Record<string, unknown>, messageKey: string, withStack = false): string {
  const component = typeof log.component === 'string' ? `[${log.component}] ` : '';
  const message = typeof log[messageKey] === 'string' ? (log[messageKey] as string) : '';
  const error = showError(log.err ?? log.error);
  const fields = Object.entries(log)
    .filter(([key, value]) => !HIDDEN.has(key) && key !== messageKey && value !== undefined)
    .map(([key, value]) => `${key}=${showValue(value)}`);
  const err = log.err ?? log.error;
  const stack = withStack && err !== null && typeof err === 'object' ? (err as { stack?: unknown }).stack : undefined;
  return [
    `${component}${message}`,
    error === undefined ? '' : ` — ${error}`,
    fields.length > 0 ? `  ${fields.join(' ')}` : '',
    typeof stack === 'string' ? `\n    ${stack.split('\n').join('\n    ')}` : '',
  ].join('');
}
