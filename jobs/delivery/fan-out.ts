import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { CONSOLE_FEED } from '../../adapters/console/render-console.js';
import { describeRecipientQuery } from '../../src/delivery/match-subscriptions.js';
import type { ChannelAddress, Incident, Logger, SubscriptionRepository } from '../../src/domain/index.js';
import { ancestorsOf } from '../../src/geo/index.js';
import type { DeliveryLog } from '../../src/store/delivery-log.js';
import type { ChannelOrder } from './channel-order.js';
import { parseChannelKey, toChannelKey } from '../../src/store/subscription-store.js';
import { DELIVER_JOB_NAME, DELIVER_JOB_OPTIONS, deliverJobId, type DeliverJobData } from '../queues.js';

export const CONSOLE_TARGET = 'console';
const GROUP = 'deliver-fanout';
const BATCH = 50;
/** A consumer that died holding entries: another takes them over after this long. */
const CLAIM_IDLE_MS = 30_000;

export interface FanOutDeps {
  getIncident(id: string): Promise<Incident | undefined>;
  subscriptions: SubscriptionRepository;
  log: DeliveryLog;
  queue: Queue<DeliverJobData>;
  /** No platform configured: with no subscription at all the console shows every alert. */
  consoleOnly: boolean;
  logger: Logger;
  /** Called when an alert goes to the console's catch-all view (the worker says once why). */
  onCatchAll?: () => void;
  /** Per-channel order of deliveries; jobs are recorded in it before they are enqueued. */
  order?: ChannelOrder;
}

/**
 * One deliver job per channel that should see this version of the incident. A retired
 * (merged) incident goes only to the channels that already show it, to be edited; the others
 * by subscription, through the region and country indexes — never a scan.
 */
export async function fanOutIncident(incident: Incident, deps: FanOutDeps): Promise<DeliverJobData[]> {
  const jobs = await planFanOut(incident, deps);
  await enqueueDeliveries(jobs, deps);
  return jobs;
}

/** The deliver jobs one incident version needs (reads only: nothing is recorded or enqueued). */
export async function planFanOut(incident: Incident, deps: FanOutDeps): Promise<DeliverJobData[]> {
  const shownIn = await deps.log.targets(incident.id);
  const targets = new Map<string, ChannelAddress>();
  if (incident.mergedInto) {
    for (const key of shownIn) {
      const channel = key === CONSOLE_TARGET ? CONSOLE_FEED : parseChannelKey(key);
      if (channel) targets.set(key, channel);
    }
  } else {
    // Filtered inside the index: only the matching channels come back, never every candidate's JSON.
    const recipients = await deps.subscriptions.findRecipients(describeRecipientQuery(incident, ancestorsOf));
    for (const channel of recipients) targets.set(toChannelKey(channel), channel);
    const everything = deps.consoleOnly && (await deps.subscriptions.count()) === 0;
    if (everything) deps.onCatchAll?.();
    if (everything || shownIn.includes(CONSOLE_TARGET)) targets.set(CONSOLE_TARGET, CONSOLE_FEED);
  }
  return [...targets].map(([target, channel]) => ({ incidentId: incident.id, version: incident.version, target, channel }));
}

/** Records the jobs in each channel's order, in the order given, then enqueues them in one bulk. */
export async function enqueueDeliveries(jobs: readonly DeliverJobData[], deps: Pick<FanOutDeps, 'queue' | 'order'>): Promise<void> {
  if (jobs.length === 0) return;
  await deps.order?.record(jobs.map((data) => ({ target: data.target, jobId: deliverJobId(data) })));
  await deps.queue.addBulk(
    jobs.map((data) => ({ name: DELIVER_JOB_NAME, data, opts: { ...DELIVER_JOB_OPTIONS, jobId: deliverJobId(data) } })),
  );
}

export interface ChangeConsumer {
  close(): Promise<void>;
}

/**
 * Reads the `incident-changes` stream the story commit writes, in a consumer group, so every
 * version is fanned out once across all processes, and entries a crashed process held are
 * claimed by another after 30 s. Entries older than `maxAgeMs` are acknowledged without an
 * alert: a first deploy on an old stream, or a long outage, never floods channels.
 */
export async function startChangeConsumer(
  redis: Redis,
  streamKey: string,
  deps: FanOutDeps & { clock: () => number; maxAgeMs: number },
): Promise<ChangeConsumer> {
  const reader = redis.duplicate();
  const consumer = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  try {
    await reader.xgroup('CREATE', streamKey, GROUP, '0', 'MKSTREAM');
  } catch (error) {
    if (!(error as Error).message.includes('BUSYGROUP')) throw error;
  }
  let running = true;
  let lastClaim = 0;
  // A batch is planned concurrently (reads), then recorded and enqueued at once in stream order,
  // so per-channel order still follows commit order. Handling entries one by one cost ~8 round
  // trips each, in series: the 10th story of a burst waited ~150 ms for the nine before it.
  const handle = async (entries: [string, string[]][]) => {
    if (entries.length === 0) return;
    const plans = await Promise.all(
      entries.map(async ([id, fields]) => {
        const incidentId = fieldOf(fields, 'incident');
        if (!incidentId || Number(id.split('-')[0]) < deps.clock() - deps.maxAgeMs) return [];
        const incident = await deps.getIncident(incidentId);
        return incident ? planFanOut(incident, deps) : [];
      }),
    );
    await enqueueDeliveries(plans.flat(), deps);
    await reader.xack(streamKey, GROUP, ...entries.map(([id]) => id));
  };
  const loop = (async () => {
    while (running) {
      try {
        if (deps.clock() - lastClaim > CLAIM_IDLE_MS / 3) {
          lastClaim = deps.clock();
          const claimed = (await reader.xautoclaim(streamKey, GROUP, consumer, CLAIM_IDLE_MS, '0-0', 'COUNT', BATCH)) as [
            string,
            [string, string[]][],
          ];
          await handle(claimed[1] ?? []);
        }
        const reply = (await reader.xreadgroup('GROUP', GROUP, consumer, 'COUNT', BATCH, 'BLOCK', 500, 'STREAMS', streamKey, '>')) as
          [string, [string, string[]][]][] | null;
        for (const [, entries] of reply ?? []) await handle(entries);
      } catch (error) {
        if (!running) break;
        deps.logger.warn({ err: error }, 'fan-out read failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  })();
  return {
    async close() {
      running = false;
      await loop;
      reader.disconnect();
    },
  };
}

function fieldOf(fields: readonly string[], name: string): string | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}
