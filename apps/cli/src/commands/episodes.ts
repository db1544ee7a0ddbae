import { OUTCOME_TYPES, TASK_TYPES } from '@slm/memory-core';
import { type Command, Option } from 'commander';
import type { CliContext } from '../cli-context.js';
import { emit } from '../output/emit.js';
import { pageLimit } from '../parse/positive-integer.js';
import { renderEpisode, renderEpisodeList } from '../records/render-episodes.js';
import { withStore } from '../store/with-store.js';

interface ListOptions {
  limit?: number;
  cursor?: string;
  domain?: string;
  taskType?: (typeof TASK_TYPES)[number];
  outcome?: (typeof OUTCOME_TYPES)[number];
  label?: string;
  text?: string;
  archived?: 'exclude' | 'include' | 'only';
}

/** `memory-cli episodes list|show`: the namespace's episodes, newest first, and one episode in full. */
export function registerEpisodesCommand(program: Command, context: CliContext): void {
  const episodes = program.command('episodes').description('list and show episodes of the namespace');
  episodes
    .command('list')
    .description('episodes, newest first (a page at a time)')
    .option('--limit <n>', 'episodes per page, 1–100 (default 20)', pageLimit)
    .option('--cursor <cursor>', 'the page after a previous listing (printed under the table)')
    .option('--domain <domain>', 'only this domain')
    .addOption(new Option('--task-type <type>', 'only this task type').choices(TASK_TYPES))
    .addOption(new Option('--outcome <type>', 'only this outcome').choices(OUTCOME_TYPES))
    .option('--label <label>', 'only episodes with this label')
    .option('--text <words>', 'only episodes whose text holds every word')
    .addOption(new Option('--archived <which>', 'archived episodes').choices(['exclude', 'include', 'only']))
    .action((options: ListOptions, command: Command) =>
      withStore(context.io, command, async ({ store, json }) => {
        const page = await store.memory.listEpisodes(
          {
            ...(options.domain ? { domains: [options.domain] } : {}),
            ...(options.taskType ? { taskTypes: [options.taskType] } : {}),
            ...(options.outcome ? { outcomeTypes: [options.outcome] } : {}),
            ...(options.label ? { labelsAny: [options.label] } : {}),
            ...(options.text ? { text: options.text } : {}),
            ...(options.archived ? { archived: options.archived } : {}),
          },
          { limit: options.limit ?? 20, cursor: options.cursor ?? null },
        );
        emit(context.io, json, page, () => renderEpisodeList(page));
      }),
    );
  episodes
    .command('show')
    .description('one episode: context, outcome, reward, steps, reflection')
    .argument('<id>', 'episode id')
    .action((id: string, _options: unknown, command: Command) =>
      withStore(context.io, command, async ({ store, json }) => {
        const episode = await store.memory.getEpisode(id);
        emit(context.io, json, episode, () => renderEpisode(episode));
      }),
    );
}
