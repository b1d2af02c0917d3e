import { describe, expect, it } from '@jest/globals';
import { describeDatabaseError, isDatabaseUnavailable } from './database-errors.js';
import { DirectoryError } from './make-directories.js';

const postgres = {
  kind: 'postgres',
  url: 'postgres://scrutineer:hunter2@db.example:6543/council',
  connectTimeoutMs: 2500,
} as const;
const sqlite = { kind: 'sqlite', path: '/var/lib/scrutineer/db.sqlite' } as const;
const driverError = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('database errors', () => {
  it('tells a database that cannot be reached from a query that went wrong', () => {
    for (const error of [
      driverError('ECONNREFUSED'),
      driverError('28P01'),
      driverError('SQLITE_CANTOPEN'),
      driverError('SQLITE_IOERR_SHORT_READ'),
      new Error('timeout exceeded when trying to connect'),
      { driverError: driverError('ECONNRESET') },
      new DirectoryError('/proc/nope', 'no', 'ENOENT'),
    ])
      expect(isDatabaseUnavailable(error)).toBe(true);
    for (const error of [
      driverError('23505'),
      driverError('SQLITE_CONSTRAINT_UNIQUE'),
      driverError('42601', 'syntax error at or near "SELEC"'),
      new Error('layout failed'),
    ])
      expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('names the server without its credentials, and says why in plain words', () => {
    const refused = describeDatabaseError(
      postgres,
      driverError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.1:6543'),
    );
    expect(refused).toBe(
      'Cannot open PostgreSQL at db.example:6543 (database "council"): nothing is listening there (is PostgreSQL running, and is DATABASE_URL right?).',
    );
    expect(describeDatabaseError(postgres, new Error('timeout expired'))).toContain(
      'no answer within 2500 ms',
    );
    expect(
      describeDatabaseError(sqlite, driverError('SQLITE_NOTADB', 'file is not a database')),
    ).toBe(
      'Cannot open the SQLite database /var/lib/scrutineer/db.sqlite: the file is not a SQLite database.',
    );
    for (const code of [
      'ECONNREFUSED',
      'ENOTFOUND',
      '28P01',
      '3D000',
      'SQLITE_BUSY',
      'SQLITE_READONLY',
    ])
      expect(describeDatabaseError(postgres, driverError(code))).not.toMatch(
        /hunter2|ECONN|ENOTFOUND|28P01|3D000|SQLITE_/,
      );
  });
});
