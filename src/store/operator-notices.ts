import type { Redis } from 'ioredis';

/**
 * Things an operator must hear about (a feed that keeps failing, and when it recovers). Kept as
 * a Redis stream so the delivery side can post them to the admin channel at its own pace,
 * from any process, and resume after a restart from the last id it delivered.
 */
export type NoticeKind = 'feed_failing' | 'feed_recovered' | 'subscription_paused';

export interface OperatorNotice {
  kind: NoticeKind;
  /** The feed a feed notice is about; '' for a subscription notice. */
  feedId: string;
  /** The channel key a subscription notice is about. */
  channel?: string;
  /** One human-readable line, e.g. "feed kyiv-independent failing after 10 attempts: feed_timeout: …". */
  message: string;
  /** Error code when the notice is about a failure. */
  code?: string;
  /** ISO 8601. */
  at: string;
}

export interface StoredNotice extends OperatorNotice {
  /** Stream entry id; pass it back as `afterId` to read only newer notices. */
  id: string;
}

export const NOTICE_STREAM_MAX_LENGTH = 1000;

export function noticesKey(prefix: string): string {
  return `${prefix}:notices`;
}

export interface OperatorNotices {
  record(notice: OperatorNotice): Promise<string>;
  /** Oldest first. */
  read(options?: { afterId?: string; count?: number }): Promise<StoredNotice[]>;
}

export function createOperatorNotices(redis: Redis, prefix: string): OperatorNotices {
  const key = noticesKey(prefix);
  return {
    async record(notice) {
      const fields = Object.entries(notice).flatMap(([name, value]) => (value === undefined ? [] : [name, String(value)]));
      const id = await redis.xadd(key, 'MAXLEN', '~', NOTICE_STREAM_MAX_LENGTH, '*', ...fields);
      return id ?? '';
    },
    async read(options = {}) {
      const start = options.afterId ? `(${options.afterId}` : '-';
      const entries = await redis.xrange(key, start, '+', 'COUNT', options.count ?? 100);
      return entries.map(([id, fields]) => toNotice(id, fields));
    },
  };
}

function toNotice(id: string, fields: string[]): StoredNotice {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i]!, fields[i + 1]!);
  const code = map.get('code');
  const channel = map.get('channel');
  return {
    ...(channel ? { channel } : {}),
    id,
    kind: (map.get('kind') ?? 'feed_failing') as NoticeKind,
    feedId: map.get('feedId') ?? '',
    message: map.get('message') ?? '',
    ...(code ? { code } : {}),
    at: map.get('at') ?? '',
  };
}
