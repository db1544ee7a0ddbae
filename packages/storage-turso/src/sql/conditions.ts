import type { InValue } from '@libsql/client';

/** WHERE clauses with their arguments, built up in order. Lists travel as one JSON argument (`json_each`). */
export class Conditions {
  readonly clauses: string[] = [];
  readonly args: InValue[] = [];

  add(clause: string, ...args: InValue[]): this {
    this.clauses.push(clause);
    this.args.push(...args);
    return this;
  }

  /** `column IN (list)`, skipped when the list is absent or empty (an empty filter filters nothing). */
  in(column: string, list: readonly string[] | undefined): this {
    if (list && list.length > 0)
      this.add(`${column} IN (SELECT value FROM json_each(?))`, JSON.stringify(list));
    return this;
  }

  sql(): string {
    return this.clauses.length === 0 ? 'TRUE' : this.clauses.join(' AND ');
  }
}

/** A JSON array argument of distinct values, for `json_each`. */
export function jsonList(values: Iterable<string | number>): string {
  return JSON.stringify([...new Set(values)]);
}

/** `?, ?, ?` for `count` placeholders. */
export function placeholders(count: number, group = '?'): string {
  return Array.from({ length: count }, () => group).join(', ');
}
