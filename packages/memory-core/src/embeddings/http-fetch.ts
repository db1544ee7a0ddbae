/**
 * The slice of WHATWG `fetch` the remote provider uses. The global `fetch` (Node ≥ 20, Deno, Bun, browsers)
 * satisfies it; tests and proxies can inject their own.
 */
export type FetchFunction = (url: string, init: HttpRequestInit) => Promise<HttpResponse>;

export interface HttpRequestInit {
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
}

export interface HttpResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}
