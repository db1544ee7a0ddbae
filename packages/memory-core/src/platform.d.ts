/**
 * The few web-standard globals memory-core uses. The package compiles with `"types": []` so that Node's
 * `process`, `Buffer` and `node:*` modules cannot creep in; these exist in Node ≥ 20, Deno, Bun and browsers.
 */
declare const crypto: {
  getRandomValues<T extends Uint8Array>(array: T): T;
};

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare function setTimeout(callback: () => void, ms?: number): unknown;
declare function clearTimeout(handle: unknown): void;
declare function queueMicrotask(callback: () => void): void;

declare class AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}
declare interface AbortSignal {
  readonly aborted: boolean;
}

// fetch, minimally: what the OpenAI-compatible embedding provider needs.
declare function fetch(
  input: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal },
): Promise<Response>;
declare interface Headers {
  get(name: string): string | null;
}
declare interface Response {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  json(): Promise<unknown>;
  text(): Promise<string>;
}
