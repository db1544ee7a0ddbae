import type { QueryContext } from '../memory/inputs.js';

interface MatchableContext {
  domain: string;
  language?: string | undefined;
  framework?: string | undefined;
  tags?: readonly string[] | undefined;
}

const same = (left: string, right: string | undefined) =>
  right !== undefined && left.toLowerCase() === right.toLowerCase();

/**
 * How well a record's context matches the query's, in [0, 1], over the fields the query gives (domain counts
 * twice as much as language, framework or tags). A query without context matches nothing and everything
 * equally: 0.
 */
export function contextMatch(query: QueryContext, record: MatchableContext | undefined): number {
  if (!record) return 0;
  let weight = 0;
  let matched = 0;
  if (query.domain !== undefined) {
    weight += 2;
    if (same(query.domain, record.domain)) matched += 2;
  }
  if (query.language !== undefined) {
    weight += 1;
    if (same(query.language, record.language)) matched += 1;
  }
  if (query.framework !== undefined) {
    weight += 1;
    if (same(query.framework, record.framework)) matched += 1;
  }
  if (query.tags !== undefined && query.tags.length > 0) {
    weight += 1;
    const recordTags = new Set((record.tags ?? []).map((tag) => tag.toLowerCase()));
    const shared = query.tags.filter((tag) => recordTags.has(tag.toLowerCase())).length;
    matched += shared / query.tags.length;
  }
  return weight === 0 ? 0 : matched / weight;
}

/** True when the query names a domain and the record is from another one. */
export function isCrossDomain(query: QueryContext, recordDomain: string | undefined): boolean {
  return query.domain !== undefined && !same(query.domain, recordDomain);
}
