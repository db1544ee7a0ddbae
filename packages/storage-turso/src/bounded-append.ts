/**
 * SQL for "`column` (a JSON array) with the id in `newIdSql` appended, keeping the newest `limit`": the
 * in-SQL form of the bounded evidence lists of patterns and heuristics.
 */
export function boundedAppendSql(column: string, newIdSql: string, limit: number): string {
  return `(SELECT json_group_array(value ORDER BY position) FROM (
      SELECT value, position FROM (
        SELECT value, CAST(key AS INTEGER) AS position FROM json_each(${column})
        UNION ALL SELECT ${newIdSql}, 9007199254740991)
      ORDER BY position DESC LIMIT ${limit}))`;
}
