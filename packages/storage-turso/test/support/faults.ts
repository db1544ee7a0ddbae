import { type Client, LibsqlError, type Transaction } from '@libsql/client';
import { seededRandom } from '@slm/vitest-config/seeded-random';

export interface FaultPlan {
  /** Probability that a call fails before it reaches the database. */
  rate: number;
  random: () => number;
  /** Switch faults on and off (e.g. while asserting). */
  enabled: boolean;
  injected: { busy: number; dropped: number };
  /** SQL of every statement that reached the database. */
  executed: string[];
}

export function faultPlan(rate: number, seed = 42): FaultPlan {
  return { rate, random: seededRandom(seed), enabled: true, injected: { busy: 0, dropped: 0 }, executed: [] };
}

/** Half the faults are a busy database, half a dropped connection, as a remote client would report it. */
function maybeFail(plan: FaultPlan): void {
  if (!plan.enabled || plan.random() >= plan.rate) return;
  if (plan.random() < 0.5) {
    plan.injected.busy++;
    throw new LibsqlError('SQLITE_BUSY: database is locked (injected)', 'SQLITE_BUSY', 'SQLITE_BUSY', 5);
  }
  plan.injected.dropped++;
  const socket = Object.assign(new Error('socket hang up (injected)'), { code: 'ECONNRESET' });
  throw new TypeError('fetch failed', { cause: socket });
}

function sqlOf(statement: unknown): string {
  return typeof statement === 'string' ? statement : String((statement as { sql: string }).sql);
}

/**
 * Wraps a client so that `rate` of its calls (statements, batches, BEGIN, COMMIT) fail with a transient error
 * before doing anything: the database never sees a failed call, as with a request lost on the way.
 */
export function injectFaults(plan: FaultPlan): (client: Client) => Client {
  const wrapTransaction = (transaction: Transaction): Transaction =>
    new Proxy(transaction, {
      get(target, property) {
        if (property === 'execute') {
          return async (statement: Parameters<Transaction['execute']>[0]) => {
            maybeFail(plan);
            plan.executed.push(sqlOf(statement));
            return target.execute(statement);
          };
        }
        if (property === 'batch') {
          return async (statements: Parameters<Transaction['batch']>[0]) => {
            maybeFail(plan);
            plan.executed.push(...statements.map(sqlOf));
            return target.batch(statements);
          };
        }
        if (property === 'commit' || property === 'rollback') {
          return async () => {
            maybeFail(plan);
            return target[property]();
          };
        }
        const value = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return (client) =>
    new Proxy(client, {
      get(target, property) {
        if (property === 'execute') {
          return async (...args: Parameters<Client['execute']>) => {
            maybeFail(plan);
            plan.executed.push(sqlOf(args[0]));
            return (target.execute as (...a: unknown[]) => ReturnType<Client['execute']>)(...args);
          };
        }
        if (property === 'batch') {
          return async (...args: Parameters<Client['batch']>) => {
            maybeFail(plan);
            plan.executed.push(...args[0].map(sqlOf));
            return target.batch(...args);
          };
        }
        if (property === 'transaction') {
          return async (...args: Parameters<Client['transaction']>) => {
            maybeFail(plan);
            return wrapTransaction(await target.transaction(...args));
          };
        }
        const value = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
}
