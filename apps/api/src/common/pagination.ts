import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ApiError } from './problem.js';

export const DEFAULT_LIMIT = 20;
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
      throw new ApiError('REQUEST.INVALID', `Cannot sort by ${JSON.stringify(field)}.`, [
        {
          path: '$.sort',
          message: `sort fields are ${Object.keys(allowed).join(', ')}; got ${field}`,
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
