import type { RenderJob } from '@scrutineer/reporter/jobs';
import type { DataSource } from 'typeorm';
import { editionOf } from './render-key.js';

/** What a rendered document is of: its kind, meeting or report, and edition (`none` for one-edition kinds). */
export type RenderSubject = {
  readonly kind: string;
  readonly subjectId: string;
  readonly edition: string;
};

export const subjectOf = (job: RenderJob): RenderSubject => ({
  kind: job.kind,
  subjectId: job.kind === 'performance-report' ? job.reportId : job.meetingId,
  edition: editionOf(job),
});

/** What a pruning removed. */
export type Pruned = { readonly superseded: number; readonly expired: number };

const DAY_MS = 86_400_000;

/**
 * The `rendered_documents` table: PDF bytes by render key (raw SQL: one table, two databases).
 * A document's slice is the same for every caller of one edition, so a document (kind, meeting
 * or report, edition) has one current key: storing a new one deletes the rows it supersedes.
 * Rows older than the age bound go too, current or not (the next request draws it again).
 */
export class RenderedDocuments {
  constructor(
    private readonly dataSource: DataSource,
    /** Rows older than this many days are deleted when a render is stored; 0: no age bound. */
    private readonly maxAgeDays: number = 0,
  ) {}

  private get postgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  private p(index: number): string {
    return this.postgres ? `$${index}` : '?';
  }

  async find(key: string): Promise<Buffer | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT "bytes" FROM "rendered_documents" WHERE "key" = ${this.p(1)}`,
      [key],
    )) as { bytes: Buffer | Uint8Array }[];
    const bytes = rows[0]?.bytes;
    return bytes === undefined ? undefined : Buffer.from(bytes);
  }

  /**
   * Stores a render (a key already there, another process drew the same job, is left as it
   * is), then prunes: the same document's rows under other keys, and rows past the age bound.
   */
  async save(key: string, job: RenderJob, bytes: Buffer, now: Date = new Date()): Promise<Pruned> {
    const p = this.p.bind(this);
    const subject = subjectOf(job);
    await this.dataSource.query(
      `INSERT INTO "rendered_documents" ("key", "kind", "bytes", "byte_length", "created_at", "subject_id", "edition") VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}) ON CONFLICT ("key") DO NOTHING`,
      [
        key,
        job.kind,
        bytes,
        bytes.byteLength,
        now.toISOString(),
        subject.subjectId,
        subject.edition,
      ],
    );
    return this.prune(key, subject, now);
  }

  /** Deletes `subject`'s rows other than `currentKey`, and every row past the age bound. */
  async prune(currentKey: string, subject: RenderSubject, now: Date = new Date()): Promise<Pruned> {
    const p = this.p.bind(this);
    const superseded = await this.deleted(
      `DELETE FROM "rendered_documents" WHERE "kind" = ${p(1)} AND "subject_id" = ${p(2)} AND "edition" = ${p(3)} AND "key" <> ${p(4)}`,
      [subject.kind, subject.subjectId, subject.edition, currentKey],
    );
    const expired =
      this.maxAgeDays > 0
        ? await this.deleted(`DELETE FROM "rendered_documents" WHERE "created_at" < ${p(1)}`, [
            new Date(now.getTime() - this.maxAgeDays * DAY_MS).toISOString(),
          ])
        : 0;
    return { superseded, expired };
  }

  /** Runs a DELETE and gives the rows it removed (TypeORM answers [rows, count] on PostgreSQL, a run result on SQLite). */
  private async deleted(sql: string, parameters: unknown[]): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const result = await runner.query(sql, parameters, true);
      return Number(result.affected ?? 0);
    } finally {
      await runner.release();
    }
  }

  async count(): Promise<number> {
    const rows = (await this.dataSource.query(
      `SELECT COUNT(*) AS "count" FROM "rendered_documents"`,
    )) as { count: number | string }[];
    return Number(rows[0]?.count ?? 0);
  }

  async keys(): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT "key" FROM "rendered_documents" ORDER BY "created_at", "key"`,
    )) as { key: string }[];
    return rows.map((row) => row.key);
  }
}
