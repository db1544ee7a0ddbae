/** A page of results and the cursor for the next one (`null` at the end). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Cursor pagination: `limit` 1–100 (default 20); `cursor` is the opaque `nextCursor` of the previous page. */
export interface PageRequest {
  limit?: number;
  cursor?: string | null;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function pageSize(request: PageRequest | undefined): number {
  const limit = request?.limit ?? DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(limit)));
}
