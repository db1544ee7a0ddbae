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
 * The facet (migration 0004) a candidate filter requires, as an FTS5 expression over the `facets` column: one
 * token for the namespace and the completed/archived mode, or one per domain (any of).
 */
export function facetExpression(namespace: string, filter: CandidateFilter): string {
  const completed = filter.completedOnly ?? true;
  const live = !(filter.includeArchived ?? false);
  const mode = completed ? (live ? 'b' : 'c') : live ? 'l' : 'a';
  const scope = `e${mode}${hex(namespace)}`;
  return anyToken(
    filter.domains?.length ? filter.domains.map((domain) => `${scope}x${hex(domain)}`) : [scope],
  );
}

/** The facet a pattern filter requires (migration 0004): namespace, types (any of) and domains (any of). */
export function patternFacetExpression(namespace: string, filter: PatternFilter): string {
  const scope = hex(namespace);
  const types = filter.types?.length ? [...new Set(filter.types)].map(hex) : undefined;
  const domains = filter.domains?.length ? [...new Set(filter.domains)].map(hex) : undefined;
  if (types && domains) {
    return anyToken(types.flatMap((type) => domains.map((domain) => `pb${scope}x${type}x${domain}`)));
  }
  if (types) return anyToken(types.map((type) => `pt${scope}x${type}`));
  if (domains) return anyToken(domains.map((domain) => `pd${scope}x${domain}`));
  return anyToken([`pa${scope}`]);
}

/** `"t"` or `("t1" OR "t2" …)` for distinct tokens (hex and letters only: nothing to escape). */
function anyToken(tokens: readonly string[]): string {
  const distinct = [...new Set(tokens)];
  return distinct.length === 1
    ? `"${distinct[0]}"`
    : `(${distinct.map((token) => `"${token}"`).join(' OR ')})`;
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
