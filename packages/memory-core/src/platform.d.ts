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
