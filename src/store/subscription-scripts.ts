import { SEVERITIES } from '../domain/index.js';
import { defineLuaScript } from './lua-script.js';

/**
 * The subscription store's Lua scripts (layout in subscription-store.ts). Every write keeps the
 * `subs` hash (the source of truth), the id sets and the recipient index in step, in one script.
 *
 * The recipient index holds only what fan-out may deliver to: active subscriptions, by kind,
 * scored by the rank of their minimum severity in SEVERITIES (0 = low), so Redis itself picks the
 * ones an incident's severity meets (ZRANGEBYSCORE) and no JSON is read. One Lua function,
 * `recipients`, derives a subscription's entries from its JSON for every script here.
 * - `recipients:strike:<region>`: member = channel key (one subscription per channel and region)
 * - `recipients:talks:<CC>`: member = subscription id (a channel may follow several regions of CC)
 */
const SEVERITY_RANKS = SEVERITIES.map((severity, rank) => `${severity} = ${rank}`).join(', ');
const RECIPIENT_ENTRIES = `
local RANKS = { ${SEVERITY_RANKS} }
local function unrecipients(prefix, id, sub)
  redis.call('ZREM', prefix .. 'recipients:strike:' .. sub.region, string.sub(id, 1, string.find(id, '|', 1, true) - 1))
  redis.call('ZREM', prefix .. 'recipients:talks:' .. string.upper(string.sub(sub.region, 1, 2)), id)
end
local function recipients(prefix, id, sub)
  unrecipients(prefix, id, sub)
  if sub.paused then return end
  local rank = RANKS[sub.minSeverity] or 0
  for _, kind in ipairs(sub.kinds) do
    if kind == 'strike' then
      redis.call('ZADD', prefix .. 'recipients:strike:' .. sub.region, rank, string.sub(id, 1, string.find(id, '|', 1, true) - 1))
    elseif kind == 'negotiation' then
      redis.call('ZADD', prefix .. 'recipients:talks:' .. string.upper(string.sub(sub.region, 1, 2)), rank, id)
    end
  end
end
`;

// KEYS: subs, subs:region:<code>, subs:country:<CC>, subs:channel:<key>; ARGV: id, json, prefix
// of index keys. Saving clears the pause of the channel's other subscriptions too: subscribing
// again is how a user says "the channel works now".
export const SAVE = defineLuaScript(`${RECIPIENT_ENTRIES}
local previous = redis.call('HGET', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('SADD', KEYS[4], ARGV[1])
recipients(ARGV[3], ARGV[1], cjson.decode(ARGV[2]))
local unpaused = 0
for _, id in ipairs(redis.call('SMEMBERS', KEYS[4])) do
  local json = redis.call('HGET', KEYS[1], id)
  if json and id ~= ARGV[1] then
    local sub = cjson.decode(json)
    if sub.paused then
      sub.paused = nil
      redis.call('HSET', KEYS[1], id, cjson.encode(sub))
      recipients(ARGV[3], id, sub)
      unpaused = unpaused + 1
    end
  end
end
return {previous or false, unpaused}
`);

// KEYS: subs, subs:channel:<key>; ARGV: prefix of index keys, ids to remove.
export const REMOVE = defineLuaScript(`${RECIPIENT_ENTRIES}
local removed = {}
for i = 2, #ARGV do
  local id = ARGV[i]
  local json = redis.call('HGET', KEYS[1], id)
  if json then
    local sub = cjson.decode(json)
    redis.call('HDEL', KEYS[1], id)
    redis.call('SREM', KEYS[2], id)
    redis.call('SREM', ARGV[1] .. 'region:' .. sub.region, id)
    redis.call('SREM', ARGV[1] .. 'country:' .. string.upper(string.sub(sub.region, 1, 2)), id)
    unrecipients(ARGV[1], id, sub)
    table.insert(removed, json)
  end
end
return removed
`);

// KEYS: subs, subs:channel:<key>; ARGV: prefix of index keys, JSON of the pause. Only
// subscriptions that still exist are paused: an unsubscribe racing with the pause wins.
export const PAUSE = defineLuaScript(`${RECIPIENT_ENTRIES}
local paused = cjson.decode(ARGV[2])
local count = 0
for _, id in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  local json = redis.call('HGET', KEYS[1], id)
  if json then
    local sub = cjson.decode(json)
    if not sub.paused then
      sub.paused = paused
      redis.call('HSET', KEYS[1], id, cjson.encode(sub))
      unrecipients(ARGV[1], id, sub)
      count = count + 1
    end
  end
end
return count
`);

// KEYS: strike indexes of the incident's regions, then talks indexes of the parties; ARGV: how
// many KEYS are strike indexes, the incident's severity rank. Returns each channel key once,
// joined by newlines: one reply string is far cheaper to read than one reply per channel.
export const RECIPIENTS = defineLuaScript(`
local strikes = tonumber(ARGV[1])
local seen, out = {}, {}
for k = 1, #KEYS do
  for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[k], '-inf', ARGV[2])) do
    local channel = member
    if k > strikes then channel = string.sub(member, 1, string.find(member, '|', 1, true) - 1) end
    if not seen[channel] then
      seen[channel] = true
      out[#out + 1] = channel
    end
  end
end
return table.concat(out, '\\n')
`);

// KEYS: subs, then id sets to union. One round trip however many regions an incident has.
export const FIND = defineLuaScript(`
if #KEYS < 2 then return {} end
local ids = redis.call('SUNION', unpack(KEYS, 2))
if #ids == 0 then return {} end
local out = {}
for i = 1, #ids, 500 do
  local rows = redis.call('HMGET', KEYS[1], unpack(ids, i, math.min(i + 499, #ids)))
  for _, json in ipairs(rows) do if json then table.insert(out, json) end end
end
return out
`);

// KEYS: subs; ARGV: prefix of index keys, ids. Rebuilds the recipient entries of these ids from
// the source of truth; an id removed meanwhile has no JSON and is left out.
export const REINDEX = defineLuaScript(`${RECIPIENT_ENTRIES}
for i = 2, #ARGV do
  local json = redis.call('HGET', KEYS[1], ARGV[i])
  if json then recipients(ARGV[1], ARGV[i], cjson.decode(json)) end
end
return #ARGV - 1
`);
