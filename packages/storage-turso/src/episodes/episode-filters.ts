import type { CandidateFilter, EpisodeFilter, PatternFilter } from '@slm/memory-core';
import { Conditions, jsonList } from '../sql/conditions.js';
import { toMillis } from '../timestamps.js';

/** A list filter as SQL over `episodes e`; every field narrows, absent or empty ones do not. */
export function listFilterConditions(namespace: string, filter: EpisodeFilter): Conditions {
  const where = new Conditions().add('e.namespace = ?', namespace);
  const archived = filter.archived ?? 'exclude';
  if (archived === 'exclude') where.add('e.archived_at IS NULL');
  if (archived === 'only') where.add('e.archived_at IS NOT NULL');
  if (filter.completed === true) where.add('e.ended_at IS NOT NULL');
  if (filter.completed === false) where.add('e.ended_at IS NULL');
  where
    .in('e.task_type', filter.taskTypes)
    .in('e.domain', filter.domains)
    .in('e.outcome_type', filter.outcomeTypes);
  if (filter.rewardMin !== undefined) where.add('e.reward_total >= ?', filter.rewardMin);
  if (filter.rewardMax !== undefined) where.add('e.reward_total <= ?', filter.rewardMax);
  if (filter.startedAfter !== undefined)
    where.add('e.started_at >= ?', toMillis(filter.startedAfter, 'startedAfter'));
  if (filter.startedBefore !== undefined) {
    where.add('e.started_at < ?', toMillis(filter.startedBefore, 'startedBefore'));
  }
  if (filter.labelsAny && filter.labelsAny.length > 0) {
    where.add(
      'EXISTS (SELECT 1 FROM episode_labels l WHERE l.episode_id = e.id AND l.label IN (SELECT value FROM json_each(?)))',
      jsonList(filter.labelsAny),
    );
  }
  if (filter.labelsAll && filter.labelsAll.length > 0) {
    const labels = [...new Set(filter.labelsAll)];
    where.add(
      '(SELECT count(*) FROM episode_labels l WHERE l.episode_id = e.id AND l.label IN (SELECT value FROM json_each(?))) = ?',
      JSON.stringify(labels),
      labels.length,
    );
  }
  if (filter.tags && filter.tags.length > 0) {
    const tags = [...new Set(filter.tags)];
    where.add(
      '(SELECT count(DISTINCT t.value) FROM json_each(e.tags) t WHERE t.value IN (SELECT value FROM json_each(?))) = ?',
      JSON.stringify(tags),
      tags.length,
    );
  }
  if (filter.textTerms && filter.textTerms.length > 0) {
    where.add(
      'e.seq IN (SELECT rowid FROM episode_fts WHERE episode_fts MATCH ?)',
      `terms : (${matchExpression(filter.textTerms, 'AND')})`,
    );
  }
  return where;
}

/** Candidate-search filters over `episodes e` (archived and open episodes excluded by default). */
export function candidateFilterConditions(namespace: string, filter: CandidateFilter): Conditions {
  const where = new Conditions().add('e.namespace = ?', namespace);
  if (!(filter.includeArchived ?? false)) where.add('e.archived_at IS NULL');
  if (filter.completedOnly ?? true) where.add('e.ended_at IS NOT NULL');
  return where
    .in('e.domain', filter.domains)
    .in('e.task_type', filter.taskTypes)
    .in('e.outcome_type', filter.outcomeTypes);
}

/**
 * The facet tokens (migration 0003) a candidate filter requires, as an FTS5 expression over the `facets`
 * column: the namespace, the domains (any of), completed (`c1`) and not archived (`a0`) as the filter asks.
 */
export function facetExpression(namespace: string, filter: CandidateFilter): string {
  const facets = [namespaceFacet(namespace), ...anyOf('d', filter.domains)];
  if (filter.completedOnly ?? true) facets.push('"c1"');
  if (!(filter.includeArchived ?? false)) facets.push('"a0"');
  return facets.join(' AND ');
}

/** The facet tokens a pattern filter requires (migration 0003): the namespace, the types and domains (any of). */
export function patternFacetExpression(namespace: string, filter: PatternFilter): string {
  return [namespaceFacet(namespace), ...anyOf('t', filter.types), ...anyOf('d', filter.domains)].join(
    ' AND ',
  );
}

function namespaceFacet(namespace: string): string {
  return `"n${hex(namespace)}"`;
}

/** `("d…" OR "d…")` for a non-empty list of values, nothing otherwise. */
function anyOf(prefix: string, values: readonly string[] | undefined): string[] {
  if (!values || values.length === 0) return [];
  return [`(${[...new Set(values)].map((value) => `"${prefix}${hex(value)}"`).join(' OR ')})`];
}

/** Lower-case hex of the UTF-8 bytes: what SQLite's `hex()` writes in the index, after FTS5 folds its case. */
function hex(value: string): string {
  return Buffer.from(value, 'utf8').toString('hex');
}

/**
 * An FTS5 MATCH expression over search terms: each term quoted (a `"` doubled), joined by OR or AND. Terms come
 * from memory-core's normaliser, so no user syntax ever reaches FTS5.
 */
export function matchExpression(terms: readonly string[], operator: 'OR' | 'AND'): string {
  return [...new Set(terms)].map((term) => `"${term.replaceAll('"', '""')}"`).join(` ${operator} `);
}
