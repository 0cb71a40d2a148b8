import { isWirewatchError } from '../errors.js';
import type { ErrorReply, SuccessReply } from './replies.js';

export function formatSuccessReply(title: string, lines: readonly string[] = []): SuccessReply {
  return { type: 'success', title, lines: [...lines] };
}

/**
 * Any failure as a neutral error reply: a coded `WirewatchError` keeps its code and message; anything
 * else becomes `internal_error` without its message, which may hold internals the user should not see.
 */
export function formatErrorReply(error: unknown, extra: { usage?: string; suggestions?: readonly string[] } = {}): ErrorReply {
  const reply: ErrorReply = isWirewatchError(error)
    ? { type: 'error', code: error.code, message: error.message }
    : { type: 'error', code: 'internal_error', message: 'Something went wrong on our side; the operator can find it in the logs.' };
  const suggestions = extra.suggestions ?? suggestionsOf(error);
  if (extra.usage !== undefined) reply.usage = extra.usage;
  if (suggestions && suggestions.length > 0) reply.suggestions = [...suggestions];
  return reply;
}

/** Use cases put "did you mean" candidates in `detail.suggestions`. */
function suggestionsOf(error: unknown): string[] | undefined {
  if (!isWirewatchError(error)) return undefined;
  const raw = error.detail?.suggestions;
  return Array.isArray(raw) ? raw.filter((s): s is string => typeof s === 'string') : undefined;
}
