// The MembershipPeriods migration on a database that already holds the sample council: down keeps
// every seat but the vacancies (the one list had none), up gives existing seats open periods
// ("from before the record, still current"), and neither touches any other table.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { openDataSource } from '../src/database/data-source.js';
import { migrations } from '../src/database/migrations/index.js';
import { MembershipPeriods1795432000000 } from '../src/database/migrations/1795432000000-MembershipPeriods.js';
import { prepareDatabase } from '../src/database/prepare.js';
import { describeEachDatabase, freshDatabase } from './support/test-app.js';

/** The migrations after MembershipPeriods: undone first, so the one under test is the last. */
const later = migrations
  .slice(migrations.indexOf(MembershipPeriods1795432000000) + 1)
  .map((m) => m.name);

describeEachDatabase('the MembershipPeriods migration', (kind) => {
  let dataSource: DataSource;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await freshDatabase(kind);
    drop = database.drop;
    dataSource = await openDataSource(database.config);
    await prepareDatabase(dataSource);
  }, 60_000);
  afterAll(async () => {
    await dataSource?.destroy();
    await drop?.();
  });

  const count = async (sql: string): Promise<number> =>
    Number(((await dataSource.query(sql)) as { n: number | string }[])[0]?.n);
  const others = async () => ({
    committees: await count('SELECT COUNT(*) AS n FROM "committees"'),
    meetings: await count('SELECT COUNT(*) AS n FROM "meetings"'),
    members: await count('SELECT COUNT(*) AS n FROM "members"'),
  });

  it('goes down and up again keeping every seat and every other row', async () => {
    const seats = await count('SELECT COUNT(*) AS n FROM "committee_memberships"');
    const vacancies = await count(
      'SELECT COUNT(*) AS n FROM "committee_memberships" WHERE "member_name" IS NULL',
    );
    expect(vacancies).toBe(1);
    const before = await others();
    const names = async () =>
      (
        (await dataSource.query(
          'SELECT "member_name" FROM "committee_memberships" WHERE "member_name" IS NOT NULL ORDER BY "id"',
        )) as { member_name: string }[]
      ).map((r) => r.member_name);
    const named = await names();
    expect(named).toHaveLength(seats - vacancies);

    for (let i = 0; i <= later.length; i += 1)
      await dataSource.undoLastMigration({ transaction: 'all' });
    const [row] = (await dataSource.query('SELECT * FROM "committee_memberships"')) as object[];
    expect(Object.keys(row ?? {})).not.toContain('from_date');
    expect(await count('SELECT COUNT(*) AS n FROM "committee_memberships"')).toBe(seats - 1);
    await expect(
      dataSource.query(
        `INSERT INTO "committee_memberships" ("id", "committee_id", "position", "member_name", "role") VALUES ('x', 'stockport-cfsc', 99, NULL, 'member')`,
      ),
    ).rejects.toThrow();
    expect(await others()).toEqual(before);
    expect(await names()).toEqual(named);

    const run = await dataSource.runMigrations({ transaction: 'all' });
    expect(run.map((m) => m.name)).toEqual(['MembershipPeriods1795432000000', ...later]);
    expect(await count('SELECT COUNT(*) AS n FROM "committee_memberships"')).toBe(seats - 1);
    expect(
      await count(
        'SELECT COUNT(*) AS n FROM "committee_memberships" WHERE "from_date" IS NULL AND "to_date" IS NULL AND "member_name" IS NOT NULL',
      ),
    ).toBe(seats - 1);
    expect(await names()).toEqual(named);
    await dataSource.query(
      `INSERT INTO "committee_memberships" ("id", "committee_id", "position", "member_name", "role", "from_date") VALUES ('x', 'stockport-cfsc', 99, NULL, 'member', '2023-05-01')`,
    );
    expect(await others()).toEqual(before);
  }, 60_000);
});
