import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import { deliverAlert, type DeliverOutcome } from '../../src/delivery/deliver-alert.js';
import { isWirewatchError } from '../../src/errors.js';
import { formatAlert } from '../../src/format/format-alert.js';
import { createDeliveryLog } from '../../src/store/delivery-log.js';
import { IncidentKeys } from '../../src/store/incident-keys.js';
import { createOperatorNotices } from '../../src/store/operator-notices.js';
import { SubscriptionStore } from '../../src/store/subscription-store.js';
import { createChannelOrder } from '../delivery/channel-order.js';
import { ChannelBusy, createChannelSlots } from '../delivery/channel-slot.js';
import { startChangeConsumer } from '../delivery/fan-out.js';
import { startNoticeDispatcher } from '../delivery/notice-dispatcher.js';
import { createSinkSet } from '../delivery/sinks.js';
import { measureDeliveries } from '../delivery/deliver-metrics.js';
import { createQueue, createWorker, type DeliverJobData, type StoryJobData } from '../queues.js';
import { acquireLock, releaseLock } from '../runtime/redis-lock.js';
import { createIncidentStore } from '../runtime/stores.js';
import { describeSinks } from '../runtime/startup-summary.js';
import type { Closeable, RuntimeDeps } from './registry.js';

const DELIVER_CONCURRENCY = 8;
/**
 * BullMQ honours a queue-wide pause (`queue.rateLimit`) in every worker process only when the
 * workers have a limiter; this one is far above any real delivery rate, so it never throttles
 * and exists so a platform-global 429 stops every deliver worker, not just the one that saw it.
 */
export const GLOBAL_PAUSE_LIMITER = { max: 10_000, duration: 1000 };
/** Stream entries older than this are not alerted (a first deploy on an old stream, a long outage). */
const MAX_CHANGE_AGE_MS = 6 * 3600_000;

export interface DeliverWorkerOptions {
  /** BullMQ lock of an active job; a worker that died is noticed after about this long. */
  lockDurationMs?: number;
}

export type DeliverJobResult = DeliverOutcome | { outcome: 'paused'; reason: string } | { outcome: 'delayed' };

/**
 * The `deliver` queue: one job = one incident version for one channel. Also runs, in the same
 * component, the fan-out consumer of the incident-changes stream (which enqueues these jobs)
 * and the operator-notice dispatcher, so `worker --queues deliver` is the whole delivery side.
 */
