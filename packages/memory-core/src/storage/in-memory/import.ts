import type { ExportRecord, ExportRecordType } from '../../domain/export-record.js';
import type { ImportSummary } from '../admin-store.js';
import { copy } from './clone.js';
import { indexEpisode, unindexEpisode } from './episode-indexes.js';
import { sortedDistinctSteps } from './episode-steps.js';
import { conflict, invalid, notFound } from './failures.js';
import { storeHeuristic } from './heuristics.js';
import { addEvidence, storePattern } from './patterns.js';
import { RelationshipGraph } from './relationship-graph.js';
import type { InMemoryState } from './state.js';

/**
 * Upserts records by id. The whole batch is checked before anything is written (ids owned by another
 * namespace, clashing similarity keys, missing targets, cycles), so a refused batch leaves the store as it was.
 * Records may refer to records earlier in the same batch.
 */
export function importRecords(state: InMemoryState, records: readonly ExportRecord[]): ImportSummary {
  const prepared = records.map((record) => ({ ...record, record: copy(record.record) }) as ExportRecord);
  checkBatch(state, prepared);
  const imported: Record<ExportRecordType, number> = {
    episode: 0,
    pattern: 0,
    heuristic: 0,
    relationship: 0,
    recommendation_session: 0,
    recommendation_feedback: 0,
  };
  for (const record of prepared) {
    apply(state, record);
    imported[record.type]++;
  }
  return { imported };
}

/** Stands in for a namespace that holds nothing yet; never written. */
const NO_RELATIONSHIPS = new RelationshipGraph();

function scoped(...parts: string[]): string {
  return parts.join('\u0000');
}

/** Throws for the first record that cannot be imported, writing nothing. */
function checkBatch(state: InMemoryState, records: readonly ExportRecord[]): void {
  const episodes = new Map<string, string>();
  const sessions = new Map<string, string>();
  const patternKeys = new Map<string, string>();
  const heuristicKeys = new Map<string, string>();
  const edges = new Map<string, string>();
  const outgoing = new Map<string, string[]>();
  const feedbackBySession = new Map<string, string>();
  const episodeIn = (namespace: string, id: string) =>
    state.peek(namespace)?.episodes.has(id) === true || episodes.get(id) === namespace;

  for (const [line, { type, record }] of records.entries()) {
    const namespace = record.namespace;
    const data = state.peek(namespace);
    const where = { line, type, id: record.id };
    switch (type) {
      case 'episode': {
        record.steps = sortedDistinctSteps(record.steps, record.id);
        const owner = state.episodeNamespaces.get(record.id) ?? episodes.get(record.id);
        if (owner !== undefined && owner !== namespace) {
          throw conflict(`episode ${record.id} exists in another namespace`, where);
        }
        episodes.set(record.id, namespace);
        break;
      }
      case 'pattern': {
        const key = scoped(namespace, record.similarityKey);
        const holder = patternKeys.get(key) ?? data?.patternKeys.get(record.similarityKey);
        if (holder !== undefined && holder !== record.id) {
          throw conflict(`pattern ${record.id} has the similarity key of pattern ${holder}`, where);
        }
        patternKeys.set(key, record.id);
        break;
      }
      case 'heuristic': {
        const key = scoped(namespace, record.key);
        const holder = heuristicKeys.get(key) ?? data?.heuristicKeys.get(record.key);
        if (holder !== undefined && holder !== record.id) {
          throw conflict(`heuristic ${record.id} has the key of heuristic ${holder}`, where);
        }
        heuristicKeys.set(key, record.id);
        break;
      }
      case 'relationship': {
        const { fromEpisodeId: from, toEpisodeId: to, type: kind } = record;
        if (from === to) throw invalid('invalid relationship: an episode cannot be related to itself', where);
        for (const id of [from, to]) if (!episodeIn(namespace, id)) throw notFound('episode', id, namespace);
        const edge = scoped(namespace, from, to, kind);
        const holder = edges.get(edge) ?? data?.relationships.edgeId(from, to, kind);
        if (holder !== undefined && holder !== record.id) {
          throw conflict(`relationship ${record.id} duplicates relationship ${holder}`, where);
        }
        const pending = (node: string) => outgoing.get(scoped(namespace, kind, node)) ?? [];
        const graph = data?.relationships ?? NO_RELATIONSHIPS;
        if (holder === undefined && graph.wouldCloseCycle(from, to, kind, pending)) {
          throw conflict(`relationship ${record.id} would close a ${kind} cycle`, where);
        }
        edges.set(edge, record.id);
        const out = scoped(namespace, kind, from);
        outgoing.set(out, [...(outgoing.get(out) ?? []), to]);
        break;
      }
      case 'recommendation_session': {
        const owner = state.sessionNamespaces.get(record.id) ?? sessions.get(record.id);
        if (owner !== undefined && owner !== namespace) {
          throw conflict(`recommendation session ${record.id} exists in another namespace`, where);
        }
        sessions.set(record.id, namespace);
        break;
      }
      case 'recommendation_feedback': {
        const known =
          data?.sessions.has(record.sessionId) === true || sessions.get(record.sessionId) === namespace;
        if (!known) throw notFound('recommendation session', record.sessionId, namespace);
        const key = scoped(namespace, record.sessionId);
        const holder = feedbackBySession.get(key) ?? data?.feedback.get(record.sessionId)?.id;
        if (holder !== undefined && holder !== record.id) {
          throw conflict(`recommendation session ${record.sessionId} already has feedback ${holder}`, where);
        }
        feedbackBySession.set(key, record.id);
        break;
      }
    }
  }
}

function apply(state: InMemoryState, { type, record }: ExportRecord): void {
  const data = state.namespace(record.namespace);
  switch (type) {
    case 'episode': {
      // An imported episode may bring different steps: index it from scratch.
      const previous = data.episodes.get(record.id);
      if (previous) unindexEpisode(data, previous);
      indexEpisode(data, record);
      state.episodeNamespaces.set(record.id, record.namespace);
      return;
    }
    case 'pattern':
      storePattern(data, record, data.patterns.get(record.id), true);
      for (const episodeId of record.sourceEpisodeIds)
        addEvidence(data.patternsByEpisode, episodeId, record.id);
      return;
    case 'heuristic':
      storeHeuristic(data, record, data.heuristics.get(record.id));
      for (const episodeId of record.evidence.episodeIds)
        addEvidence(data.heuristicsByEpisode, episodeId, record.id);
      return;
    case 'relationship':
      data.relationships.put(record);
      return;
    case 'recommendation_session':
      data.sessions.set(record.id, record);
      state.sessionNamespaces.set(record.id, record.namespace);
      return;
    case 'recommendation_feedback': {
      const previousSession = data.feedbackSessions.get(record.id);
      if (previousSession !== undefined && previousSession !== record.sessionId)
        data.feedback.delete(previousSession);
      data.feedback.set(record.sessionId, record);
      data.feedbackSessions.set(record.id, record.sessionId);
      return;
    }
  }
}
