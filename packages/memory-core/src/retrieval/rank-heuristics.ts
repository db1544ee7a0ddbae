import type { Heuristic } from '../domain/heuristic.js';
import type { RankedHeuristic } from '../memory/results.js';
import { searchTerms } from '../text/terms.js';

/**
 * Heuristics that bear on the query: the share of query terms their condition and action mention, weighted by
 * confidence. Heuristics sharing no term with the query are left out.
 */
export function rankHeuristics(
  heuristics: readonly Heuristic[],
  queryTerms: readonly string[],
  limit: number,
): RankedHeuristic[] {
  if (queryTerms.length === 0) return [];
  const query = new Set(queryTerms);
  return heuristics
    .map((heuristic) => {
      const terms = new Set(searchTerms(`${heuristic.condition} ${heuristic.action}`));
      const shared = [...query].filter((term) => terms.has(term)).length;
      const overlap = shared / query.size;
      return {
        heuristic,
        score: overlap * heuristic.confidence,
        reason: `confidence ${heuristic.confidence.toFixed(2)} from ${formatCount(heuristic.evidence.successes)}/${heuristic.evidence.total} episodes, shares ${shared} query term(s)`,
        overlap,
      };
    })
    .filter((ranked) => ranked.overlap > 0)
    .sort((left, right) => right.score - left.score)
    .slice(0, limit)
    .map(({ overlap: _overlap, ...ranked }) => ranked);
}

function formatCount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