export async function createDeliverWorker(deps: RuntimeDeps, options: DeliverWorkerOptions = {}): Promise<Closeable> {
  const logger = deps.logger.child({ component: 'deliver' });
  const lockDuration = options.lockDurationMs ?? 30_000;
  const store = createIncidentStore(deps);
  const subscriptions = new SubscriptionStore(deps.redis, deps.prefix);
  // Before fan-out reads it: an index written by an older version is rebuilt from the subscriptions.
  const reindexed = await subscriptions.prepareIndex();
  if (reindexed > 0) logger.info({ reindexed }, `subscription index rebuilt for ${reindexed} subscription(s)`);
  const log = createDeliveryLog(deps.redis, deps.prefix, deps.config.incidents.retentionDays * 86_400 + 86_400);
  const notices = createOperatorNotices(deps.redis, deps.prefix);
  const sinks = await createSinkSet(deps);
  logger.info(describeSinks(sinks.platforms));
  const queue = createQueue<DeliverJobData>('deliver', deps);
  const getIncident = (id: string) => store.getIncident(id);
  const order = createChannelOrder(deps.redis, deps.prefix, queue);
  const slots = createChannelSlots(deps.redis, deps.prefix);

  let worker: Worker<DeliverJobData, DeliverJobResult> | undefined = undefined;
  let catchAllAnnounced = false;
  const processJob = async (job: Job<DeliverJobData>, token: string | undefined): Promise<DeliverJobResult> => {
    const data = job.data;
    if (!data?.incidentId || !data.target || !data.channel) throw new UnrecoverableError('deliver job without incident, target or channel');
    // One job at a time per incident and channel: two versions racing must not both post.
    const lockKey = `${deps.prefix}:deliver:lock:${data.incidentId}:${data.target}`;
    const lock = await acquireLock(deps.redis, lockKey, lockDuration);
    if (lock === undefined) await delay(job, token, 200 + Math.random() * 300);
    try {
      // An earlier alert for this channel is still pending (retrying a 500, say): wait behind it.
      if (!(await order.isTurn(data.target, job.id ?? ''))) await delay(job, token, 200 + Math.random() * 200);
      const outcome = await deliverAlert(data, {
        getIncident,
        log,
        sink: sinks.sinkFor(data.channel),
        format: (incident, context) => formatAlert(incident, context),
        clock: deps.clock,
        beforeSend: () => slots.take(data.target),
      });
      await order.release(data.target, job.id ?? '');
      return outcome;
    } catch (error) {
      if (error instanceof ChannelBusy) await delay(job, token, error.waitMs);
      if (isWirewatchError(error, 'delivery_rate_limited')) {
        const retryAfterMs = Math.max(100, Number(error.detail?.retryAfterMs ?? 1000));
        if (error.detail?.scope === 'global') {
          // The whole platform said stop (Discord's global limit): pause the queue for every worker.
          logger.warn({ target: data.target, retryAfterMs }, 'platform-wide rate limit: the deliver queue pauses');
          await queue.rateLimit(retryAfterMs);
          throw Worker.RateLimitError();
        }
        // One channel is busy: hold its slot, so its later jobs wait as well and keep their order,
        // and delay only this job; every other channel carries on.
        await slots.hold(data.target, retryAfterMs);
        await delay(job, token, retryAfterMs);
      }
      if (isWirewatchError(error, 'delivery_permanent')) {
        await order.release(data.target, job.id ?? '');
        return pauseChannel(data, String(error.detail?.reason ?? error.message));
      }
      throw error;
    } finally {
      if (lock !== undefined) await releaseLock(deps.redis, lockKey, lock);
    }
  };

  const pauseChannel = async (data: DeliverJobData, reason: string): Promise<DeliverJobResult> => {
    const at = new Date(deps.clock()).toISOString();
    const paused = await subscriptions.pauseChannel(data.channel, { reason, code: 'delivery_permanent', at });
    // Once per state change: only the job that actually paused subscriptions tells the operator.
    if (paused > 0) {
      await notices.record({
        kind: 'subscription_paused',
        feedId: '',
        channel: data.target,
        code: 'delivery_permanent',
        message: `delivery to ${data.target} paused (${reason}); ${paused} subscription(s) stop until the channel is subscribed again`,
        at,
      });
    }
    logger.warn({ target: data.target, reason, paused }, 'channel paused after a permanent platform error');
    return { outcome: 'paused', reason };
  };

  const storyQueue = createQueue<StoryJobData>('story', deps);
  const measured = measureDeliveries(processJob, {
    metrics: deps.metrics,
    platformOf: (data) => sinks.sinkFor(data.channel).name,
    getIncident,
    storyQueue,
    clock: deps.clock,
  });
  worker = createWorker<DeliverJobData, DeliverJobResult>('deliver', measured, deps, {
    concurrency: DELIVER_CONCURRENCY,
    limiter: GLOBAL_PAUSE_LIMITER,
    lockDuration,
    stalledInterval: Math.max(500, Math.floor(lockDuration / 2)),
  });
  worker.on('failed', (job, error) => logger.error({ jobId: job?.id, err: error }, 'deliver job failed'));
  worker.on('error', (error) => logger.warn({ err: error }, 'deliver worker error'));

  const consumer = await startChangeConsumer(deps.redis, new IncidentKeys(deps.prefix).changes(), {
    getIncident,
    subscriptions,
    log,
    queue,
    consoleOnly: sinks.consoleOnly,
    logger,
    order,
    clock: deps.clock,
    maxAgeMs: MAX_CHANGE_AGE_MS,
    onCatchAll: () => {
      if (catchAllAnnounced) return;
      catchAllAnnounced = true;
      logger.info(
        'no channel has subscribed yet, so the console shows every alert; `wirewatch subscribe --platform slack --channel C123 --region UA-32` narrows it',
      );
    },
  });
  const dispatcher = startNoticeDispatcher(deps, { notices, sinks: sinks.adminSinks, logger });

  return {
    name: 'deliver-worker',
    readiness: () => ({ 'deliver-worker': worker?.isRunning() ?? false, ...sinks.readiness() }),
    async close() {
      await consumer.close();
      await dispatcher.close();
      await worker?.close();
      await queue.close();
      await storyQueue.close();
      await sinks.close();
    },
  };
}

/** Moves the job back to delayed without counting an attempt (BullMQ's DelayedError). */
async function delay(job: Job<DeliverJobData>, token: string | undefined, waitMs: number): Promise<never> {
  await job.moveToDelayed(Date.now() + waitMs, token);
  throw new DelayedError();
}
