/** The health check: `/api/health`. */
import { Closed, StringEnum, type Shape } from '../schema/kit.js';

export const DATABASE_DRIVERS = ['better-sqlite3', 'postgres'] as const;

export const Health = Closed(
  {
    status: StringEnum(['ok'] as const, { description: 'Always `ok` when the check answers 200.' }),
    database: StringEnum(DATABASE_DRIVERS, { description: 'The database driver in use.' }),
  },
  { title: 'Health', description: 'The API answers and its database does.' },
);
export type Health = Shape<typeof Health>;
