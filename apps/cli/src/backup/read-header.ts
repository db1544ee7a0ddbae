import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { type ExportHeader, ExportHeaderSchema } from '@slm/memory-core';

/**
 * The header line of a backup (gzip for `.gz`), or null when the first line is not a valid header. Reads only
 * the first line: it gives the progress bar its total and lets a too-new format be refused before importing.
 */
export async function readBackupHeader(path: string): Promise<ExportHeader | null> {
  const file = createReadStream(path);
  let input: Readable = file;
  if (path.endsWith('.gz')) {
    const gunzip = createGunzip();
    file.on('error', (error) => gunzip.destroy(error));
    input = file.pipe(gunzip);
  }
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) {
      try {
        const parsed = ExportHeaderSchema.safeParse(JSON.parse(line));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    }
    return null;
  } finally {
    lines.close();
    input.destroy();
    file.destroy();
  }
}
