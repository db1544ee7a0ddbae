import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderKeyValues, renderTable } from './table.js';

describe('renderTable', () => {
  it('aligns columns two spaces apart, numbers to the right, under a rule', () => {
    const text = renderTable(
      [{ header: 'TYPE' }, { header: 'COUNT', align: 'right' }],
      [
        ['episode', '10,000'],
        ['pattern', '7'],
      ],
    );
    expect(text).toBe(
      ['TYPE      COUNT', '-------  ------', 'episode  10,000', 'pattern       7', ''].join('\n'),
    );
  });

  it('cuts long free text with an ellipsis and flattens line breaks', () => {
    const text = renderTable([{ header: 'TASK', maxWidth: 10 }], [['Fix the\nflaky checkout test']]);
    expect(text.split('\n')[2]).toBe('Fix the f…');
  });

  it('every column starts at the same offset on every line', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.stringMatching(/^[a-z]{0,12}$/), fc.stringMatching(/^[a-z]{1,12}$/)), {
          maxLength: 8,
        }),
        (rows) => {
          const lines = renderTable([{ header: 'A' }, { header: 'B' }], rows)
            .trimEnd()
            .split('\n');
          const offset = lines[1]!.indexOf(' ') + 2;
          for (const [index, line] of lines.entries()) {
            const second = index === 0 ? 'B' : index === 1 ? '-' : rows[index - 2]![1];
            expect(line.slice(offset).startsWith(second)).toBe(true);
          }
        },
      ),
    );
  });
});

describe('renderKeyValues', () => {
  it('aligns the values', () => {
    expect(
      renderKeyValues([
        ['status', 'ok'],
        ['namespace', 'default'],
      ]),
    ).toBe('status:    ok\nnamespace: default\n');
  });
});
