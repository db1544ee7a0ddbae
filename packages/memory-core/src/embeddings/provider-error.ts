import { type ErrorCode, MemoryError } from '../errors.js';

/** What an error may say about the remote provider: its id and its base URL without credentials. */
export interface ProviderIdentity {
  id: string;
  /** Already safe to show (see `displayBaseURL`). */
  baseURL: string;
  /** Removed from every message, in case a gateway echoes the request back. */
  apiKey: string | undefined;
}

const MAX_DETAIL_LENGTH = 300;

/** The base URL without `user:password@` and query string, both of which gateways use to carry keys. */
export function displayBaseURL(baseURL: string): string {
  return baseURL.replace(/^(https?:\/\/)[^/@]*@/i, '$1').replace(/[?#].*$/, '');
}

/**
 * A MemoryError about the provider. The message names the provider and its base URL so operators can tell
 * which configuration to fix, and never contains the API key.
 */
export function providerError(
  provider: ProviderIdentity,
  code: ErrorCode,
  problem: string,
  extra: { status?: number; attempts?: number; cause?: unknown } = {},
): MemoryError {
  const message = redact(
    `embedding provider ${provider.id} at ${provider.baseURL}: ${problem}`,
    provider.apiKey,
  );
  const details: Record<string, unknown> = { provider: provider.id, baseURL: provider.baseURL };
  if (extra.status !== undefined) details['status'] = extra.status;
  if (extra.attempts !== undefined) details['attempts'] = extra.attempts;
  return new MemoryError(code, message, { cause: extra.cause, details });
}

/** The readable part of an error body: `error.message` of an OpenAI-style error, else the text, shortened. */
export function responseDetail(body: string): string {
  let detail = body;
  try {
    const parsed: unknown = JSON.parse(body);
    const error = isRecord(parsed) ? parsed['error'] : undefined;
    if (typeof error === 'string') detail = error;
    else if (isRecord(error) && typeof error['message'] === 'string') detail = error['message'];
  } catch {
    // Not JSON: keep the raw text.
  }
  detail = detail.replace(/\s+/g, ' ').trim();
  return detail.length > MAX_DETAIL_LENGTH ? `${detail.slice(0, MAX_DETAIL_LENGTH)}…` : detail;
}

/** Why a request did not get an answer, e.g. `fetch failed (ECONNREFUSED)`. */
export function networkFailureReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  const code = isRecord(cause) && typeof cause['code'] === 'string' ? cause['code'] : undefined;
  return code ? `${error.message} (${code})` : error.message;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function redact(text: string, secret: string | undefined): string {
  return secret ? text.split(secret).join('[redacted]') : text;
}
