import type { Redis } from 'ioredis';
import type { Config } from '../../src/config/index.js';
import { listFeedSources } from '../../src/feeds/feed-list.js';
import { createFeedStateStore, type FeedState } from '../../src/store/feed-state.js';
import { createOperatorNotices, type StoredNotice } from '../../src/store/operator-notices.js';
import { createQueue } from '../queues.js';
import { createIncidentStore } from '../runtime/stores.js';
import { QUEUE_NAMES } from '../workers/registry.js';

export interface FeedHealth extends FeedState {
  url: string;
  name: string;
  health: 'ok' | 'never-polled' | 'backing-off' | 'failing';
}

export interface StatusReport {
  redis: string;
  feeds: FeedHealth[];
  queues: Record<string, Record<string, number>>;
  recentIncidents: {
    id: string;
    headline: string;
    kinds: string[];
    regions: string[];
    severity: string;
    version: number;
    lastUpdated: string;
  }[];
  recentNotices: StoredNotice[];
}

/** Everything `wirewatch status` shows, read from Redis without changing anything. */
export async function collectStatus(config: Config, redis: Redis, redisUrl: string): Promise<StatusReport> {
  const prefix = config.redis.prefix;
  const sources = listFeedSources(config);
  const states = await createFeedStateStore(redis, prefix).list(sources.map((s) => s.id));
  const feeds = sources.map((source, i): FeedHealth => {
    const state = states[i] ?? { feedId: source.id, consecutiveFailures: 0 };
    return { ...state, url: source.url, name: source.name, health: healthOf(state) };
  });

  const queues: StatusReport['queues'] = {};
  for (const name of QUEUE_NAMES) {
    const queue = createQueue(name, { redisUrl, prefix });
    try {
      queues[name] = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
    } finally {
      await queue.close();
    }
  }

  const page = await createIncidentStore({ redis, prefix, config }).list({ limit: 5 });
  const recentIncidents = page.incidents.map((incident) => ({
    id: incident.id,
    headline: incident.headline,
    kinds: incident.kinds,
    regions: incident.regions.map((r) => r.code),
    severity: incident.severity,
    version: incident.version,
    lastUpdated: new Date(incident.lastUpdated).toISOString(),
  }));
  const notices = await createOperatorNotices(redis, prefix).read({ count: 1000 });
  return { redis: redisUrl, feeds, queues, recentIncidents, recentNotices: notices.slice(-5) };
}

function healthOf(state: FeedState): FeedHealth['health'] {
  if (state.failingSince !== undefined) return 'failing';
  if (state.lastAttemptAt === undefined) return 'never-polled';
  if (state.consecutiveFailures > 0) return 'backing-off';
  return 'ok';
}

/** The report as a few readable lines for a terminal. */
export function formatStatus(report: StatusReport, now: number): string {
  const ago = (ms: number | undefined) => (ms === undefined ? 'never' : `${Math.max(0, Math.round((now - ms) / 1000))}s ago`);
  const lines = [`redis: ${report.redis}`, '', 'feeds:'];
  for (const feed of report.feeds) {
    const why =
      feed.health === 'failing'
        ? ` — ${feed.disabledReason ?? feed.lastError ?? ''}`
        : feed.consecutiveFailures > 0
          ? ` — ${feed.consecutiveFailures} failures, last ${feed.lastError ?? ''}`
          : '';
    lines.push(`  ${feed.health.padEnd(12)} ${feed.feedId.padEnd(20)} last success ${ago(feed.lastSuccessAt)}${why}`);
  }
  lines.push('', 'queues:');
  for (const [name, counts] of Object.entries(report.queues)) {
    lines.push(
      `  ${name.padEnd(8)} ${Object.entries(counts)
        .map(([state, n]) => `${state} ${n}`)
        .join(', ')}`,
    );
  }
  lines.push('', 'recent incidents:');
  if (report.recentIncidents.length === 0) lines.push('  (none)');
  for (const i of report.recentIncidents)
    lines.push(
      `  ${i.lastUpdated} ${i.severity.padEnd(8)} ${i.kinds.join('+').padEnd(18)} ${i.regions.join(',') || '-'}  ${i.headline} (v${i.version})`,
    );
  if (report.recentNotices.length > 0) {
    lines.push('', 'operator notices:');
    for (const n of report.recentNotices) lines.push(`  ${n.at} ${n.message}`);
  }
  return lines.join('\n');
}
