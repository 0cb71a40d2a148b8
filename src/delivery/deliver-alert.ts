import type { AlertMessage, ChannelAddress, Clock, Incident, MessageRef, Sink } from '../domain/index.js';
import { isWirewatchError } from '../errors.js';
import type { DeliveryLog, DeliveryState } from '../store/delivery-log.js';

/** One deliver job: show the incident (at least at `version`) in one channel. */
export interface DeliverRequest {
  incidentId: string;
  version: number;
  /** Delivery-log key of the target: a channel key, or `console` for the catch-all console view. */
  target: string;
  channel: ChannelAddress;
}

export interface DeliverDeps {
  getIncident(id: string): Promise<Incident | undefined>;
  log: DeliveryLog;
  sink: Sink;
  format(incident: Incident, context: { sinceVersion?: number; mergedInto?: string }): AlertMessage;
  clock: Clock;
  /** Runs right before each post or edit: the per-channel rate limit (it throws to delay the job). */
  beforeSend?(): Promise<void>;
}

export type DeliverOutcome =
  | { outcome: 'posted' | 'edited' | 'recovered' | 'adopted'; version: number; ref: MessageRef }
  | { outcome: 'skipped'; reason: 'expired' | 'already-shown' | 'retired-unposted' | 'adopted-elsewhere' | 'unconfirmed-post' };

/**
 * First version of an incident in a channel posts; later versions edit that message; a
 * version the channel already shows is skipped. The job renders the incident as stored now,
 * so a late job for v2 after v4 was shown does nothing, and one for v2 when v4 exists shows v4.
 *
 * Crash safety: an intent is written before posting and the reference after. Finding an
 * intent without a reference means an earlier attempt died in between; the sink is asked
 * whether the message exists (`findMessage`), and when it cannot say, one more post is made
 * — at most once, so the window costs one duplicate at worst (docs/delivery.md, "one-duplicate window").
 */
export async function deliverAlert(request: DeliverRequest, deps: DeliverDeps): Promise<DeliverOutcome> {
  const incident = await deps.getIncident(request.incidentId);
  if (!incident) return { outcome: 'skipped', reason: 'expired' };
  const state = await deps.log.get(incident.id, request.target);
  if (state.adoptedBy !== undefined) return { outcome: 'skipped', reason: 'adopted-elsewhere' };
  if (state.shown !== undefined && state.shown >= incident.version) return { outcome: 'skipped', reason: 'already-shown' };
  const context = { ...(incident.mergedInto ? { mergedInto: incident.mergedInto } : {}) };

  if (state.ref) return edit(incident, request, state.ref, { ...context, sinceVersion: state.shown ?? 0 }, deps, 'edited');
  // A retired incident is only ever edited: the survivor carries the alert from now on.
  if (incident.mergedInto) return { outcome: 'skipped', reason: 'retired-unposted' };

  for (const retiredId of incident.mergedFrom ?? []) {
    const retired = await deps.log.get(retiredId, request.target);
    if (!retired.ref || retired.adoptedBy !== undefined) continue;
    // The channel already shows one of the merged incidents: that message becomes the survivor's.
    await deps.beforeSend?.();
    await deps.sink.edit(retired.ref, deps.format(incident, { sinceVersion: retired.shown ?? 0 }));
    await deps.log.recordAdopted(retiredId, incident.id, request.target, retired.ref, incident.version);
    return { outcome: 'adopted', version: incident.version, ref: retired.ref };
  }

  const blind = state.intent ? await recoverUnconfirmedPost(incident, request, state, deps) : 0;
  if (typeof blind !== 'number') return blind;
  await deps.beforeSend?.();
  await deps.log.recordIntent(incident.id, request.target, { version: incident.version, at: new Date(deps.clock()).toISOString(), blind });
  let ref: MessageRef;
  try {
    ref = await deps.sink.post(request.channel, deps.format(incident, context));
  } catch (error) {
    // The platform answered with an error, so nothing was posted: the next attempt is not blind.
    // A timeout may have posted; its intent stays.
    if (isWirewatchError(error) && error.detail?.ambiguous !== true) await deps.log.clearIntent(incident.id, request.target);
    throw error;
  }
  await deps.log.recordPosted(incident.id, request.target, ref, incident.version);
  return { outcome: 'posted', version: incident.version, ref };
}

/** After a crash between post and record: adopt the message if the platform has it, else allow one blind post. */
async function recoverUnconfirmedPost(
  incident: Incident,
  request: DeliverRequest,
  state: DeliveryState,
  deps: DeliverDeps,
): Promise<number | DeliverOutcome> {
  const found = deps.sink.findMessage ? await deps.sink.findMessage(request.channel, incident.id) : undefined;
  if (found) {
    await deps.log.recordPosted(incident.id, request.target, found, state.intent?.version ?? 0);
    return edit(incident, request, found, { sinceVersion: state.intent?.version ?? 0 }, deps, 'recovered');
  }
  const blind = state.intent?.blind ?? 0;
  if (blind >= 1) return { outcome: 'skipped', reason: 'unconfirmed-post' };
  return blind + 1;
}

async function edit(
  incident: Incident,
  request: DeliverRequest,
  ref: MessageRef,
  context: { sinceVersion: number; mergedInto?: string },
  deps: DeliverDeps,
  outcome: 'edited' | 'recovered',
): Promise<DeliverOutcome> {
  if (context.sinceVersion >= incident.version) {
    await deps.log.recordShown(incident.id, request.target, incident.version);
    return { outcome, version: incident.version, ref };
  }
  await deps.beforeSend?.();
  await deps.sink.edit(ref, deps.format(incident, context));
  await deps.log.recordShown(incident.id, request.target, incident.version);
  return { outcome, version: incident.version, ref };
}
