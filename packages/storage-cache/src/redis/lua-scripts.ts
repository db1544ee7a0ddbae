// Lua scripts run atomically in Redis, so a lookup, a conditional fill or an eviction is one round trip and
// never interleaves with another client's invalidation. Entry keys of victims are built from ARGV (prefix ..
// id): fine on a single Redis server, not on Redis Cluster.

// LRU scores come from a per-namespace counter (INCR), not the wall clock: strictly increasing across
// processes, so the eviction order is exactly the access order.

/**
 * KEYS: recency, clock, then (entry, marker) per id. ARGV: touch ('1' | '0'), ids…
 * Returns (entry | nil, marker | nil) per id; hits become the most recently used when touching.
 */
export const LOOKUP_SCRIPT = `
local count = #ARGV - 1
local out = {}
for i = 1, count do
  local entry = redis.call('GET', KEYS[2 * i + 1])
  local marker = redis.call('GET', KEYS[2 * i + 2])
  if entry and ARGV[1] == '1' then redis.call('ZADD', KEYS[1], redis.call('INCR', KEYS[2]), ARGV[i + 1]) end
  out[2 * i - 1] = entry or false
  out[2 * i] = marker or false
end
return out
`;

/**
 * KEYS: recency, expiry, namespaces, clock, then (entry, marker) per fill.
 * ARGV: now, ttlMs, maxEpisodes, keepRank ('1' | '0'), entryPrefix, namespace, then (id, entry, ticket) per
 * fill, ticket '' meaning "no marker". Returns { stored, evicted }.
 */
export const FILL_SCRIPT = `
local now = tonumber(ARGV[1])
local ttl = tonumber(ARGV[2])
local max = tonumber(ARGV[3])
redis.call('SADD', KEYS[3], ARGV[6])
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)
for _, id in ipairs(expired) do redis.call('ZREM', KEYS[1], id) end
if #expired > 0 then redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now) end
local stored = 0
local count = (#ARGV - 6) / 3
for i = 1, count do
  local id = ARGV[6 + 3 * i - 2]
  local marker = redis.call('GET', KEYS[4 + 2 * i]) or ''
  if marker == ARGV[6 + 3 * i] then
    redis.call('SET', KEYS[3 + 2 * i], ARGV[6 + 3 * i - 1], 'PX', ttl)
    local tick = redis.call('INCR', KEYS[4])
    if ARGV[4] == '1' then redis.call('ZADD', KEYS[1], 'NX', tick, id) else redis.call('ZADD', KEYS[1], tick, id) end
    redis.call('ZADD', KEYS[2], now + ttl, id)
    stored = stored + 1
  end
end
local evicted = 0
local excess = redis.call('ZCARD', KEYS[1]) - max
if excess > 0 then
  local victims = redis.call('ZPOPMIN', KEYS[1], excess)
  for j = 1, #victims, 2 do
    redis.call('ZREM', KEYS[2], victims[j])
    evicted = evicted + redis.call('DEL', ARGV[5] .. victims[j])
  end
end
return { stored, evicted }
`;

/**
 * KEYS: recency, expiry, then (entry, marker) per id. ARGV: markerTtlMs, markerValue, ids…
 * Sets each marker before deleting the entry, so no fill from an earlier read can land afterwards.
 */
export const INVALIDATE_SCRIPT = `
local count = #ARGV - 2
for i = 1, count do
  redis.call('SET', KEYS[2 * i + 2], ARGV[2], 'PX', ARGV[1])
  redis.call('DEL', KEYS[2 * i + 1])
  redis.call('ZREM', KEYS[1], ARGV[i + 2])
  redis.call('ZREM', KEYS[2], ARGV[i + 2])
end
return count
`;

/** KEYS: recency, expiry. ARGV: now, entryPrefix. Returns { items, bytes } of live entries. */
export const USAGE_SCRIPT = `
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
for _, id in ipairs(expired) do redis.call('ZREM', KEYS[1], id) end
if #expired > 0 then redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1]) end
local ids = redis.call('ZRANGE', KEYS[1], 0, -1)
local bytes = 0
for _, id in ipairs(ids) do bytes = bytes + redis.call('STRLEN', ARGV[2] .. id) end
return { #ids, bytes }
`;
