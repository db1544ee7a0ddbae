import type { ErrorCode } from '../errors.js';
import { parseEmbeddingsResponse } from './embeddings-response.js';
import type { HttpResponse } from './http-fetch.js';
import type { ResolvedOpenAICompatibleOptions } from './openai-compatible-options.js';
import {
  networkFailureReason,
  type ProviderIdentity,
  providerError,
  responseDetail,
} from './provider-error.js';
import { backoffDelayMs, isRetryableStatus, MAX_RETRY_DELAY_MS, retryAfterMs } from './retry-policy.js';

type AttemptOutcome =
  | { kind: 'vectors'; vectors: Float32Array[] }
  | { kind: 'retry'; problem: string; status?: number; retryAfterMs?: number; cause?: unknown };

/**
 * Embeds one batch with `POST {baseURL}/embeddings`, retrying rate limits, server errors, network errors and
 * timeouts with jittered backoff (or as long as `Retry-After` asks). Fails with `UNAVAILABLE` when the
 * provider cannot answer, `CONFIG_INVALID` when it rejects the key, model, URL or dimensions.
 */
export async function requestEmbeddings(
  options: ResolvedOpenAICompatibleOptions,
  provider: ProviderIdentity,
  inputs: readonly string[],
): Promise<Float32Array[]> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptRequest(options, provider, inputs);
    if (outcome.kind === 'vectors') return outcome.vectors;
    const failure = { status: outcome.status, attempts: attempt, cause: outcome.cause };
    if (attempt > options.maxRetries) {
      throw providerError(
        provider,
        'UNAVAILABLE',
        `${outcome.problem} (gave up after ${attempt} attempts)`,
        failure,
      );
    }
    const requestedDelay = outcome.retryAfterMs;
    if (requestedDelay !== undefined && requestedDelay > MAX_RETRY_DELAY_MS) {
      const seconds = Math.ceil(requestedDelay / 1000);
      throw providerError(
        provider,
        'UNAVAILABLE',
        `${outcome.problem} (asks to retry after ${seconds} s)`,
        failure,
      );
    }
    await sleep(requestedDelay ?? backoffDelayMs(attempt - 1, options.retryBaseDelayMs));
  }
}

async function attemptRequest(
  options: ResolvedOpenAICompatibleOptions,
  provider: ProviderIdentity,
  inputs: readonly string[],
): Promise<AttemptOutcome> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (options.apiKey) headers['authorization'] = `Bearer ${options.apiKey}`;
  const controller = new AbortController();
  // The timeout covers reading the body too: a server that stalls mid-response is as unavailable as a silent one.
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  let response: HttpResponse;
  let body: string;
  try {
    const fetchFunction = options.fetch; // called unbound: browsers reject fetch with a foreign `this`
    response = await fetchFunction(`${options.baseURL}/embeddings`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ model: options.model, input: inputs }),
      signal: controller.signal,
    });
    body = await response.text();
  } catch (error) {
    const problem = controller.signal.aborted
      ? `no answer within ${options.timeoutMs} ms`
      : `request failed: ${networkFailureReason(error)}`;
    return { kind: 'retry', problem, cause: error };
  } finally {
    clearTimeout(timer);
  }

  if (!response.ok) {
    const detail = responseDetail(body);
    const problem = `HTTP ${response.status} ${response.statusText}`.trim() + (detail ? `: ${detail}` : '');
    if (isRetryableStatus(response.status)) {
      return {
        kind: 'retry',
        problem,
        status: response.status,
        retryAfterMs: retryAfterMs(response.headers),
      };
    }
    const rejection = rejectionFor(response.status);
    throw providerError(provider, rejection.code, problem + rejection.hint, {
      status: response.status,
      attempts: 1,
    });
  }
  const parsed = parseEmbeddingsResponse(body, inputs.length, options.dimensions);
  if (parsed.ok) return { kind: 'vectors', vectors: parsed.vectors };
  throw providerError(
    provider,
    parsed.kind === 'dimensions' ? 'CONFIG_INVALID' : 'UNAVAILABLE',
    parsed.problem,
  );
}

/** Auth and not-found rejections are configuration the operator must fix; other 4xx are failed requests. */
function rejectionFor(status: number): { code: ErrorCode; hint: string } {
  if (status === 401 || status === 403) return { code: 'CONFIG_INVALID', hint: ' (check the API key)' };
  if (status === 404) return { code: 'CONFIG_INVALID', hint: ' (check baseURL and model)' };
  return { code: 'UNAVAILABLE', hint: '' };
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
