import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemory } from '@slm/memory-core';
import { random } from '../workload.js';
import { importEpisodes } from './fill.js';
import { openLibsqlStorage } from './open.js';

export interface FilledFile {
  /** The database file, closed: open it again (or hand it to a spawned service). */
  file: string;
  episodes: number;
  remove(): void;
}

/** A libSQL file in a temp directory holding `episodes` imported episodes, for the parts that read a full store. */
export async function filledFile(episodes: number, progress: (message: string) => void): Promise<FilledFile> {
  const directory = mkdtempSync(join(tmpdir(), 'slm-bench-filled-'));
  const remove = () => rmSync(directory, { recursive: true, force: true });
  try {
    const file = join(directory, 'memory.db');
    progress(`importing ${episodes} episodes into a libSQL file …`);
    const memory = await createMemory({ storage: await openLibsqlStorage(file) });
    await importEpisodes(memory, episodes, random(19), Date.now());
    await memory.close();
    return { file, episodes, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
