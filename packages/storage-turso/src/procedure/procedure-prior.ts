import type { ProcedureCounts, ProcedureObservation } from '@slm/memory-core';
import { jsonList } from '../sql/conditions.js';
import type { Database } from '../sql/database.js';
import { numeric, optionalText, text } from '../sql/row.js';

/**
 * Adds one episode's evidence in one write: the episode is recorded first, and when it was already observed
 * nothing else happens (idempotent per episode). Counts add inside upserts over the distinct terms and tools.
 */
export async function observeProcedure(
  database: Database,
  namespace: string,
  observation: ProcedureObservation,
): Promise<boolean> {
  const terms = jsonList(observation.terms);
  const tools = jsonList(observation.tools);
  return database.write(
    'observeProcedure',
    async (runner) => {
      const recorded = await runner.execute({
        sql: 'INSERT INTO procedure_episodes (namespace, episode_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
        args: [namespace, observation.episodeId],
      });
      if (recorded.rowsAffected === 0) return false;
      await runner.batch([
        {
          sql: `INSERT INTO procedure_totals (namespace, documents) VALUES (?, 1)
                ON CONFLICT (namespace) DO UPDATE SET documents = documents + 1`,
          args: [namespace],
        },
        {
          sql: `INSERT INTO procedure_tools (namespace, tool, documents) SELECT ?, value, 1 FROM json_each(?) WHERE TRUE
                ON CONFLICT (namespace, tool) DO UPDATE SET documents = documents + 1`,
          args: [namespace, tools],
        },
        {
          sql: `INSERT INTO procedure_terms (namespace, term, documents) SELECT ?, value, 1 FROM json_each(?) WHERE TRUE
                ON CONFLICT (namespace, term) DO UPDATE SET documents = documents + 1`,
          args: [namespace, terms],
        },
        {
          sql: `INSERT INTO procedure_term_tools (namespace, term, tool, documents)
                SELECT ?, term.value, tool.value, 1 FROM json_each(?) term, json_each(?) tool WHERE TRUE
                ON CONFLICT (namespace, term, tool) DO UPDATE SET documents = documents + 1`,
          args: [namespace, terms, tools],
        },
      ]);
      return true;
    },
    terms.length + tools.length,
  );
}

/**
 * The counts for the requested terms, in one statement (one snapshot), without reading other terms. A keyed
 * read of a few rows per term: on the main thread, cheaper than a read thread's round trip.
 */
export async function getProcedureCounts(
  database: Database,
  namespace: string,
  terms: readonly string[],
): Promise<ProcedureCounts> {
  const requested = jsonList(terms);
  return database.lookup('getProcedureCounts', async (runner) => {
    const result = await runner.execute({
      sql: `SELECT 'documents' AS kind, NULL AS term, NULL AS tool, documents FROM procedure_totals WHERE namespace = ?1
            UNION ALL SELECT 'tool', NULL, tool, documents FROM procedure_tools WHERE namespace = ?1
            UNION ALL SELECT 'term', term, NULL, documents FROM procedure_terms
              WHERE namespace = ?1 AND term IN (SELECT value FROM json_each(?2))
            UNION ALL SELECT 'term_tool', term, tool, documents FROM procedure_term_tools
              WHERE namespace = ?1 AND term IN (SELECT value FROM json_each(?2))`,
      args: [namespace, requested],
    });
    // Object.fromEntries defines own properties, so a term such as "__proto__" stays an ordinary key.
    let documents = 0;
    const toolDocuments: Array<[string, number]> = [];
    const termDocuments: Array<[string, number]> = [];
    const termTools = new Map<string, Array<[string, number]>>();
    for (const row of result.rows) {
      const count = numeric(row, 'documents');
      switch (text(row, 'kind')) {
        case 'documents':
          documents = count;
          break;
        case 'tool':
          toolDocuments.push([text(row, 'tool'), count]);
          break;
        case 'term':
          termDocuments.push([text(row, 'term'), count]);
          break;
        default: {
          const term = text(row, 'term');
          const entries = termTools.get(term) ?? [];
          entries.push([optionalText(row, 'tool') ?? '', count]);
          termTools.set(term, entries);
        }
      }
    }
    return {
      documents,
      toolDocuments: Object.fromEntries(toolDocuments),
      termDocuments: Object.fromEntries(termDocuments),
      termToolDocuments: Object.fromEntries(
        termDocuments.map(([term]) => [term, Object.fromEntries(termTools.get(term) ?? [])]),
      ),
    };
  });
}
