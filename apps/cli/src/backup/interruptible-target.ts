import type { ExportRecord, ImportSummary, SelfLearningMemory } from '@slm/memory-core';
import type { ImportTarget } from '@slm/memory-runtime';

/**
 * The import target with Ctrl-C support: once `signal` is aborted, the next batch is not started and
 * `stopped` resolves — so an import stops between two batches (each batch is one transaction), never inside
 * one. The records written so far are counted here, since the file import only reports at its end.
 */
export function interruptibleTarget(memory: SelfLearningMemory, signal: AbortSignal) {
  const imported: Record<string, number> = {};
  let announceStop: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    announceStop = resolve;
  });
  const target: ImportTarget = {
    async importRecords(records: readonly ExportRecord[]): Promise<ImportSummary> {
      if (signal.aborted) {
        announceStop();
        // Never settles: the file import waits here while the command reports and closes the store.
        return new Promise<ImportSummary>(() => {});
      }
      const summary = await memory.importRecords(records);
      for (const [type, count] of Object.entries(summary.imported))
        imported[type] = (imported[type] ?? 0) + count;
      return summary;
    },
  };
  return { target, imported, stopped };
}
