import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEpisode, type EpisodeBody, type ErrorBody } from './support/fixtures.js';
import { KEYS, testApiKeys } from './support/keys.js';
import { type TestService, useService } from './support/service-harness.js';

const services = useService();

/** Every route of the API, with `:id` to fill in. */
const ROUTES: Array<[string, string]> = [
  ['POST', '/v1/episodes'],
  ['GET', '/v1/episodes'],
  ['GET', '/v1/episodes/:id'],
  ['PATCH', '/v1/episodes/:id'],
  ['DELETE', '/v1/episodes/:id'],
  ['POST', '/v1/episodes/:id/steps'],
  ['POST', '/v1/episodes/:id/complete'],
  ['POST', '/v1/episodes/:id/checkpoints'],
  ['GET', '/v1/checkpoints/:id/handoff'],
  ['POST', '/v1/handoffs/resume'],
  ['POST', '/v1/retrieve'],
  ['POST', '/v1/patterns/search'],
  ['POST', '/v1/patterns/recommend'],
  ['GET', '/v1/patterns/:id'],
  ['POST', '/v1/playbooks/recommend'],
  ['POST', '/v1/feedback'],
  ['GET', '/v1/stats'],
  ['POST', '/v1/episodes/:id/labels'],
  ['DELETE', '/v1/episodes/:id/labels'],
  ['POST', '/v1/relationships'],
  ['GET', '/v1/episodes/:id/relationships'],
  ['DELETE', '/v1/relationships/:id'],
  ['GET', '/v1/admin/export'],
  ['POST', '/v1/admin/import'],
  ['POST', '/v1/admin/sync'],
  ['POST', '/v1/admin/cache/regenerate'],
  ['GET', '/health'],
  ['GET', '/version'],
];

/** Strings that have broken services before: SQL, JSON, paths, control characters, lone surrogates, big blobs. */
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)) }),
  fc.constantFrom(
    "'; DROP TABLE episodes; --",
    '" OR 1=1 --',
    '{"$ne": null}',
    '__proto__',
    'constructor',
    '\u0000\u0001\u001f',
    '\ud800',
    '../../../../etc/passwd',
    '<script>alert(1)</script>',
    '%s%n%x',
    'NaN',
    '9'.repeat(400),
    'x'.repeat(20_000),
  ),
);

const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** Bodies that look almost right: the real field names with hostile values. */
const almostValid = fc.record(
  {
    taskDescription: hostileString,
    taskType: fc.oneof(fc.constantFrom('debugging', 'testing', 'other'), hostileString),
    context: fc.record(
      { domain: hostileString, tags: fc.array(hostileString, { maxLength: 3 }) },
      { requiredKeys: [] },
    ),
    labels: fc.array(hostileString, { maxLength: 3 }),
    metadata: fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
    query: hostileString,
    stepNumber: fc.oneof(fc.integer({ min: 1, max: 1_000 }), fc.integer(), fc.double()),
    tool: hostileString,
    action: hostileString,
    parameters: fc.dictionary(hostileString, hostileJson, { maxKeys: 3 }),
    steps: fc.array(hostileJson, { maxLength: 3 }),
    outcome: fc.record(
      { type: fc.oneof(fc.constantFrom('success', 'failure'), hostileString) },
      { requiredKeys: [] },
    ),
    sessionId: hostileString,
    checkpointId: hostileString,
    fromEpisodeId: hostileString,
    toEpisodeId: hostileString,
    type: hostileString,
    reason: hostileString,
    warm: fc.oneof(fc.integer(), hostileString),
  },
  { requiredKeys: [] },
);

const query = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      'limit',
      'cursor',
      'domains',
      'labelsAny',
      'completed',
      'since',
      'allNamespaces',
      'types',
    ),
    hostileString,
  ),
  hostileString,
  { maxKeys: 4 },
);

/** Percent-encodes every UTF-8 byte (lone surrogates become U+FFFD, as any client would send them). */
function encodeSegment(value: string): string {
  return [...Buffer.from(value, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
}

async function expectServing(service: TestService): Promise<void> {
  expect((await service.call('GET', '/health/live')).status).toBe(200);
  expect((await service.call('GET', '/v1/stats', { key: KEYS.alphaAdmin })).status).toBe(200);
}

describe('hostile input', () => {
  it('never answers 5xx to random and hostile payloads on any route, and keeps serving', async () => {
    const service = await services.start({ apiKeys: testApiKeys() });
    const existing = await createEpisode(service, KEYS.alphaAdmin);
    const id = fc.oneof(fc.constant(existing.id), fc.uuid(), hostileString);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        id,
        fc.oneof(hostileJson, almostValid),
        query,
        async ([method, template], idValue, body, parameters) => {
          const search = new URLSearchParams(parameters).toString();
          const path = template.replace(':id', encodeSegment(idValue)) + (search ? `?${search}` : '');
          const json = method === 'GET' ? undefined : body;
          const response = await service.call<ErrorBody>(method, path, { key: KEYS.alphaAdmin, json });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status >= 500)
            throw new Error(`${method} ${path} → ${response.status} ${response.text}`);
          if (response.status >= 400) expect(response.body.error.code).toEqual(expect.any(String));
        },
      ),
      { numRuns: 300 },
    );
    // Not only refusals: hostile values inside valid shapes reached the memory and were served.
    expect([...statuses].filter(([status]) => status < 300).length).toBeGreaterThan(0);
    await expectServing(service);
  }, 90_000);

  it('refuses raw bytes (invalid UTF-8, truncated JSON) with 4xx on every route', async () => {
    const service = await services.start({ apiKeys: testApiKeys() });
    const writeRoutes = ROUTES.filter(([method]) => method !== 'GET');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...writeRoutes),
        fc.uint8Array({ maxLength: 200 }),
        fc.constantFrom('application/json', 'application/x-ndjson', 'text/plain'),
        async ([method, template], bytes, contentType) => {
          const path = template.replace(':id', '01890a5d-ac96-774b-bcce-b302099a8057');
          const response = await service.call(method, path, {
            key: KEYS.alphaAdmin,
            raw: bytes,
            headers: { 'content-type': contentType },
          });
          if (response.status >= 500)
            throw new Error(`${method} ${path} → ${response.status} ${response.text}`);
        },
      ),
      { numRuns: 150 },
    );
    await expectServing(service);
  }, 60_000);

  it('stores accepted hostile text verbatim and returns it unchanged', async () => {
    const service = await services.start();
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, async (description, value) => {
        const created = await service.call<EpisodeBody>('POST', '/v1/episodes', {
          json: { taskDescription: description, metadata: { note: value } },
        });
        if (created.status !== 201) {
          expect(created.status).toBe(400);
          return;
        }
        const read = await service.call<EpisodeBody>('GET', `/v1/episodes/${created.body.episode.id}`);
        expect(read.body.episode.taskDescription).toBe(JSON.parse(JSON.stringify(description)));
        expect(read.body.episode.metadata['note']).toBe(JSON.parse(JSON.stringify(value)));
      }),
      {
        numRuns: 60,
        // Always tried: lone surrogates and NUL, SQL.
        examples: [
          ['a\ud800b\u0000c', '\udfff'],
          ["'; DROP TABLE episodes; --", "' OR '1'='1"],
        ],
      },
    );
  }, 60_000);
});
