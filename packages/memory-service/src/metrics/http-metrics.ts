import { Counter, Histogram, type Registry } from 'prom-client';
import { MILLISECOND_BUCKETS } from './buckets.js';

export interface HttpMetrics {
  /** `route` is the route template (`/v1/episodes/:id`), never the raw URL, so label values stay bounded. */
  recordRequest(method: string, route: string, status: string, durationMs: number): void;
  /** Error responses by error code (the dashboard's "errors by type"). */
  recordError(code: string): void;
}

export function createHttpMetrics(registry: Registry): HttpMetrics {
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'memory_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status (status "aborted": the client left).',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'memory_http_request_duration_ms',
    help: 'HTTP request duration from arrival to the last byte, in milliseconds.',
    labelNames,
    buckets: MILLISECOND_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'memory_http_errors_total',
    help: 'HTTP error responses by error code.',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  return {
    recordRequest(method, route, status, durationMs) {
      requests.inc({ method, route, status });
      duration.observe({ method, route, status }, durationMs);
    },
    recordError(code) {
      errors.inc({ code });
    },
  };
}
