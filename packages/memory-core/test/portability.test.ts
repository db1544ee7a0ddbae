import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SOURCE = new URL('../src', import.meta.url).pathname;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('memory-core portability', () => {
  it('uses no Node built-ins, process or Buffer (it runs in any JavaScript runtime)', () => {
    const offenders = sourceFiles(SOURCE).filter((path) => {
      const code = readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      return /from ['"]node:|require\(|\bprocess\.|\bBuffer\b/.test(code);
    });
    expect(offenders).toEqual([]);
  });

  it('depends on zod only', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(Object.keys(manifest.dependencies)).toEqual(['zod']);
  });
});
