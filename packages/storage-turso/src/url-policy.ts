import { isAbsolute, resolve } from 'node:path';
import { configInvalid } from './failures.js';

/** Where the database lives, decided from the configured URLs before anything is opened. */
export type DatabaseLocation =
  | { kind: 'file'; path: string }
  | { kind: 'remote'; url: string; authToken: string }
  | { kind: 'replica'; path: string; syncUrl: string; authToken: string; syncIntervalSeconds?: number };

export const ACCEPTED_SCHEMES = ['file:', 'libsql://'] as const;

const URI =
  /^(?<scheme>[A-Za-z][A-Za-z.+-]*):(?:\/\/(?<authority>[^/?#]*))?(?<path>[^?#]*)(?<rest>[?#].*)?$/su;

export interface UrlPolicyInput {
  url: string;
  authToken?: string | undefined;
  syncUrl?: string | undefined;
  syncIntervalSeconds?: number | undefined;
}

/**
 * Applies the URL policy: `file:` (embedded) and `libsql://` (Turso over TLS, with a non-blank token) are
 * accepted; `http(s)://`, `ws(s)://` and every other scheme are refused, naming the variable to fix. An
 * in-memory `:memory:` database is refused too: `@libsql/client` empties it on `transaction()`.
 */
export function resolveLocation(input: UrlPolicyInput): DatabaseLocation {
  const url = input.url.trim();
  const scheme = schemeOf(url, 'TURSO_DATABASE_URL');
  if (scheme === 'libsql') {
    checkRemoteUrl(url, 'TURSO_DATABASE_URL');
    if (input.syncUrl !== undefined) {
      throw configInvalid(
        'TURSO_SYNC_URL needs a local file: TURSO_DATABASE_URL (the embedded replica); it cannot be combined with a libsql:// database URL',
        { variable: 'TURSO_SYNC_URL' },
      );
    }
    return { kind: 'remote', url, authToken: requireToken(input.authToken, 'TURSO_DATABASE_URL') };
  }
  if (scheme !== 'file') throw schemeRefused('TURSO_DATABASE_URL', url, scheme);
  const path = filePath(url);
  if (input.syncUrl === undefined) return { kind: 'file', path };
  const syncUrl = input.syncUrl.trim();
  const syncScheme = schemeOf(syncUrl, 'TURSO_SYNC_URL');
  if (syncScheme !== 'libsql') throw schemeRefused('TURSO_SYNC_URL', syncUrl, syncScheme, ['libsql://']);
  checkRemoteUrl(syncUrl, 'TURSO_SYNC_URL');
  const interval = input.syncIntervalSeconds;
  if (interval !== undefined && !(Number.isFinite(interval) && interval > 0)) {
    throw configInvalid(`TURSO_SYNC_INTERVAL must be a positive number of seconds (got ${interval})`, {
      variable: 'TURSO_SYNC_INTERVAL',
    });
  }
  return {
    kind: 'replica',
    path,
    syncUrl,
    authToken: requireToken(input.authToken, 'TURSO_SYNC_URL'),
    ...(interval !== undefined ? { syncIntervalSeconds: interval } : {}),
  };
}

/** The `file:` URL handed to `@libsql/client` for an absolute path (`?`, `#` and `%` escaped). */
export function fileUrl(path: string): string {
  return `file:${path.replace(/[%?#]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

function schemeOf(url: string, variable: string): string {
  const match = URI.exec(url);
  if (!match?.groups) {
    throw configInvalid(
      `${variable} is not a URL (got ${JSON.stringify(redact(url))}); accepted schemes: ${ACCEPTED_SCHEMES.join(', ')} ` +
        '(e.g. file:./data/memory.db or libsql://your-db.turso.io)',
      { variable, acceptedSchemes: [...ACCEPTED_SCHEMES] },
    );
  }
  return match.groups['scheme']!.toLowerCase();
}

function schemeRefused(
  variable: string,
  url: string,
  scheme: string,
  accepted: readonly string[] = ACCEPTED_SCHEMES,
): Error {
  const why =
    scheme === 'http' || scheme === 'https' || scheme === 'ws' || scheme === 'wss'
      ? ` ${scheme}:// URLs are refused: connect to Turso with its libsql:// URL, which always uses TLS.`
      : '';
  return configInvalid(
    `${variable} has the unsupported scheme "${scheme}:" (${JSON.stringify(redact(url))}); accepted schemes: ${accepted.join(', ')}.${why}`,
    { variable, scheme: `${scheme}:`, acceptedSchemes: [...accepted] },
  );
}

/** A `libsql://` URL needs a host, and may not switch TLS off (`?tls=0`): the seed promises TLS to Turso. */
function checkRemoteUrl(url: string, variable: string): void {
  const groups = URI.exec(url)!.groups!;
  if (!groups['authority']) {
    throw configInvalid(`${variable} must be libsql://<host> (e.g. libsql://your-db.turso.io)`, { variable });
  }
  if (/[?&]tls=0(?:&|#|$)/.test(groups['rest'] ?? '')) {
    throw configInvalid(
      `${variable} must not disable TLS (tls=0): remote databases are reached over TLS only`,
      {
        variable,
      },
    );
  }
}

function requireToken(token: string | undefined, variable: string): string {
  if (token === undefined || token.trim() === '') {
    throw configInvalid(`TURSO_AUTH_TOKEN is required with a libsql:// ${variable} and must not be blank`, {
      variable: 'TURSO_AUTH_TOKEN',
    });
  }
  return token.trim();
}

/** The absolute path of a `file:` URL (`file:relative`, `file:/abs`, `file:///abs`, `file://localhost/abs`). */
function filePath(url: string): string {
  const groups = URI.exec(url)!.groups!;
  const authority = groups['authority'];
  if (authority !== undefined && authority !== '' && authority.toLowerCase() !== 'localhost') {
    throw configInvalid(
      `TURSO_DATABASE_URL has a host (${JSON.stringify(authority)}) in a file: URL; write file:/absolute/path.db, file:///absolute/path.db or file:relative/path.db`,
      { variable: 'TURSO_DATABASE_URL' },
    );
  }
  if (groups['rest'] !== undefined) {
    throw configInvalid(
      'TURSO_DATABASE_URL: query parameters and fragments are not supported in file: URLs',
      {
        variable: 'TURSO_DATABASE_URL',
      },
    );
  }
  let path: string;
  try {
    path = decodeURIComponent(groups['path']!);
  } catch {
    throw configInvalid('TURSO_DATABASE_URL holds an invalid percent-escape', {
      variable: 'TURSO_DATABASE_URL',
    });
  }
  if (path === '' || path.endsWith('/') || path.startsWith(':memory:')) {
    throw configInvalid(
      'TURSO_DATABASE_URL must name a database file (e.g. file:./data/memory.db); in-memory databases are not supported because @libsql/client empties them on transaction()',
      { variable: 'TURSO_DATABASE_URL' },
    );
  }
  return isAbsolute(path) ? path : resolve(path);
}

/** URLs may carry credentials (`?authToken=`, user:password@): never echo them. */
function redact(url: string): string {
  return url.replace(/\/\/[^/@]*@/, '//***@').replace(/([?&](?:authToken|token)=)[^&#]*/gi, '$1***');
}
