import { Readable } from 'node:stream';
import { TimestampSchema } from '@slm/memory-core';
import { z } from 'zod';
import { exportLines } from '../admin/export-lines.js';
import { parseImportBody } from '../admin/import-records.js';
import {
  ImportSummarySchema,
  RegenerateReportSchema,
  SyncReportSchema,
} from '../openapi/response-schemas.js';
import { QueryBooleanSchema } from './common-schemas.js';
import { defineRoute, type RouteSpec } from './route-spec.js';

export const JSONL_CONTENT_TYPES = ['application/x-ndjson', 'application/jsonl'];

const ExportQuerySchema = z.object({
  since: TimestampSchema.optional(),
  /** Admin keys are operator keys: with this flag they export every namespace. */
  allNamespaces: QueryBooleanSchema.optional(),
});

const ImportQuerySchema = z.object({ allNamespaces: QueryBooleanSchema.optional() });

const RegenerateBodySchema = z.object({ warm: z.number().int().min(0).max(10_000).optional() }).optional();

export function adminRoutes(): RouteSpec[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/v1/admin/export',
      operationId: 'exportRecords',
      summary: "Stream a JSONL backup of the key's namespace (`allNamespaces=true`: every namespace)",
      description:
        'A header line with counts, then one record per line; the format `memory-cli import` reads. Read from the store page by page.',
      tag: 'admin',
      access: 'admin',
      query: ExportQuerySchema,
      response: { description: 'JSONL, streamed.', contentType: 'application/x-ndjson' },
      async handler({ memory, query, reply }) {
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        reply
          .type('application/x-ndjson; charset=utf-8')
          .header('content-disposition', `attachment; filename="memory-export-${stamp}.jsonl"`);
        return reply.send(Readable.from(exportLines(memory, query)));
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/v1/admin/import',
      operationId: 'importRecords',
      summary: 'Import records (JSONL or a JSON array), all validated before any is written',
      description:
        'Upserts by id; importing the same records twice changes nothing. One bad record refuses the whole import (400). Bodies are bounded by the body limit: import large backups with `memory-cli import`.',
      tag: 'admin',
      access: 'admin',
      query: ImportQuerySchema,
      bodyDoc: z.array(z.record(z.string(), z.unknown())),
      bodyContentTypes: JSONL_CONTENT_TYPES,
      response: { description: 'Records written, by type.', schema: ImportSummarySchema },
      async handler({ memory, query, request }) {
        const { records, lines } = parseImportBody(
          request.body,
          memory.namespace,
          query.allNamespaces ?? false,
        );
        const summary = await memory.importRecords(records);
        return { imported: summary.imported, lines };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/v1/admin/sync',
      operationId: 'syncMemories',
      summary: "Reconcile the cache with the durable store for the key's namespace",
      tag: 'admin',
      access: 'admin',
      response: { description: 'What was checked, refreshed and dropped.', schema: SyncReportSchema },
      async handler({ memory }) {
        return { report: await memory.syncMemories() };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/v1/admin/cache/regenerate',
      operationId: 'regenerateCache',
      summary: "Drop the namespace's cached entries and warm the most recent `warm` episodes (default 100)",
      tag: 'admin',
      access: 'admin',
      body: RegenerateBodySchema,
      response: { description: 'What was dropped and warmed.', schema: RegenerateReportSchema },
      async handler({ memory, body }) {
        return { report: await memory.regenerateCache(body?.warm) };
      },
    }),
  ];
}
