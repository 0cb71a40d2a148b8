import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliverAlert, type DeliverDeps } from '../../src/delivery/deliver-alert.js';
import type { ChannelAddress, Incident } from '../../src/domain/index.js';
import { WirewatchError } from '../../src/errors.js';
import { formatAlert } from '../../src/format/format-alert.js';
import { createDeliveryLog, type DeliveryLog } from '../../src/store/delivery-log.js';
import { buchaStrike } from '../fixtures/alerts/incidents.js';
import { RecordingSink } from '../support/recording-sink.js';
import { createTestRedis, deletePrefix, uniquePrefix } from '../support/redis.js';

const channel: ChannelAddress = { platform: 'slack', workspace: 'T1', channel: 'C1' };
const target = 'slack/T1/C1';
let redis: Redis;
let prefix: string;
let sink: RecordingSink;
let log: DeliveryLog;
const incidents = new Map<string, Incident>();

beforeAll(() => {
  redis = createTestRedis();
});
afterAll(() => redis.quit());
beforeEach(() => {
  prefix = uniquePrefix('deliver-rules');
  sink = new RecordingSink(redis, `${prefix}:platform`);
  log = createDeliveryLog(redis, prefix, 3600);
  incidents.clear();
});
afterEach(() => deletePrefix(redis, prefix));

const deps = (): DeliverDeps => ({
  getIncident: (id) => Promise.resolve(incidents.get(id)),
  log,
  sink,
  format: formatAlert,
  clock: Date.now,
});
const store = (incident: Incident) => incidents.set(incident.id, incident);
const deliver = (incidentId: string, version: number) => deliverAlert({ incidentId, version, target, channel }, deps());

describe('deliverAlert', () => {
  it('posts the first version, edits later ones, and skips a version the channel already shows', async () => {
    store(buchaStrike({ id: 'a', version: 1 }));
    expect(await deliver('a', 1)).toMatchObject({ outcome: 'posted', version: 1 });
    store(buchaStrike({ id: 'a', version: 3 }));
    expect(await deliver('a', 3)).toMatchObject({ outcome: 'edited', version: 3 });
    // The v2 job arrives late: the channel already shows v3.
    expect(await deliver('a', 2)).toEqual({ outcome: 'skipped', reason: 'already-shown' });
    expect(await sink.posts()).toHaveLength(1);
    expect((await sink.edits()).map((e) => e.message.version)).toEqual([3]);
  });

  it('after an unconfirmed post on a platform that cannot search, re-posts once and never twice', async () => {
    sink.searchable = false;
    store(buchaStrike({ id: 'a', version: 1 }));
    // What a crash after the post leaves: the intent, no reference.
    await log.recordIntent('a', target, { version: 1, at: 'x', blind: 0 });
    expect(await deliver('a', 1)).toMatchObject({ outcome: 'posted' });
    expect((await log.get('a', target)).intent).toBeUndefined();
    // The blind re-post itself died unconfirmed: give up rather than risk a second duplicate.
    await log.recordIntent('b', target, { version: 1, at: 'x', blind: 1 });
    store(buchaStrike({ id: 'b', version: 1 }));
    expect(await deliver('b', 1)).toEqual({ outcome: 'skipped', reason: 'unconfirmed-post' });
    expect(await sink.posts()).toHaveLength(1);
  });

  it('clears the intent when the platform refuses the post, so the retry is not blind', async () => {
    store(buchaStrike({ id: 'a', version: 1 }));
    sink.failWith.set('C1', new WirewatchError('delivery_failed', 'HTTP 502'));
    await expect(deliver('a', 1)).rejects.toMatchObject({ code: 'delivery_failed' });
    expect((await log.get('a', target)).intent).toBeUndefined();
  });

  it('on a merge, edits the retired message to say so, moves the survivor onto an existing message, and never posts a third', async () => {
    store(buchaStrike({ id: 'old', version: 1 }));
    store(buchaStrike({ id: 'new', version: 1 }));
    await deliver('old', 1);
    await deliver('new', 1);
    store(buchaStrike({ id: 'old', version: 4, mergedFrom: ['new'] }));
    store(buchaStrike({ id: 'new', version: 2, mergedInto: 'old' }));
    expect(await deliver('old', 4)).toMatchObject({ outcome: 'edited' });
    expect(await deliver('new', 2)).toMatchObject({ outcome: 'edited' });
    const edits = await sink.edits();
    expect(edits.find((e) => e.message.incidentId === 'new')?.message.mergedInto).toBe('old');
    expect(await sink.posts()).toHaveLength(2);

    // A channel that only ever showed the retired incident: the survivor takes over that message.
    const other: ChannelAddress = { platform: 'slack', workspace: 'T1', channel: 'C2' };
    store(buchaStrike({ id: 'x', version: 1 }));
    await deliverAlert({ incidentId: 'x', version: 1, target: 'slack/T1/C2', channel: other }, deps());
    store(buchaStrike({ id: 'x', version: 2, mergedInto: 'old' }));
    store(buchaStrike({ id: 'old', version: 5, mergedFrom: ['new', 'x'] }));
    expect(await deliverAlert({ incidentId: 'old', version: 5, target: 'slack/T1/C2', channel: other }, deps())).toMatchObject({
      outcome: 'adopted',
    });
    expect(await deliverAlert({ incidentId: 'x', version: 2, target: 'slack/T1/C2', channel: other }, deps())).toEqual({
      outcome: 'skipped',
      reason: 'adopted-elsewhere',
    });
    expect(await sink.posts('C2')).toHaveLength(1);
    // A retired incident the channel never showed is not posted.
    store(buchaStrike({ id: 'y', version: 2, mergedInto: 'old' }));
    expect(await deliver('y', 2)).toEqual({ outcome: 'skipped', reason: 'retired-unposted' });
  });
});
