import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  SearchAudience,
  SearchHit,
  SearchKind,
  SearchPage,
  SearchQuery,
} from '@scrutineer/domain';
import { DataSource } from 'typeorm';
import { type Caller, canReadExempt, canReadUnpublished } from '../auth/caller.js';
import { pageOf, pageWindow } from '../common/pagination.js';
import {
  GenerationPageCache,
  generationToken,
  readCommitted,
} from '../database/data-generations.js';
import { Metrics } from '../metrics/metrics.service.js';
import { toDateString } from '../common/values.js';
import { assertSearchable, fts5Query } from './query-syntax.js';
import { MATCH_END, MATCH_START } from './search-index.js';

type HitRow = {
  meeting_id: string;
  committee_id: string;
  date: string | Date;
  kind: string;
  number: string | null;
  title: string;
  audience: string;
  file_document: string | null;
  snippet: string | null;
};

/**
 * The audiences of the index a caller searches, widest first (packages/domain SEARCH_AUDIENCES):
 * the public `public` only; officers also `pending` (late papers no supplement has published);
 * clerks, members and admins `exempt` too.
 */
const audiencesOf = (caller: Caller): SearchAudience[] => [
  'public',
  ...(canReadUnpublished(caller) ? (['pending'] as const) : []),
  ...(canReadExempt(caller) ? (['exempt'] as const) : []),
];

/** A snippet with its matches marked (U+E000 … U+E001) as plain-text runs. */
export const snippetSegments = (marked: string): SearchHit['snippet'] => {
  const segments: { text: string; match: boolean }[] = [];
  for (const [i, part] of marked.split(MATCH_START).entries()) {
    const [inside, outside] = i === 0 ? [undefined, part] : splitOnce(part, MATCH_END);
    if (inside !== undefined && inside !== '') segments.push({ text: inside, match: true });
    if (outside !== undefined && outside !== '') segments.push({ text: outside, match: false });
  }
  return segments
    .map((segment) => ({ ...segment, text: segment.text.slice(0, 2000) }))
    .slice(0, 200);
};

const splitOnce = (text: string, separator: string): [string, string] => {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
};

/**
 * `GET /api/v1/search`. SQLite: FTS5's `bm25` (title weighted 4× the body) and `snippet`.
 * PostgreSQL: `websearch_to_tsquery('english', …)`, `ts_rank_cd` over the stored vector and
 * `ts_headline` for the page's hits only. Both filter on the meeting (committee, dates, what
 * the caller may read: unpublished meetings only with a token) and on the audience: the public
 * searches the public entries; a caller who may read more searches, of each unit, the narrowest
 * entry open to them (`pending` in place of `public`, `exempt` in place of both).
 */
