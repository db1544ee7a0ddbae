import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemory, type SelfLearningMemory } from '@slm/memory-core';
import { createTursoStorage, type TursoStorage } from '@slm/storage-turso';

/** The local embedder's width: the store's vector column must match it. */
export const EMBEDDING_DIMENSIONS = 384;

export interface LibsqlMemory {
  memory: SelfLearningMemory;
  storage: TursoStorage;
  /** The database file, for a second process to open. */
  file: string;
  /** Closes the memory and deletes the temp directory. */
  dispose(): Promise<void>;
}

/** The whole memory (durable mode, default configuration) over a fresh libSQL file in a temp directory. */
export async function openLibsqlMemory(): Promise<LibsqlMemory> {
  const directory = mkdtempSync(join(tmpdir(), 'slm-bench-libsql-'));
  const file = join(directory, 'memory.db');
  try {
    const storage = await openLibsqlStorage(file);
    const memory = await createMemory({ storage });
    return {
      memory,
      storage,
      file,
      async dispose() {
        await memory.close();
        rmSync(directory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(directory, { recursive: true, force: true });
    throw error;
  }
}

export function openLibsqlStorage(file: string): Promise<TursoStorage> {
  return createTursoStorage({ url: `file:${file}`, embeddingDimensions: EMBEDDING_DIMENSIONS });
}
