import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One registry per process. Workers count what they do here; `/metrics` exposes it. Kept in
 * jobs/ because it is process-wide runtime state, not domain logic.
 */
export interface Metrics {
  registry: Registry;
  storiesEnqueued: Counter<'feed'>;
  feedPolls: Counter<'feed' | 'outcome'>;
  storiesProcessed: Counter<'outcome'>;
  incidentsChanged: Counter<'change'>;
  queueDepth: Gauge<'queue' | 'state'>;
  /** Age of the oldest job waiting in each queue: a growing figure means workers cannot keep up. */
  queueOldestWaiting: Gauge<'queue'>;
  /** Deliver jobs by outcome (posted, edited, skipped, failed) and platform (slack, discord, console). */
  alerts: Counter<'platform' | 'outcome'>;
  /** One deliver job: render, post or edit, record. */
  deliverDuration: Histogram<'platform'>;
  /** From the first time wirewatch saw the incident's first story to its alert being posted. */
  alertLatency: Histogram<'platform'>;
  /** Where the queue gauges read from at scrape time (set by the app when it serves /metrics). */
  setQueueSource(source: () => Promise<readonly QueueSnapshot[]>): void;
}

export interface QueueSnapshot {
  queue: string;
  counts: Record<string, number>;
  /** Epoch ms of the oldest waiting job; undefined when none waits. */
  oldestWaitingAt: number | undefined;
}

/** Scrapes less often than this reuse the last reading, so a busy scraper cannot load Redis. */
const QUEUE_READ_TTL_MS = 1_000;

export function createMetrics(clock: () => number = Date.now): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'wirewatch_' });
  let source: (() => Promise<readonly QueueSnapshot[]>) | undefined;
  let last: { at: number; snapshots: Promise<readonly QueueSnapshot[]> } | undefined;
  const readQueues = (): Promise<readonly QueueSnapshot[]> => {
    if (!source) return Promise.resolve([]);
    if (!last || clock() - last.at > QUEUE_READ_TTL_MS) last = { at: clock(), snapshots: source().catch(() => []) };
    return last.snapshots;
  };
  const seconds = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];
  return {
    registry,
    storiesEnqueued: new Counter({
      name: 'wirewatch_stories_enqueued_total',
      help: 'New stories found in feeds',
      labelNames: ['feed'],
      registers: [registry],
    }),
    feedPolls: new Counter({
      name: 'wirewatch_feed_polls_total',
      help: 'Feed polls by outcome',
      labelNames: ['feed', 'outcome'],
      registers: [registry],
    }),
    storiesProcessed: new Counter({
      name: 'wirewatch_stories_processed_total',
      help: 'Stories classified, by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    incidentsChanged: new Counter({
      name: 'wirewatch_incidents_changed_total',
      help: 'Incidents opened or updated',
      labelNames: ['change'],
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: 'wirewatch_queue_jobs',
      help: 'Jobs per queue and state',
      labelNames: ['queue', 'state'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const snapshot of await readQueues())
          for (const [state, count] of Object.entries(snapshot.counts)) this.set({ queue: snapshot.queue, state }, count);
      },
    }),
    queueOldestWaiting: new Gauge({
      name: 'wirewatch_queue_oldest_waiting_seconds',
      help: 'Age of the oldest waiting job per queue (0 when none waits)',
      labelNames: ['queue'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const snapshot of await readQueues()) {
          const age = snapshot.oldestWaitingAt === undefined ? 0 : Math.max(0, clock() - snapshot.oldestWaitingAt) / 1000;
          this.set({ queue: snapshot.queue }, age);
        }
      },
    }),
    alerts: new Counter({
      name: 'wirewatch_alerts_total',
      help: 'Deliver jobs by platform and outcome (posted, edited, skipped, failed)',
      labelNames: ['platform', 'outcome'],
      registers: [registry],
    }),
    deliverDuration: new Histogram({
      name: 'wirewatch_deliver_duration_seconds',
      help: 'Time to run one deliver job (post or edit included)',
      labelNames: ['platform'],
      buckets: seconds,
      registers: [registry],
    }),
    alertLatency: new Histogram({
      name: 'wirewatch_alert_latency_seconds',
      help: 'Story first seen by wirewatch to its alert posted',
      labelNames: ['platform'],
      buckets: seconds,
      registers: [registry],
    }),
    setQueueSource(next) {
      source = next;
      last = undefined;
    },
  };
}