@Injectable()
export class SearchService {
  /**
   * Result pages kept per generation of the index (database/data-generations.ts, area `search`:
   * every reindex and every meeting write replaces it before COMMIT), by what the caller may
   * read and the query. Most searches of a public site are a few common words, which cost the
   * most to rank; a repeat is then one primary-key read of the token. A page read on SQLite
   * while a write's transaction is open is answered but not kept (`readCommitted`).
   */
  private readonly pages = new GenerationPageCache<SearchPage>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() private readonly metrics?: Metrics,
  ) {}

  async search(query: SearchQuery, caller: Caller): Promise<SearchPage> {
    const generation = await generationToken(this.dataSource, 'search');
    const { limit, offset } = pageWindow(query);
    const key = JSON.stringify([
      canReadUnpublished(caller),
      canReadExempt(caller),
      query.q,
      query.committee,
      query.from,
      query.to,
      query.kind,
      limit,
      offset,
    ]);
    const cached = this.pages.get(generation, key);
    this.metrics?.recordCacheLookup('search', cached !== undefined);
    if (cached !== undefined) return cached;
    // On SQLite a page ranked while a write is open may hold its uncommitted entries: not kept.
    const { value: page, isCommitted } = await readCommitted(this.dataSource, () =>
      this.rank(query, caller),
    );
    if (isCommitted) this.pages.set(generation, key, page);
    return page;
  }

  private async rank(query: SearchQuery, caller: Caller): Promise<SearchPage> {
    const postgres = this.dataSource.options.type === 'postgres';
    const { limit, offset } = pageWindow(query);
    const parameters: unknown[] = [];
    const bind = (value: unknown): string => {
      parameters.push(value);
      return postgres ? `$${parameters.length}` : '?';
    };
    const conditions: string[] = [];
    // PostgreSQL reads the box's text itself; FTS5 is given it as quoted terms (query-syntax.ts).
    const ftsMatch = postgres ? null : fts5Query(query.q);
    if (postgres) assertSearchable(query.q);
    conditions.push(
      ftsMatch === null
        ? `"e"."document" @@ websearch_to_tsquery('english', ${bind(query.q)})`
        : `"search_fts" MATCH ${bind(ftsMatch)}`,
    );
    if (!canReadUnpublished(caller))
      conditions.push(`("m"."agenda_published_at" IS NOT NULL OR "m"."status" = 'held')`);
    // Of each unit, the caller's narrowest entry: one of their audiences with no entry of the
    // same unit in a narrower one of theirs.
    const audiences = audiencesOf(caller);
    conditions.push(
      audiences.length === 1
        ? `"e"."audience" = 'public'`
        : `(${audiences
            .map((audience, index) => {
              const narrower = audiences.slice(index + 1).map((a) => `'${a}'`);
              return narrower.length === 0
                ? `"e"."audience" = '${audience}'`
                : `("e"."audience" = '${audience}' AND NOT EXISTS (SELECT 1 FROM "search_entries" "x" WHERE "x"."meeting_id" = "e"."meeting_id" AND "x"."unit_key" = "e"."unit_key" AND "x"."audience" IN (${narrower.join(', ')})))`;
            })
            .join(' OR ')})`,
    );
    if (query.committee !== undefined)
      conditions.push(`"m"."committee_id" = ${bind(query.committee)}`);
    if (query.from !== undefined) conditions.push(`"m"."date" >= ${bind(query.from)}`);
    if (query.to !== undefined) conditions.push(`"m"."date" <= ${bind(query.to)}`);
    if (query.kind !== undefined) conditions.push(`"e"."kind" = ${bind(query.kind)}`);
    const from = postgres
      ? `"search_entries" "e" INNER JOIN "meetings" "m" ON "m"."id" = "e"."meeting_id"`
      : `"search_fts" INNER JOIN "search_entries" "e" ON "e"."id" = "search_fts"."rowid" INNER JOIN "meetings" "m" ON "m"."id" = "e"."meeting_id"`;
    const where = conditions.join(' AND ');
    // The filters' values only: the page's LIMIT and OFFSET are bound after them.
    const filterParameters = [...parameters];
    const columns = `"e"."meeting_id", "m"."committee_id", "m"."date", "e"."kind", "e"."number", "e"."title", "e"."audience", "e"."file_document"`;
    const count = async (): Promise<number> => {
      const found: { total: number | string }[] = await this.dataSource.query(
        `SELECT COUNT(*) AS "total" FROM ${from} WHERE ${where}`,
        filterParameters,
      );
      return Number(found[0]?.total ?? 0);
    };
    let rows: HitRow[];
    let total: number;
    if (postgres) {
      // One pass over the matches (a common word matches most reports, each vector read once):
      // their ids, dates and ranks, with the total as a window over those rows, then the page's
      // titles, bodies and headlines only. The rank is computed below the window (OFFSET 0 keeps
      // the planner from moving it above), so the window holds three narrow columns: carrying
      // each match's vector and body through it had spilled it to a temporary file (6,799 matches
      // of `performance` on the bench council), the most of the query's time on a busy machine.
      const tsquery = `websearch_to_tsquery('english', $1)`;
      const options = `'StartSel=' || chr(57344) || ', StopSel=' || chr(57345) || ', MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "'`;
      const ranked = `SELECT "e"."id", "m"."date", ts_rank_cd("e"."document", ${tsquery}) AS "rank" FROM ${from} WHERE ${where} OFFSET 0`;
      const page: (HitRow & { total: string | number })[] = await this.dataSource.query(
        `SELECT ${columns}, "page"."rank", "e"."id", "page"."total", ts_headline('english', "e"."body", ${tsquery}, ${options}) AS "snippet" FROM (SELECT "r".*, COUNT(*) OVER () AS "total" FROM (${ranked}) AS "r" ORDER BY "r"."rank" DESC, "r"."date" DESC, "r"."id" LIMIT ${bind(limit)} OFFSET ${bind(offset)}) AS "page" INNER JOIN "search_entries" "e" ON "e"."id" = "page"."id" INNER JOIN "meetings" "m" ON "m"."id" = "e"."meeting_id" ORDER BY "page"."rank" DESC, "page"."date" DESC, "page"."id"`,
        parameters,
      );
      rows = page;
      // A page past the end has no row to carry the total.
      total = page.length > 0 ? Number(page[0]?.total) : offset === 0 ? 0 : await count();
    } else {
      total = await count();
      if (total === 0 || offset >= total) return pageOf([], total, query);
      // The page first, then the snippets of its hits only: in one statement SQLite draws a
      // snippet for every match before it sorts (45 ms against 3 ms for a common word).
      const page: (Omit<HitRow, 'snippet'> & { id: number })[] = await this.dataSource.query(
        `SELECT ${columns}, "e"."id" FROM ${from} WHERE ${where} ORDER BY bm25("search_fts", 4.0, 1.0), "m"."date" DESC, "e"."id" LIMIT ${bind(limit)} OFFSET ${bind(offset)}`,
        parameters,
      );
      const snippets: { id: number; snippet: string }[] =
        page.length === 0
          ? []
          : await this.dataSource.query(
              `SELECT "rowid" AS "id", snippet("search_fts", -1, char(57344), char(57345), ' … ', 24) AS "snippet" FROM "search_fts" WHERE "search_fts" MATCH ? AND "rowid" IN (${page.map(() => '?').join(', ')})`,
              [ftsMatch, ...page.map((row) => row.id)],
            );
      const byId = new Map(snippets.map((row) => [Number(row.id), row.snippet]));
      rows = page.map((row) => ({ ...row, snippet: byId.get(Number(row.id)) ?? null }));
    }
    return pageOf(rows.map(toHit), total, query);
  }
}

const toHit = (row: HitRow): SearchHit => ({
  meetingId: row.meeting_id,
  committeeId: row.committee_id as SearchHit['committeeId'],
  meetingDate: toDateString(row.date) as SearchHit['meetingDate'],
  kind: row.kind as SearchKind,
  number: row.number,
  title: row.title,
  snippet: snippetSegments(row.snippet ?? ''),
  ...(row.file_document === null
    ? {}
    : { document: JSON.parse(row.file_document) as SearchDocument }),
  exempt: row.audience === 'exempt',
});

type SearchDocument = NonNullable<SearchHit['document']>;
