import type { Redis } from 'ioredis';
import type { MessageRef } from '../domain/index.js';
import { defineLuaScript } from './lua-script.js';

/**
 * What each channel was shown of each incident: the message to edit, the version on screen,
 * and an intent written before a post so a crash between the post and recording its reference
 * is noticed on retry. One hash per incident (`{prefix}:delivery:<incident>`), one field per
 * target (channel key, or `console` for the catch-all console view), TTL = incident retention.
 */
export interface DeliveryState {
  /** The posted message; absent until a post is confirmed. */
  ref?: MessageRef;
  /** Highest version the message shows. */
  shown?: number;
  /** Written before posting; cleared when the post is recorded or known to have failed. */
  intent?: { version: number; at: string; /** Posts made without knowing whether an earlier one landed. */ blind: number };
  /** The message now belongs to the incident this one was merged into. */
  adoptedBy?: string;
}

export interface DeliveryLog {
  get(incidentId: string, target: string): Promise<DeliveryState>;
  /** Targets that have (or had) a message for the incident. */
  targets(incidentId: string): Promise<string[]>;
  recordIntent(incidentId: string, target: string, intent: NonNullable<DeliveryState['intent']>): Promise<void>;
  clearIntent(incidentId: string, target: string): Promise<void>;
  /** The post landed: keep its reference and the version it shows. */
  recordPosted(incidentId: string, target: string, ref: MessageRef, version: number): Promise<void>;
  /** An edit landed; never lowers `shown` (a slow older job cannot roll a channel back). */
  recordShown(incidentId: string, target: string, version: number): Promise<void>;
  /** The survivor of a merge takes over the retired incident's message in this channel. */
  recordAdopted(retiredId: string, survivorId: string, target: string, ref: MessageRef, version: number): Promise<void>;
}

// KEYS: delivery hash; ARGV: field, json patch, ttl seconds, 1 = keep the higher `shown`.
const PATCH = defineLuaScript(`
local current = redis.call('HGET', KEYS[1], ARGV[1])
local state = current and cjson.decode(current) or {}
local patch = cjson.decode(ARGV[2])
for key, value in pairs(patch) do
  if value == 'DELETE' then state[key] = nil
  elseif key == 'shown' and ARGV[4] == '1' and state.shown and state.shown > value then
  else state[key] = value end
end
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(state))
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1
`);

export function createDeliveryLog(redis: Redis, prefix: string, ttlSeconds: number): DeliveryLog {
  const key = (incidentId: string) => `${prefix}:delivery:${incidentId}`;
  const patch = async (incidentId: string, target: string, fields: Record<string, unknown>, keepHigher = true) => {
    await PATCH.run(redis, [key(incidentId)], [target, JSON.stringify(fields), ttlSeconds, keepHigher ? '1' : '0']);
  };
  return {
    async get(incidentId, target) {
      const json = await redis.hget(key(incidentId), target);
      return json ? (JSON.parse(json) as DeliveryState) : {};
    },
    targets: (incidentId) => redis.hkeys(key(incidentId)),
    recordIntent: (incidentId, target, intent) => patch(incidentId, target, { intent }),
    clearIntent: (incidentId, target) => patch(incidentId, target, { intent: 'DELETE' }),
    recordPosted: (incidentId, target, ref, version) => patch(incidentId, target, { ref, shown: version, intent: 'DELETE' }),
    recordShown: (incidentId, target, version) => patch(incidentId, target, { shown: version }),
    async recordAdopted(retiredId, survivorId, target, ref, version) {
      await patch(survivorId, target, { ref, shown: version, intent: 'DELETE' });
      await patch(retiredId, target, { adoptedBy: survivorId });
    },
  };
}
