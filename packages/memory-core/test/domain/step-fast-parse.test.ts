import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/domain/limits.js';
import { StepInputSchema } from '../../src/domain/step.js';
import { fastParseSteps } from '../../src/domain/step-fast-parse.js';

const schema = StepInputSchema.array().min(1).max(LIMITS.stepsPerEpisode);

/** Values that sit on both sides of every limit the step schema checks. */
const edgyString = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    '',
    ' ',
    '  tool  ',
    '\t',
    'é'.repeat(4_000),
    'x'.repeat(201),
    'x'.repeat(200),
    'x'.repeat(10_001),
  ),
);
const edgyNumber = fc.oneof(
  fc.integer({ min: -5, max: 1_005 }),
  fc.double(),
  fc.constantFrom(
    0,
    -0,
    1,
    1_000,
    1_001,
    86_400_000,
    86_400_001,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 53,
  ),
);
const anything = fc.oneof(edgyString, edgyNumber, fc.constant(undefined), fc.constant(null), fc.boolean());
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const result = fc.oneof(
  fc.record({ type: fc.constant('success'), output: edgyString }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('error'), message: edgyString }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('timeout'), extra: anything }, { requiredKeys: ['type'] }),
  fc.record({ type: anything, message: anything }),
  anything,
);
const jsonObject = fc.oneof(
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }),
  fc.constant(Object.assign(Object.create(null), { a: 1 })),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}')),
  fc.constant({ deep: JSON.parse(`${'['.repeat(40)}${']'.repeat(40)}`) }),
  fc.constant([1, 2]),
  anything,
);
const metadata = fc.oneof(
  fc.dictionary(fc.string({ maxLength: 8 }), edgyString, { maxKeys: 4 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 2 }), { minKeys: 60, maxKeys: 70 }),
  fc.constant({ ['k'.repeat(201)]: 'v' }),
  fc.constant({ n: 1 }),
  anything,
);

/** Steps near the schema's boundaries: valid and invalid fields, absent and explicitly undefined keys. */
const step = fc.record(
  {
    stepNumber: edgyNumber,
    at: fc.oneof(fc.constant('2025-01-01T00:00:00.000Z'), anything),
    tool: edgyString,
    action: edgyString,
    parameters: jsonObject,
    result,
    latencyMs: edgyNumber,
    tokensUsed: edgyNumber,
    metadata,
    unexpected: anything,
  },
  { requiredKeys: [] },
);

/** The plain shape agents send, always valid. */
const commonStep = fc.record(
  {
    stepNumber: fc.integer({ min: 1, max: 1_000 }),
    tool: fc.string({ minLength: 1, maxLength: 40 }).filter((tool) => tool.trim().length > 0),
    action: fc.string({ maxLength: 200 }),
    parameters: optional(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }))),
    result: optional(
      fc.oneof(
        fc.record(
          { type: fc.constant('success' as const), output: optional(fc.string()) },
          { requiredKeys: ['type'] },
        ),
        fc.record({ type: fc.constant('error' as const), message: fc.string() }),
        fc.constant({ type: 'timeout' as const }),
      ),
    ),
    latencyMs: optional(fc.integer({ min: 0, max: 60_000 })),
    tokensUsed: optional(fc.nat()),
    metadata: optional(
      fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 }), { maxKeys: 5 }),
    ),
  },
  { requiredKeys: ['stepNumber', 'tool', 'action'] },
);

describe('fastParseSteps', () => {
  it('returns exactly what the zod schema returns whenever it answers, and declines what zod refuses', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(step, commonStep), { minLength: 0, maxLength: 3 }), (steps) => {
        const fast = fastParseSteps(steps);
        const slow = schema.safeParse(steps);
        if (fast === undefined) return;
        answered++;
        expect(slow.success).toBe(true);
        expect(fast).toStrictEqual(slow.data);
      }),
      { numRuns: 5_000 },
    );
    // The edge cases above must not all be declined, or the property would hold vacuously.
    expect(answered).toBeGreaterThan(500);
  });

  it('answers for the plain steps agents send (so logStep takes the fast path)', () => {
    fc.assert(
      fc.property(fc.array(commonStep, { minLength: 1, maxLength: 3 }), (steps) => {
        const fast = fastParseSteps(steps);
        expect(fast).toBeDefined();
        expect(fast).toStrictEqual(schema.parse(steps));
      }),
      { numRuns: 1_000 },
    );
  });

  it('leaves a caller-set timestamp, an empty list and non-arrays to the schema', () => {
    const valid = { stepNumber: 1, tool: 'shell', action: 'ls' };
    expect(fastParseSteps([{ ...valid, at: '2025-01-01T00:00:00.000Z' }])).toBeUndefined();
    expect(fastParseSteps([])).toBeUndefined();
    expect(fastParseSteps(valid)).toBeUndefined();
    expect(fastParseSteps([valid])).toStrictEqual([
      { stepNumber: 1, tool: 'shell', action: 'ls', parameters: {}, latencyMs: 0, metadata: {} },
    ]);
  });
});
