import type { DatabaseConfig } from '../config/config.js';
import { DEFAULT_CONNECT_TIMEOUT_MS } from '../config/config.js';
import { DirectoryError } from './make-directories.js';

type DriverError = { code?: unknown; message?: unknown; driverError?: unknown };

const codeOf = (error: unknown): string | undefined => {
  for (const candidate of [error, (error as DriverError | null)?.driverError]) {
    const code = (candidate as DriverError | null)?.code;
    if (typeof code === 'string') return code;
  }
  return undefined;
};

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Codes and messages of a database that cannot be reached or opened (either driver, TypeORM-wrapped or bare). */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  '28000', // PostgreSQL: invalid authorization
  '28P01', // PostgreSQL: wrong password
  '3D000', // PostgreSQL: no such database
  '57P01', // PostgreSQL: the server is shutting down
  '57P03', // PostgreSQL: the server is starting up
  'SQLITE_CANTOPEN',
  'SQLITE_NOTADB',
  'SQLITE_CORRUPT',
  'SQLITE_READONLY',
  'SQLITE_BUSY',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_PERM',
]);
const CONNECTION_MESSAGES =
  /timeout expired|timeout exceeded when trying to connect|Connection terminated|connection timeout|Client has encountered a connection error/i;

/** Whether `error` says the database cannot be reached or opened, rather than that a query was wrong. */
export const isDatabaseUnavailable = (error: unknown): boolean => {
  if (error instanceof DirectoryError) return true;
  const code = codeOf(error);
  if (code !== undefined && (CONNECTION_CODES.has(code) || code.startsWith('SQLITE_IOERR')))
    return true;
  return CONNECTION_MESSAGES.test(messageOf(error));
};

/** The database, as an operator would name it: the SQLite file, or the PostgreSQL server without credentials. */
export const describeDatabase = (database: DatabaseConfig): string => {
  if (database.kind === 'sqlite') return `the SQLite database ${database.path}`;
  try {
    const url = new URL(database.url);
    const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
    return `PostgreSQL at ${url.hostname || 'localhost'}:${url.port || '5432'}${name ? ` (database ${JSON.stringify(name)})` : ''}`;
  } catch {
    return 'PostgreSQL';
  }
};

/**
 * Why the database cannot be used, in plain words, for an operator: never the driver's raw text
 * (`SqliteError: unable to open database file`, `connect ECONNREFUSED 127.0.0.1:5432`).
 */
export const describeDatabaseError = (database: DatabaseConfig, error: unknown): string => {
  const where = describeDatabase(database);
  if (error instanceof DirectoryError) {
    return `Cannot open ${where}: cannot create its folder ${error.directory} (${error.reason}).`;
  }
  const code = codeOf(error);
  const timeout =
    database.kind === 'postgres'
      ? (database.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS)
      : DEFAULT_CONNECT_TIMEOUT_MS;
  const reason = ((): string => {
    switch (code) {
      case 'ECONNREFUSED':
        return 'nothing is listening there (is PostgreSQL running, and is DATABASE_URL right?)';
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
        return 'the host name is not known';
      case 'EHOSTUNREACH':
      case 'ENETUNREACH':
        return 'the host cannot be reached from here';
      case 'ETIMEDOUT':
        return 'the server did not answer in time';
      case 'ECONNRESET':
      case 'EPIPE':
        return 'the server closed the connection';
      case '28000':
      case '28P01':
        return 'the server refused the user name or password in DATABASE_URL';
      case '3D000':
        return 'the server has no database of that name';
      case '57P01':
      case '57P03':
        return 'the server is starting up or shutting down; try again shortly';
      case 'SQLITE_CANTOPEN':
        return 'the file cannot be opened or created (check that the path is a file you may write)';
      case 'SQLITE_NOTADB':
        return 'the file is not a SQLite database';
      case 'SQLITE_CORRUPT':
        return 'the database file is damaged';
      case 'SQLITE_READONLY':
      case 'SQLITE_PERM':
        return 'the file is read-only';
      case 'SQLITE_BUSY':
        return 'another process holds a lock on it; try again when it has finished';
      case 'SQLITE_FULL':
        return 'the disk is full';
      default:
        if (code?.startsWith('SQLITE_IOERR')) return 'the file cannot be read or written';
        if (/timeout expired|timeout exceeded|connection timeout/i.test(messageOf(error)))
          return `no answer within ${timeout} ms (DATABASE_CONNECT_TIMEOUT_MS)`;
        if (/Connection terminated/i.test(messageOf(error)))
          return 'the server closed the connection';
        return `the database cannot be used (${messageOf(error)})`;
    }
  })();
  return `Cannot open ${where}: ${reason}.`;
};
