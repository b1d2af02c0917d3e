import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import type { WhereExpressionBuilder } from 'typeorm';
import { ApiError } from './problem.js';

export const DEFAULT_LIMIT = 20;

/** A date-time with its offset (`2026-11-23T10:15:00Z`, `…+01:00`, seconds and fractions optional). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** The instant of an RFC 3339 date-time, or null when it is not one (or not a real date). */
export const parseInstant = (value: unknown): Date | null => {
  if (typeof value !== 'string' || !DATE_TIME.test(value)) return null;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return null;
  // `2026-02-30` parses (to 2 March): the calendar date must read back the same.
  const [, month, day] = /^\d{4}-(\d{2})-(\d{2})/.exec(value) ?? [];
  const offsetMinutes = (() => {
    const zone = /(Z|[+-]\d{2}:\d{2})$/i.exec(value)?.[1] ?? 'Z';
    if (zone.toUpperCase() === 'Z') return 0;
    const sign = zone.startsWith('-') ? -1 : 1;
    return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  })();
  const local = new Date(instant.getTime() + offsetMinutes * 60_000);
  return local.getUTCMonth() + 1 === Number(month) && local.getUTCDate() === Number(day)
    ? instant
    : null;
};

/** One message for a bad `updatedSince`, naming it. */
const IsDateTime = () =>
  ValidateBy({
    name: 'isDateTime',
    validator: {
      validate: (value: unknown) => parseInstant(value) !== null,
      defaultMessage: () =>
        'updatedSince must be an ISO 8601 date-time with its offset, e.g. 2026-11-23T10:15:00Z',
    },
  });
export const MAX_LIMIT = 100;

/** `limit`, `offset` and `sort` of every list. Extend it with the list's filters. */
export class PageQueryDto {
  @ApiPropertyOptional({
    description: 'Items per page.',
    minimum: 1,
    maximum: MAX_LIMIT,
    default: DEFAULT_LIMIT,
    example: 20,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'Items to skip.', minimum: 0, default: 0, example: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;

  @ApiPropertyOptional({
    description:
      'Comma-separated fields to sort by; prefix a field with `-` for descending. Each list names its fields.',
    example: '-date',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/^-?[a-zA-Z]+(,-?[a-zA-Z]+)*$/, {
    message: 'sort must be fields separated by commas, each optionally prefixed with -',
  })
  sort?: string;

  @ApiPropertyOptional({
    description:
      'Only what changed at or after this instant (`updatedAt >= updatedSince`): an ISO 8601 date-time with its offset. Sync by sending the newest `updatedAt` you hold.',
    format: 'date-time',
    example: '2026-11-23T10:15:00Z',
  })
  @IsOptional()
  @IsDateTime()
  updatedSince?: string;
}

export type Page<T> = {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
};

export const pageWindow = (query: PageQueryDto): { limit: number; offset: number } => ({
  limit: query.limit ?? DEFAULT_LIMIT,
  offset: query.offset ?? 0,
});

export const pageOf = <T>(items: readonly T[], total: number, query: PageQueryDto): Page<T> => ({
  items,
  total,
  ...pageWindow(query),
});

/** `updatedSince` as stored instants are written (UTC, milliseconds), so it compares as text. */
export const updatedSinceOf = (query: PageQueryDto): string | undefined =>
  query.updatedSince === undefined
    ? undefined
    : (parseInstant(query.updatedSince)?.toISOString() ?? undefined);

/** Adds the `updatedSince` filter on `alias.updatedAt` (or another instant column) to a list query. */
export const filterUpdatedSince = (
  builder: WhereExpressionBuilder,
  query: PageQueryDto,
  column: string,
): void => {
  const since = updatedSinceOf(query);
  if (since !== undefined) builder.andWhere(`${column} >= :updatedSince`, { updatedSince: since });
};

/** Whether a row changed at or after the list's `updatedSince` (always, without one). */
export const changedSince = (updatedAt: string, query: PageQueryDto): boolean => {
  const since = updatedSinceOf(query);
  return since === undefined || updatedAt >= since;
};

/**
 * A page of a nested list held whole in memory (a meeting's agenda, a committee's seats, a
 * minute's motions), in its own fixed order: the same envelope as every other list.
 */
export const pageOfList = <T>(all: readonly T[], query: PageQueryDto): Page<T> => {
  parseSort(query.sort, {}, []);
  const { limit, offset } = pageWindow(query);
  return pageOf(all.slice(offset, offset + limit), all.length, query);
};

export type SortOrder = { readonly column: string; readonly direction: 'ASC' | 'DESC' };

/**
 * Parses `sort` against the fields a list allows (`{ date: 'meeting.date' }`) and adds the
 * fallback after them, so pages are stable. An unknown field is a 400 naming the allowed ones.
 */
export const parseSort = (
  sort: string | undefined,
  allowed: Readonly<Record<string, string>>,
  fallback: readonly SortOrder[],
): SortOrder[] => {
  const requested = (sort ?? '').split(',').filter((part) => part !== '');
  const orders = requested.map((part): SortOrder => {
    const field = part.replace(/^-/, '');
    const column = allowed[field];
    if (column === undefined) {
      const fields = Object.keys(allowed);
      throw new ApiError('REQUEST.INVALID', `Cannot sort by ${JSON.stringify(field)}.`, [
        {
          path: '$.sort',
          message:
            fields.length === 0
              ? `this list has a fixed order and takes no sort; got ${field}`
              : `sort fields are ${fields.join(', ')}; got ${field}`,
        },
      ]);
    }
    return { column, direction: part.startsWith('-') ? 'DESC' : 'ASC' };
  });
  const used = new Set(orders.map((o) => o.column));
  return [...orders, ...fallback.filter((o) => !used.has(o.column))];
};

/** Describes a page in OpenAPI; subclass it with the item type (`items` is typed there). */
export class PageMetaDto {
  @ApiProperty({ description: 'Items matching the filters, across all pages.', example: 42 })
  total: number;

  @ApiProperty({ description: 'The page size used.', example: 20 })
  limit: number;

  @ApiProperty({ description: 'Items skipped.', example: 0 })
  offset: number;
}
