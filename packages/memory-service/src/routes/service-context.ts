import type { SelfLearningMemory } from '@slm/memory-core';
import type { ServiceMetrics } from '../metrics/service-metrics.js';
import type { McpHandler, ServiceVersion } from '../service-options.js';

/** What the operational routes need from the service around them. */
export interface ServiceContext {
  /** The root memory (the anonymous namespace); health and metrics read it. */
  memory: SelfLearningMemory;
  metrics: ServiceMetrics;
  version: ServiceVersion;
  startedAtMs: number;
  healthTimeoutMs: number;
  /** Set when shutdown begins: readiness turns 503 so load balancers stop sending work. */
  lifecycle: { closing: boolean };
  mcp: McpHandler | undefined;
}
