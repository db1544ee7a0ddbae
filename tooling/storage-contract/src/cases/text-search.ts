import type { CandidateFilter, Episode, StorageBackend } from '@slm/memory-core';
import { searchTerms } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import {
  completed,
  completedEpisode,
  episode,
  FAILURE,
  NS,
  OTHER_NS,
  patternContribution,
  step,
} from '../fixtures.js';
import type { Harness } from '../harness.js';

async function searchIds(
  storage: StorageBackend,
  query: string,
  filter: CandidateFilter = {},
  limit = 10,
  namespace = NS,
): Promise<string[]> {
  const hits = await storage.searchEpisodesByText(namespace, searchTerms(query), filter, limit);
  return hits.map((hit) => hit.id);
}

export function textSearchCases(harness: Harness): void {
  describe('searchEpisodesByText', () => {
    it('ranks by BM25: term frequency, document length and term rarity all count', async () => {
      const storage = harness.storage();
      const plain = {
        context: { domain: 'general', complexity: 'moderate' as const, tags: [] },
        taskType: 'other' as const,
      };
      const dense = completedEpisode({ ...plain, taskDescription: 'invoice invoice reconcile' });
      const long = completedEpisode({
        ...plain,
        taskDescription:
          'invoice review with many unrelated words about shipping warehouses pallets trucks and drivers',
      });
      const rare = completedEpisode({ ...plain, taskDescription: 'ledger' });
      const filler = Array.from({ length: 6 }, (_, index) =>
        completedEpisode({ ...plain, taskDescription: `invoice filler number ${index}` }),
      );
      for (const record of [dense, long, rare, ...filler]) await storage.insertEpisode(record);
      const invoice = await storage.searchEpisodesByText(NS, searchTerms('invoice'), {}, 20);
      expect(invoice).toHaveLength(8);
      expect(invoice[0]?.id).toBe(dense.id);
      expect(invoice[invoice.length - 1]?.id).toBe(long.id);
      for (let index = 1; index < invoice.length; index++) {
        expect(invoice[index - 1]!.score).toBeGreaterThanOrEqual(invoice[index]!.score);
      }
      expect(invoice.every((hit) => hit.score > 0)).toBe(true);
      // "ledger" is rare, "invoice" common: the rare term decides.
      const mixed = await searchIds(storage, 'ledger invoice', {}, 3);
      expect(mixed[0]).toBe(rare.id);
    });

    it('matches any of the terms and honours the limit', async () => {
      const storage = harness.storage();
      const refund = completedEpisode({ taskDescription: 'Process the refund' });
      const cancel = completedEpisode({ taskDescription: 'Cancel the order' });
      const neither = completedEpisode({ taskDescription: 'Update the address' });
      for (const record of [refund, cancel, neither]) await storage.insertEpisode(record);
      expect(new Set(await searchIds(storage, 'refund cancelled'))).toEqual(new Set([refund.id, cancel.id]));
      expect(await searchIds(storage, 'refund cancelled', {}, 1)).toHaveLength(1);
      expect(await storage.searchEpisodesByText(NS, [], {}, 10)).toEqual([]);
      expect(await searchIds(storage, 'zebra')).toEqual([]);
    });

    it('indexes labels, tags, step tools and actions, outcome and reflection text', async () => {
      const storage = harness.storage();
      const rich: Episode = {
        ...completed(
          episode({
            taskDescription: 'Plain description',
            labels: ['quarterly-close'],
            context: { domain: 'finance', complexity: 'simple', tags: ['ledgers'] },
            steps: [step(1, { tool: 'query_warehouse', action: 'Summarise shipments' })],
          }),
          { type: 'success', verdict: 'reconciled every account', artifacts: [] },
        ),
        reflection: {
          successes: ['tidy bookkeeping'],
          improvements: [],
          insights: [],
          generatedAt: '2025-03-01T12:00:00.000Z',
        },
      };
      await storage.insertEpisode(rich);
      for (const query of [
        'quarterly',
        'ledgers',
        'warehouse',
        'shipments',
        'reconciled',
        'bookkeeping',
        'finance',
      ]) {
        expect({ query, ids: await searchIds(storage, query) }).toEqual({ query, ids: [rich.id] });
      }
    });

    it('applies candidate filters: domain, task type, outcome, archived and completed-only', async () => {
      const storage = harness.storage();
      const web = completedEpisode({ taskDescription: 'deploy service', taskType: 'debugging' });
      const data = completedEpisode({
        taskDescription: 'deploy pipeline',
        taskType: 'testing',
        context: { domain: 'data', complexity: 'simple', tags: [] },
      });
      const failed = completed(episode({ taskDescription: 'deploy again' }), FAILURE);
      const archived = {
        ...completedEpisode({ taskDescription: 'deploy archived' }),
        archivedAt: '2025-03-02T00:00:00.000Z',
      };
      const open = episode({ taskDescription: 'deploy in progress' });
      for (const record of [web, data, failed, archived, open]) await storage.insertEpisode(record);
      const set = async (filter: CandidateFilter) => new Set(await searchIds(storage, 'deploy', filter));
      expect(await set({})).toEqual(new Set([web.id, data.id, failed.id]));
      expect(await set({ domains: ['data'] })).toEqual(new Set([data.id]));
      expect(await set({ taskTypes: ['debugging'] })).toEqual(new Set([web.id, failed.id]));
      expect(await set({ outcomeTypes: ['failure'] })).toEqual(new Set([failed.id]));
      expect(await set({ includeArchived: true })).toEqual(
        new Set([web.id, data.id, failed.id, archived.id]),
      );
      expect(await set({ completedOnly: false })).toEqual(new Set([web.id, data.id, failed.id, open.id]));
      expect(await set({ completedOnly: false, includeArchived: true, domains: ['web-api'] })).toEqual(
        new Set([web.id, failed.id, archived.id, open.id]),
      );
    });

    it('never returns another namespace, even when it matches better', async () => {
      const storage = harness.storage();
      const mine = completedEpisode({ taskDescription: 'rotate the credentials' });
      const foreign = completedEpisode({
        namespace: OTHER_NS,
        taskDescription: 'rotate rotate rotate the credentials credentials',
      });
      await storage.insertEpisode(mine);
      await storage.insertEpisode(foreign);
      expect(await searchIds(storage, 'rotate credentials')).toEqual([mine.id]);
      expect(await searchIds(storage, 'rotate credentials', {}, 10, OTHER_NS)).toEqual([foreign.id]);
      expect(await searchIds(storage, 'rotate', {}, 10, 'contract-empty')).toEqual([]);
    });

    it('scores a document the same however its writes interleaved with queries', async () => {
      const storage = harness.storage();
      const interleaved = episode({ taskDescription: 'audit the audit log' });
      const direct = episode({ taskDescription: 'audit the audit log', steps: [step(1), step(2)] });
      const query = searchTerms('audit log action tool_1');
      const search = () => storage.searchEpisodesByText(NS, query, { completedOnly: false }, 10);
      await storage.insertEpisode(interleaved);
      await search();
      await storage.appendSteps(NS, interleaved.id, [step(1)]);
      await search();
      await storage.appendSteps(NS, interleaved.id, [step(2)]);
      await search();
      await storage.insertEpisode(direct);
      const scores = async () => {
        const hits = await search();
        return [interleaved.id, direct.id].map((id) => hits.find((hit) => hit.id === id)?.score);
      };
      const [left, right] = await scores();
      expect(left).toBeGreaterThan(0);
      expect(left).toBeCloseTo(right!, 9);
      for (const record of [interleaved, direct]) {
        const current = await storage.getEpisode(NS, record.id);
        await storage.updateEpisode(
          { ...current!, taskDescription: 'audit the audit log audit', labels: ['log'] },
          1,
        );
        await search();
      }
      const [leftAfter, rightAfter] = await scores();
      expect(leftAfter).toBeCloseTo(rightAfter!, 9);
      expect(leftAfter).not.toBeCloseTo(left!, 6);
    });

    it('follows updates, appended steps and deletes', async () => {
      const storage = harness.storage();
      const open = episode({ taskDescription: 'migrate the schema' });
      await storage.insertEpisode(open);
      const openOnly = { completedOnly: false };
      expect(await searchIds(storage, 'migrate', openOnly)).toEqual([open.id]);
      await storage.updateEpisode({ ...open, taskDescription: 'compact the tables' }, 1);
      expect(await searchIds(storage, 'migrate', openOnly)).toEqual([]);
      expect(await searchIds(storage, 'compact', openOnly)).toEqual([open.id]);
      await storage.appendSteps(NS, open.id, [step(1, { tool: 'vacuum_db', action: 'Vacuum everything' })]);
      expect(await searchIds(storage, 'vacuum', openOnly)).toEqual([open.id]);
      // Completion keeps appended steps searchable and the episode becomes a default candidate.
      const current = await storage.getEpisode(NS, open.id);
      await storage.completeEpisode(completed(current!), current!.version);
      expect(await searchIds(storage, 'vacuum compact')).toEqual([open.id]);
      await storage.deleteEpisode(NS, open.id);
      expect(await searchIds(storage, 'vacuum compact', openOnly)).toEqual([]);
    });
  });

  describe('searchPatternsByText', () => {
    it('ranks patterns by their search documents and applies pattern filters', async () => {
      const storage = harness.storage();
      const sequence = patternContribution({
        similarityKey: 'seq',
        content: { type: 'tool_sequence', tools: ['fetch_invoice', 'send_email'] },
      });
      const decision = patternContribution({
        similarityKey: 'decision',
        content: {
          type: 'decision_point',
          condition: 'if the invoice is overdue',
          action: 'send a reminder',
        },
        context: { domain: 'billing', tags: [] },
      });
      const unrelated = patternContribution({
        similarityKey: 'unrelated',
        content: { type: 'tool_sequence', tools: ['read_file', 'write_file'] },
      });
      const foreign = patternContribution({ namespace: OTHER_NS, similarityKey: 'seq' });
      await storage.upsertPatterns([
        sequence,
        decision,
        unrelated,
        foreign,
        patternContribution({ similarityKey: 'seq' }),
      ]);
      const hits = await storage.searchPatternsByText(NS, searchTerms('invoice'), {}, 10);
      expect(new Set(hits.map((hit) => hit.id))).toEqual(new Set([sequence.newId, decision.newId]));
      const ids = async (filter: Parameters<typeof storage.searchPatternsByText>[2]) =>
        (await storage.searchPatternsByText(NS, searchTerms('invoice'), filter, 10)).map((hit) => hit.id);
      expect(await ids({ types: ['decision_point'] })).toEqual([decision.newId]);
      expect(await ids({ domains: ['billing'] })).toEqual([decision.newId]);
      expect(await ids({ minOccurrences: 2 })).toEqual([sequence.newId]);
      expect(await storage.searchPatternsByText(NS, [], {}, 10)).toEqual([]);
      expect(
        (await storage.searchPatternsByText(OTHER_NS, searchTerms('invoice'), {}, 10)).map((hit) => hit.id),
      ).toEqual([]);
    });
  });
}
