import { DelayedError, RateLimitError, type Job, type Queue } from 'bullmq';
import type { Incident } from '../../src/domain/index.js';
import type { DeliverJobData, StoryJobData } from '../queues.js';
import type { Metrics } from '../runtime/metrics.js';

type Processor<Result> = (job: Job<DeliverJobData>, token: string | undefined) => Promise<Result>;

export interface DeliverMetricsDeps {
  metrics: Metrics;
  /** `slack`, `discord` or `console`: the sink this job's channel goes to. */
  platformOf(data: DeliverJobData): string;
  getIncident(id: string): Promise<Incident | undefined>;
  /** Story jobs keep their id (= story id) and creation time a day: when wirewatch first saw each story. */
  storyQueue: Pick<Queue<StoryJobData>, 'getJob'>;
  clock: () => number;
}

const EDITS = new Set(['edited', 'adopted', 'recovered']);

/**
 * Counts each deliver job by platform and outcome, times it, and for a first post measures the
 * end-to-end latency from the moment the incident's earliest story was seen. A job moved back to
 * delayed (channel slot, lock) or rate limited is neither an outcome nor a failure.
 */
export function measureDeliveries<Result extends { outcome: string }>(
  process: Processor<Result>,
  deps: DeliverMetricsDeps,
): Processor<Result> {
  return async (job, token) => {
    const platform = deps.platformOf(job.data);
    const stop = deps.metrics.deliverDuration.startTimer({ platform });
    try {
      const result = await process(job, token);
      const outcome =
        result.outcome === 'posted' ? 'posted' : EDITS.has(result.outcome) ? 'edited' : result.outcome === 'paused' ? 'failed' : 'skipped';
      deps.metrics.alerts.inc({ platform, outcome });
      stop();
      if (outcome === 'posted') await observeLatency(job.data.incidentId, platform, deps);
      return result;
    } catch (error) {
      if (!(error instanceof DelayedError) && !(error instanceof RateLimitError)) {
        deps.metrics.alerts.inc({ platform, outcome: 'failed' });
        stop();
      }
      throw error;
    }
  };
}

async function observeLatency(incidentId: string, platform: string, deps: DeliverMetricsDeps): Promise<void> {
  try {
    const incident = await deps.getIncident(incidentId);
    const jobs = await Promise.all((incident?.sources ?? []).map((source) => deps.storyQueue.getJob(source.storyId)));
    const seen = jobs.map((j) => j?.timestamp).filter((t): t is number => typeof t === 'number');
    if (seen.length > 0) deps.metrics.alertLatency.observe({ platform }, Math.max(0, deps.clock() - Math.min(...seen)) / 1000);
  } catch {
    // A metric must never fail a delivery that already happened.
  }
}
