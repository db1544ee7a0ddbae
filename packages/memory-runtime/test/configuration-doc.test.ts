import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig, VARIABLES } from '../src/index.js';

const documentation = readFileSync(new URL('../../../docs/configuration.md', import.meta.url), 'utf8');

describe('docs/configuration.md', () => {
  it.each(VARIABLES.map((variable) => variable.name))('has a row for %s', (name) => {
    expect(documentation).toMatch(new RegExp(`^\\| \`${name}\``, 'm'));
  });

  it('has no row for a variable the code does not read', () => {
    const documented = [...documentation.matchAll(/^\| `([A-Z_]+)`/gm)].map((match) => match[1]);
    const known = new Set(VARIABLES.map((variable) => variable.name));
    expect(documented.filter((name) => !known.has(name as never))).toEqual([]);
  });
});

describe('deploy/.env.example', () => {
  it('is a valid --config file', () => {
    const path = new URL('../../../deploy/.env.example', import.meta.url).pathname;
    expect(loadConfig({ env: {}, configFile: path }).database.url).toBe('file:/var/lib/memory/memory.db');
  });
});
