import { createReadStream, createWriteStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';

/** `.gz` files are gzip-compressed; everything else is plain text. */
export function isGzipPath(path: string): boolean {
  return path.endsWith('.gz');
}

/** A new file at `path` (never overwritten), gzip-compressed when `gzip`. */
export function openOutput(path: string, gzip: boolean): { stream: Writable; done: Promise<void> } {
  const file = createWriteStream(path, { flags: 'wx' });
  const done = new Promise<void>((resolve, reject) => {
    file.on('finish', resolve);
    file.on('close', resolve);
    file.on('error', reject);
  });
  if (!gzip) return { stream: file, done };
  const compressor = createGzip();
  compressor.on('error', (error) => file.destroy(error));
  compressor.pipe(file);
  return { stream: compressor, done };
}

export function openInput(path: string): Readable {
  const file = createReadStream(path);
  if (!isGzipPath(path)) return file;
  const gunzip = createGunzip();
  file.on('error', (error) => gunzip.destroy(error));
  return file.pipe(gunzip);
}

/** Writes a line, waiting for the stream to drain when its buffer is full (constant memory). */
export async function writeLine(stream: Writable, line: string): Promise<void> {
  if (stream.write(`${line}\n`)) return;
  await new Promise<void>((resolve, reject) => {
    const onDrain = () => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (error: Error) => {
      stream.off('drain', onDrain);
      reject(error);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}
