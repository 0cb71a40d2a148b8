import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

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
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'wirewatch_' });
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
    }),
  };
}
