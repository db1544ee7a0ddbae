// Lua for cached search results (see lua-scripts.ts for the episode scripts). Each operation is one atomic
// round trip; entry keys are built from ARGV (prefix .. member), fine on a single Redis server, not on Cluster.

/**
 * The namespace's generation, created when missing from the server clock in microseconds (~1.7e15, well within
 * INCR's range). A counter that was lost (FLUSHDB, eviction, a key deleted by hand) thus restarts above every
 * value it held — unless it was bumped more than once per microsecond — and a generation never repeats, so an
 * old entry that outlived its counter can never be read under a new generation. TIME before a write is allowed:
 * scripts replicate their effects (Redis ≥ 5).
 */
const GENERATION_FUNCTIONS = `
local function fresh_generation(key)
  local time = redis.call('TIME')
  local value = time[1] .. string.format('%06d', tonumber(time[2]))
  redis.call('SET', key, value)
  return value
end
local function current_generation(key)
  return redis.call('GET', key) or fresh_generation(key)
end
`;

/** Server time in ms, so entry expiry and the index agree whatever the clients' clocks say. */
const NOW_MS = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
`;

/**
 * KEYS: generation. ARGV: entryPrefix, fingerprint.
 * Returns { generation, entry | nil }: the generation and the entry under it, read atomically.
 */
export const SEARCH_LOOKUP_SCRIPT = `${GENERATION_FUNCTIONS}
local generation = current_generation(KEYS[1])
local entry = redis.call('GET', ARGV[1] .. generation .. ':' .. ARGV[2])
return { generation, entry or false }
`;

/**
 * KEYS: generation, searches (index by expiry), namespaces. ARGV: generation, entryPrefix, fingerprint, entry,
 * ttlMs, maxSearches, namespace. Stores only while the generation of the lookup is current (a result read
 * before a bump would be stored where nobody looks anyway: refusing it saves the memory), then evicts the
 * oldest fills beyond the bound. Returns { stored (0 | 1), evicted }.
 */
export const SEARCH_FILL_SCRIPT = `${NOW_MS}
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return { 0, 0 } end
local ttl = tonumber(ARGV[5])
local member = ARGV[1] .. ':' .. ARGV[3]
redis.call('SADD', KEYS[3], ARGV[7])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
redis.call('SET', ARGV[2] .. member, ARGV[4], 'PX', ttl)
redis.call('ZADD', KEYS[2], now + ttl, member)
local evicted = 0
local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[6])
if excess > 0 then
  local victims = redis.call('ZPOPMIN', KEYS[2], excess)
  for i = 1, #victims, 2 do evicted = evicted + redis.call('DEL', ARGV[2] .. victims[i]) end
end
return { 1, evicted }
`;

/** KEYS: generation. Moves the namespace to a generation never used before. */
export const BUMP_GENERATION_SCRIPT = `${GENERATION_FUNCTIONS}
if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('INCR', KEYS[1]) end
return fresh_generation(KEYS[1])
`;

/** KEYS: searches. ARGV: entryPrefix. Returns { items, bytes } of the namespace's live search entries. */
export const SEARCH_USAGE_SCRIPT = `${NOW_MS}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local items = 0
local bytes = 0
for _, member in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local size = redis.call('STRLEN', ARGV[1] .. member)
  if size > 0 then
    items = items + 1
    bytes = bytes + size
  end
end
return { items, bytes }
`;
