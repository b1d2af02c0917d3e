import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What every document printed before the style had the setting (Stockport's form). */
export const DEFAULT_RESOLUTION_LEAD = 'RESOLVED –';

type StyleRow = { id: string; style: string | Record<string, unknown> | null };

/**
 * Rewrites every authority's style (JSON text in `authorities.style`), moving its version and
 * `updated_at` so a client's cached copy (ETag, `updatedSince`) is seen to be stale. The same
 * statements on SQLite and PostgreSQL but for the placeholders (`?` and `$1`). Plain SQL, not
 * the query builder, which would read today's entity and not the table as this migration finds it.
 */
const rewriteStyles = async (
  queryRunner: QueryRunner,
  change: (style: Record<string, unknown>) => Record<string, unknown>,
): Promise<void> => {
  const at = (position: number): string =>
    queryRunner.connection.driver.options.type === 'postgres' ? `$${position}` : '?';
  const rows: StyleRow[] = await queryRunner.query('SELECT "id", "style" FROM "authorities"');
  for (const row of rows) {
    const style = typeof row.style === 'string' ? JSON.parse(row.style) : (row.style ?? {});
    await queryRunner.query(
      `UPDATE "authorities" SET "style" = ${at(1)}, "version" = "version" + 1, "updated_at" = ${at(2)} WHERE "id" = ${at(3)}`,
      [JSON.stringify(change(style as Record<string, unknown>)), new Date().toISOString(), row.id],
    );
  }
};

/**
 * The authority style gains `resolutionLead`, how the council's minutes introduce a resolution
 * (`RESOLVED –`, `Resolved –`, `RESOLVED:`). Existing councils get `RESOLVED –`, what their
 * minutes printed until now; a clerk sets West Sussex's `Resolved –` through the API. The style
 * is one JSON column, so there is no column to add.
 */
export class ResolutionLead1795433100000 implements MigrationInterface {
  name = 'ResolutionLead1795433100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await rewriteStyles(queryRunner, (style) =>
      typeof style.resolutionLead === 'string'
        ? style
        : { ...style, resolutionLead: DEFAULT_RESOLUTION_LEAD },
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await rewriteStyles(queryRunner, ({ resolutionLead: _dropped, ...style }) => style);
  }
}
