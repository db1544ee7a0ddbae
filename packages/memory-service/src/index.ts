export { type ApiKey, hashApiKey } from './auth/api-key.js';
export { formatHashedApiKey, generateApiKey } from './auth/hashed-key-line.js';
export { assertListenAllowed, isLoopbackHost } from './auth/loopback.js';
export { MIN_API_KEY_LENGTH, parseApiKeys } from './auth/parse-api-keys.js';
export { createService } from './create-service.js';
export type { ErrorBody } from './http/error-response.js';
export { ERROR_STATUS, HTTP_ONLY_ERROR_CODES, type ServiceErrorCode } from './http/error-status.js';
export type { CacheStatisticsSource } from './metrics/cache-metrics.js';
export type { PoolStatisticsSnapshot, PoolStatisticsSource } from './metrics/pool-metrics.js';
export type { ReadStatisticsSnapshot, ReadStatisticsSource } from './metrics/read-metrics.js';
export {
  createServiceMetrics,
  type ScrapeSources,
  type ServiceMetrics,
  type ServiceMetricsOptions,
} from './metrics/service-metrics.js';
export {
  DEFAULT_BODY_LIMIT_BYTES,
  type McpHandler,
  type ServiceOptions,
  type ServiceVersion,
} from './service-options.js';
export { closeService, DEFAULT_SHUTDOWN_TIMEOUT_MS, type ShutdownReport } from './shutdown.js';
