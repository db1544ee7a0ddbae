import { createMemory, type SelfLearningMemory } from '@slm/memory-core';
import { createTursoStorage } from '@slm/storage-turso';
import { createTempDirectory } from '@slm/vitest-config/temp';

/** The local embedder's dimensions (createMemory's default provider). */
export const EMBEDDING_DIMENSIONS = 384;

export interface TestMemory {
  memory: SelfLearningMemory;
  databaseUrl: string;
  /** Closes the memory and removes its temp directory. */
  close(): Promise<void>;
}

/** A memory over a real libSQL file in a fresh temp directory. */
export async function openTestMemory(namespace = 'default'): Promise<TestMemory> {
  const directory = createTempDirectory('slm-mcp-');
  const databaseUrl = directory.databaseUrl();
  const storage = await createTursoStorage({ url: databaseUrl, embeddingDimensions: EMBEDDING_DIMENSIONS });
  const memory = await createMemory({ storage, config: { namespace } });
  return {
    memory,
    databaseUrl,
    async close() {
      await memory.close();
      directory.remove();
    },
  };
}
