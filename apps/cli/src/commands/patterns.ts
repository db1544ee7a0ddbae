import { PATTERN_TYPES, type PatternType } from '@slm/memory-core';
import { type Command, Option } from 'commander';
import type { CliContext } from '../cli-context.js';
import { emit } from '../output/emit.js';
import { pageLimit, positiveInteger } from '../parse/positive-integer.js';
import { renderPatternExplanation, renderPatternList } from '../records/render-patterns.js';
import { withStore } from '../store/with-store.js';

interface ListOptions {
  limit?: number;
  cursor?: string;
  type?: PatternType;
  domain?: string;
  minOccurrences?: number;
}

/** `memory-cli patterns list|show`: the namespace's learned patterns and the explanation of one. */
export function registerPatternsCommand(program: Command, context: CliContext): void {
  const patterns = program.command('patterns').description('list and explain learned patterns');
  patterns
    .command('list')
    .description('patterns, most often seen first (a page at a time)')
    .option('--limit <n>', 'patterns per page, 1–100 (default 20)', pageLimit)
    .option('--cursor <cursor>', 'the page after a previous listing (printed under the table)')
    .addOption(new Option('--type <type>', 'only this pattern type').choices(PATTERN_TYPES))
    .option('--domain <domain>', 'only this domain')
    .option('--min-occurrences <n>', 'only patterns seen at least n times', positiveInteger)
    .action((options: ListOptions, command: Command) =>
      withStore(context.io, command, async ({ store, json }) => {
        const page = await store.memory.listPatterns(
          {
            ...(options.type ? { types: [options.type] } : {}),
            ...(options.domain ? { domains: [options.domain] } : {}),
            ...(options.minOccurrences ? { minOccurrences: options.minOccurrences } : {}),
          },
          { limit: options.limit ?? 20, cursor: options.cursor ?? null },
        );
        emit(context.io, json, page, () => renderPatternList(page));
      }),
    );
  patterns
    .command('show')
    .description('one pattern with its explanation and evidence')
    .argument('<id>', 'pattern id')
    .action((id: string, _options: unknown, command: Command) =>
      withStore(context.io, command, async ({ store, json }) => {
        const explanation = await store.memory.explainPattern(id);
        emit(context.io, json, explanation, () => renderPatternExplanation(explanation));
      }),
    );
}
