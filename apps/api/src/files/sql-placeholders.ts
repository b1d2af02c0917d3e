import type { EntityManager } from 'typeorm';

/**
 * `count` bound-parameter placeholders for the manager's database, numbered from `from`:
 * `$1, $2` on PostgreSQL, `?, ?` on SQLite. For the files module's raw SQL (one table, two
 * databases).
 */
export const placeholders = (manager: EntityManager, count: number, from = 1): string =>
  Array.from({ length: count }, (_, i) =>
    manager.connection.options.type === 'postgres' ? `$${from + i}` : '?',
  ).join(', ');
