import { searchTerms } from '@slm/memory-core';
import { describe, expect, it } from 'vitest';
import { readVarint } from '../src/search/term-statistics.js';
import { completed, episode, NS } from './support/fixtures.js';
import { useTempStorage } from './support/temp-storage.js';

const temp = useTempStorage();

describe('full-text search drops terms present in most documents', () => {
  it('ranks by the informative terms, and keeps a query whose every term is common', async () => {
    const storage = await temp.open(temp.directory().databaseUrl());
    // "invoice" is in 6 of 8 documents (idf clamped to ~0 by FTS5); "refund" and "ledger" are rare.
    const texts = [
      'invoice refund refund',
      'invoice refund',
      'invoice ledger',
      'invoice archive',
      'invoice backup',
      'invoice mailer',
      'unrelated ledger',
      'unrelated other',
    ];
    const records = texts.map((taskDescription) => completed(episode({ taskDescription })));
    for (const record of records) await storage.insertEpisode(record);
    const ids = async (query: string) =>
      (await storage.searchEpisodesByText(NS, searchTerms(query), {}, 10)).map((hit) => hit.id);

    // The two refund documents, in bm25 order; the invoice-only ones scored ~0 and are not candidates.
    expect(await ids('invoice refund')).toEqual([records[0]!.id, records[1]!.id]);
    expect(await ids('refund ledger')).toHaveLength(4);
    // Every term common: the query is left alone and still finds them.
    expect(new Set(await ids('invoice'))).toEqual(new Set(records.slice(0, 6).map((record) => record.id)));
  });

  it('reads SQLite varints as FTS5 writes N in its averages record', () => {
    expect(readVarint(Uint8Array.of(0))).toBe(0);
    expect(readVarint(Uint8Array.of(127))).toBe(127);
    expect(readVarint(Uint8Array.of(0x81, 0x00))).toBe(128);
    expect(readVarint(Uint8Array.of(206, 16, 198))).toBe(10_000);
    expect(readVarint(Uint8Array.of(0x81))).toBeUndefined();
  });
});
