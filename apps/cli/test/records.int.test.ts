import type { Episode, Page, Pattern, PatternExplanation } from '@slm/memory-core';
import { createTempDirectory } from '@slm/vitest-config/temp';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, runCliJson } from './support/cli.js';
import { recordLearnedEpisodes } from './support/learned-memory.js';

describe('episodes and patterns', () => {
  let url: string;
  let episodes: Episode[];
  beforeAll(async () => {
    // One database for the whole file: these tests only read.
    const shared = createTempDirectory('slm-cli-records-');
    url = shared.databaseUrl();
    episodes = await recordLearnedEpisodes(url, 6);
    return () => shared.remove();
  });

  it('lists episodes newest first, a page at a time, with filters', async () => {
    const all = await runCliJson<Page<Episode>>(['episodes', 'list', '--database-url', url]);
    expect(all.code).toBe(0);
    expect(all.json.items.map((episode) => episode.id)).toEqual(
      episodes.map((episode) => episode.id).reverse(),
    );
    expect(all.json.nextCursor).toBeNull();

    const first = await runCliJson<Page<Episode>>([
      'episodes',
      'list',
      '--limit',
      '4',
      '--database-url',
      url,
    ]);
    expect(first.json.items).toHaveLength(4);
    const rest = await runCliJson<Page<Episode>>([
      'episodes',
      'list',
      '--limit',
      '4',
      '--cursor',
      first.json.nextCursor!,
      '--database-url',
      url,
    ]);
    expect([...first.json.items, ...rest.json.items].map((episode) => episode.id)).toEqual(
      all.json.items.map((episode) => episode.id),
    );

    const failures = await runCliJson<Page<Episode>>([
      'episodes',
      'list',
      '--outcome',
      'failure',
      '--database-url',
      url,
    ]);
    expect(failures.json.items.map((episode) => episode.outcome?.type)).toEqual(['failure', 'failure']);

    const human = await runCli(['episodes', 'list', '--limit', '4', '--database-url', url]);
    const lines = human.stdout.split('\n');
    expect(lines[0]).toMatch(/^ID +STARTED +TYPE +DOMAIN +OUTCOME +REWARD +STEPS +TASK$/);
    expect(lines[2]).toContain('Fix the failing checkout test number 5');
    expect(human.stdout).toContain(`next page: the same command with --cursor ${first.json.nextCursor}`);
    expect((await runCli(['episodes', 'list', '--limit', '500', '--database-url', url])).code).toBe(2);
  });

  it('shows one episode in full; an unknown id exits 1, a malformed one 2', async () => {
    const episode = episodes[0]!;
    const shown = await runCliJson<Episode>(['episodes', 'show', episode.id, '--database-url', url]);
    expect(shown.code).toBe(0);
    expect(shown.json).toEqual(episode);
    const human = await runCli(['episodes', 'show', episode.id, '--database-url', url]);
    expect(human.stdout).toMatch(/^outcome: +success: fixed$/m);
    expect(human.stdout).toMatch(/^3 +run_tests +run the checkout suite +ok +900 ms$/m);
    expect(human.stdout).toContain('reflection:');

    const missing = await runCliJson([
      'episodes',
      'show',
      '01900000-0000-7000-8000-000000000000',
      '--database-url',
      url,
    ]);
    expect(missing.code).toBe(1);
    expect(missing.json).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await runCli(['episodes', 'show', 'not-an-id', '--database-url', url])).code).toBe(2);
  });

  it('lists patterns and explains one with its evidence', async () => {
    const listed = await runCliJson<Page<Pattern>>(['patterns', 'list', '--database-url', url]);
    expect(listed.code).toBe(0);
    const sequence = listed.json.items.find(
      (pattern) =>
        pattern.type === 'tool_sequence' && pattern.tools.join() === 'read_file,edit_file,run_tests',
    );
    expect(sequence?.stats.occurrences).toBeGreaterThanOrEqual(2);
    const human = await runCli(['patterns', 'list', '--type', 'tool_sequence', '--database-url', url]);
    expect(human.stdout).toMatch(
      new RegExp(
        `^${sequence!.id} +tool_sequence +web-api +${sequence!.stats.occurrences} +[\\d.]+% +0 +read_file → edit_file → run_tests$`,
        'm',
      ),
    );

    const explained = await runCliJson<PatternExplanation>([
      'patterns',
      'show',
      sequence!.id,
      '--database-url',
      url,
    ]);
    expect(explained.json.pattern.id).toBe(sequence!.id);
    expect(explained.json.evidence.length).toBeGreaterThan(0);
    const shown = await runCli(['patterns', 'show', sequence!.id, '--database-url', url]);
    expect(shown.stdout).toMatch(/^summary: +Use read_file → edit_file → run_tests/m);
    expect(shown.stdout).toMatch(/^EVIDENCE EPISODE +OUTCOME +TASK$/m);
  });
});
