import type { ExportRecord, ExportRecordType } from '../../domain/export-record.js';
import type { ExportOptions } from '../admin-store.js';
import { copy } from './clone.js';
import { assertOpen } from './guard.js';
import type { InMemoryState, NamespaceData } from './state.js';

/** One record type of the export: where its records live and which timestamp `since` compares. */
interface Section {
  type: ExportRecordType;
  records(data: NamespaceData): Iterable<{ id: string }>;
  /** The record with this id as it is now, or undefined when it went away during the export. */
  current(data: NamespaceData, id: string): object | undefined;
  time(record: object): string;
}

/** Export order: what an import needs first comes first (episodes before relationships, sessions before feedback). */
const SECTIONS: Section[] = [
  {
    type: 'episode',
    records: (data) => data.episodes.values(),
    current: (data, id) => data.episodes.get(id),
    time: (record) => (record as { startedAt: string }).startedAt,
  },
  {
    type: 'pattern',
    records: (data) => data.patterns.values(),
    current: (data, id) => data.patterns.get(id),
    time: (record) => (record as { updatedAt: string }).updatedAt,
  },
  {
    type: 'heuristic',
    records: (data) => data.heuristics.values(),
    current: (data, id) => data.heuristics.get(id),
    time: (record) => (record as { updatedAt: string }).updatedAt,
  },
  {
    type: 'relationship',
    records: (data) => data.relationships.values(),
    current: (data, id) => data.relationships.get(id),
    time: (record) => (record as { createdAt: string }).createdAt,
  },
  {
    type: 'recommendation_session',
    records: (data) => data.sessions.values(),
    current: (data, id) => data.sessions.get(id),
    time: (record) => (record as { createdAt: string }).createdAt,
  },
  {
    type: 'recommendation_feedback',
    records: (data) => data.feedback.values(),
    current: (data, id) => {
      const sessionId = data.feedbackSessions.get(id);
      return sessionId === undefined ? undefined : data.feedback.get(sessionId);
    },
    time: (record) => (record as { createdAt: string }).createdAt,
  },
];

function namespacesOf(state: InMemoryState, options: ExportOptions): NamespaceData[] {
  const names = options.namespace == null ? state.namespaceNames() : [options.namespace];
  return names.flatMap((name) => state.peek(name) ?? []);
}

function sinceFilter(options: ExportOptions): (time: string) => boolean {
  if (options.since === undefined) return () => true;
  const since = Date.parse(options.since);
  return (time) => Date.parse(time) >= since;
}

export function countRecords(state: InMemoryState, options: ExportOptions): Record<ExportRecordType, number> {
  const counts = Object.fromEntries(SECTIONS.map((section) => [section.type, 0])) as Record<
    ExportRecordType,
    number
  >;
  const recent = sinceFilter(options);
  for (const data of namespacesOf(state, options)) {
    for (const section of SECTIONS) {
      for (const record of section.records(data)) if (recent(section.time(record))) counts[section.type]++;
    }
  }
  return counts;
}

/**
 * Streams records type by type, namespace by namespace (by name), id by id. Each section snapshots only ids,
 * and each record is copied as it is yielded, so a long export neither holds a second copy of the store nor
 * yields a record deleted meanwhile.
 */
export async function* exportRecords(
  state: InMemoryState,
  options: ExportOptions,
): AsyncGenerator<ExportRecord> {
  assertOpen(state, 'exportRecords');
  const recent = sinceFilter(options);
  for (const section of SECTIONS) {
    for (const data of namespacesOf(state, options)) {
      const ids: string[] = [];
      for (const record of section.records(data)) if (recent(section.time(record))) ids.push(record.id);
      ids.sort();
      for (const id of ids) {
        assertOpen(state, 'exportRecords');
        const record = section.current(data, id);
        if (record) yield { type: section.type, record: copy(record) } as ExportRecord;
      }
    }
  }
}
