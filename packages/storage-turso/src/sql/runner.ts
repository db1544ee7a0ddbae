import type { Client, InStatement, ResultSet, Transaction } from '@libsql/client';

/** What store operations run SQL through: the read client, or the write transaction of a group commit. */
export interface SqlRunner {
  execute(statement: InStatement): Promise<ResultSet>;
  /** Runs the statements in order as one unit (one round trip remotely). */
  batch(statements: InStatement[]): Promise<ResultSet[]>;
}

/** Reads outside a transaction; a batch runs as one read-only transaction (one consistent snapshot). */
export function clientRunner(client: Client): SqlRunner {
  return {
    execute: (statement) => client.execute(statement),
    batch: (statements) => client.batch(statements, 'read'),
  };
}

export function transactionRunner(transaction: Transaction): SqlRunner {
  return {
    execute: (statement) => transaction.execute(statement),
    batch: (statements) => transaction.batch(statements),
  };
}
