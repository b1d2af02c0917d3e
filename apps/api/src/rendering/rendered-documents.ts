import type { DataSource } from 'typeorm';

/** The `rendered_documents` table: PDF bytes by render key (raw SQL: one table, two databases). */
export class RenderedDocuments {
  constructor(private readonly dataSource: DataSource) {}

  private get postgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  async find(key: string): Promise<Buffer | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT "bytes" FROM "rendered_documents" WHERE "key" = ${this.postgres ? '$1' : '?'}`,
      [key],
    )) as { bytes: Buffer | Uint8Array }[];
    const bytes = rows[0]?.bytes;
    return bytes === undefined ? undefined : Buffer.from(bytes);
  }

  /** Stores a render; a key already there (another process drew the same job) is left as it is. */
  async save(key: string, kind: string, bytes: Buffer): Promise<void> {
    const p = (index: number): string => (this.postgres ? `$${index}` : '?');
    await this.dataSource.query(
      `INSERT INTO "rendered_documents" ("key", "kind", "bytes", "byte_length", "created_at") VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}) ON CONFLICT ("key") DO NOTHING`,
      [key, kind, bytes, bytes.byteLength, new Date().toISOString()],
    );
  }

  async count(): Promise<number> {
    const rows = (await this.dataSource.query(
      `SELECT COUNT(*) AS "count" FROM "rendered_documents"`,
    )) as { count: number | string }[];
    return Number(rows[0]?.count ?? 0);
  }
}
