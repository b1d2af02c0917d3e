import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { financialYear, measureCode, parsePeriodCode } from '@scrutineer/domain';
import type { ComparatorKind, RagStatus, ResultStatus, TrendDirection } from '@scrutineer/domain';
import { PageMetaDto, PageQueryDto } from '../../common/pagination.js';
import { SatisfiesDomain } from '../../performance/domain-rule.js';

export const RESULT_STATUSES: readonly ResultStatus[] = ['actual', 'forecast', 'provisional'];
export const RAG_STATUSES: readonly RagStatus[] = ['green', 'amber', 'red', 'no-target', 'no-data'];
export const TREND_DIRECTIONS: readonly TrendDirection[] = [
  'improving',
  'no-change',
  'worsening',
  'not-comparable',
];
const COMPARATOR_KINDS: readonly ComparatorKind[] = [
  'regional-average',
  'england-average',
  'statistical-neighbours',
  'other',
];
const PERIOD_HELP =
  'Period code: `2021/22-Q3` (quarter), `2021/22-H1` (mid-year), `2021/22` (annual), `AY2020/21` (academic year), `2021/22-M07` (month 7 of the financial year, October).';

export class ComparatorDto {
  @ApiProperty({ enum: COMPARATOR_KINDS, example: 'england-average' })
  @IsIn(COMPARATOR_KINDS)
  kind: ComparatorKind;

  @ApiProperty({ description: 'As printed.', example: 'England average 2020/21', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  label: string;

  @ApiProperty({ example: 23 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value: number;
}

/** What an officer writes about a period's figure; the measure and period are fixed once created. */
export class ResultContentDto {
  @ApiProperty({
    description: 'The figure, in the measure’s unit; null when there is none yet.',
    example: 61.2,
    nullable: true,
    type: Number,
  })
  @ValidateIf((_, value) => value !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value: number | null;

  @ApiPropertyOptional({
    description: 'Why there is no figure (required when `value` is null).',
    example: 'Data not yet available',
    nullable: true,
    type: String,
  })
  @ValidateIf((dto: ResultContentDto) => dto.value === null)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  valueUnknownReason?: string | null;

  @ApiProperty({ enum: RESULT_STATUSES, example: 'actual' })
  @IsIn(RESULT_STATUSES)
  status: ResultStatus;

  @ApiProperty({ type: [ComparatorDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ComparatorDto)
  comparators: ComparatorDto[];

  @ApiProperty({
    example: 'Performance improved after the new triage service started.',
    nullable: true,
    type: String,
  })
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(5000)
  commentary: string | null;
}

export class CreateResultDto extends ResultContentDto {
  @ApiProperty({ example: 'CFSE.65' })
  @SatisfiesDomain(measureCode)
  measureCode: string;

  @ApiProperty({ description: PERIOD_HELP, example: '2021/22-Q3' })
  @SatisfiesDomain(parsePeriodCode)
  period: string;
}

export class ResultQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Only results of this portfolio’s measures.',
    example: 'CFSE',
  })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  portfolio?: string;

  @ApiPropertyOptional({
    description:
      'Only results in this year: a financial year, or for academic-year measures the academic year of the same name.',
    example: '2021/22',
  })
  @IsOptional()
  @SatisfiesDomain(financialYear)
  year?: string;

  @ApiPropertyOptional({
    description: `Only results for this period. ${PERIOD_HELP}`,
    example: '2021/22-Q3',
  })
  @IsOptional()
  @SatisfiesDomain(parsePeriodCode)
  period?: string;

  @ApiPropertyOptional({
    description: 'Only results with this RAG status.',
    enum: RAG_STATUSES,
    example: 'red',
  })
  @IsOptional()
  @IsIn(RAG_STATUSES)
  rag?: RagStatus;

  @ApiPropertyOptional({ description: 'Only results of this measure.', example: 'CFSE.65' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  measure?: string;

  @ApiPropertyOptional({ enum: RESULT_STATUSES, example: 'actual' })
  @IsOptional()
  @IsIn(RESULT_STATUSES)
  status?: ResultStatus;
}

export class PeriodResponseDto {
  @ApiProperty({ example: '2021/22-Q3' })
  code: string;

  @ApiProperty({ example: 'Q3 2021/22' })
  label: string;

  @ApiProperty({ example: 'quarter' })
  kind: string;

  @ApiProperty({
    description: 'The financial (or, for `AY` periods, academic) year.',
    example: '2021/22',
  })
  year: string;

  @ApiProperty({ example: '2021-10-01' })
  start: string;

  @ApiProperty({ example: '2021-12-31' })
  end: string;
}

export class RagResponseDto {
  @ApiProperty({ enum: RAG_STATUSES, example: 'red' })
  status: string;

  @ApiProperty({
    description: 'The rule, in words a report can print.',
    example:
      'Red: 61.2% is 7.6 points below the target of 78.8%, outside the tolerance of 2 points.',
  })
  explanation: string;
}

export class TrendResponseDto {
  @ApiProperty({ enum: TREND_DIRECTIONS, example: 'improving' })
  direction: string;

  @ApiProperty({
    description: 'The direction of the figure (↑ ↓ →), or – when not comparable.',
    example: '↓',
  })
  arrow: string;

  @ApiProperty({ example: 'Improving: down from 25.1% in Q2 2021/22 (lower is better).' })
  explanation: string;

  @ApiProperty({
    description: 'The period compared against.',
    example: '2021/22-Q2',
    nullable: true,
    type: String,
  })
  previousPeriod: string | null;
}

export class ResultResponseDto {
  @ApiProperty({ example: 42 })
  id: number;

  @ApiProperty({ example: 'CFSE.65' })
  measureCode: string;

  @ApiProperty({ example: 'CFSE' })
  portfolioCode: string;

  @ApiProperty({ type: PeriodResponseDto })
  period: PeriodResponseDto;

  @ApiProperty({ example: 61.2, nullable: true, type: Number })
  value: number | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  valueUnknownReason: string | null;

  @ApiProperty({ enum: RESULT_STATUSES, example: 'actual' })
  status: string;

  @ApiProperty({ type: [ComparatorDto] })
  comparators: ComparatorDto[];

  @ApiProperty({ nullable: true, type: String, example: 'Performance improved.' })
  commentary: string | null;

  @ApiProperty({
    type: RagResponseDto,
    description: 'Computed by the domain from the year’s target and tolerance.',
  })
  rag: RagResponseDto;

  @ApiProperty({
    type: TrendResponseDto,
    description: 'Computed by the domain against the previous comparable period.',
  })
  trend: TrendResponseDto;

  @ApiProperty({ description: 'Send it back in If-Match to change the result.', example: 1 })
  version: number;

  @ApiProperty({
    description: 'When it was created (ISO 8601, UTC).',
    format: 'date-time',
    example: '2026-11-23T10:15:00.000Z',
    readOnly: true,
  })
  createdAt: string;

  @ApiProperty({
    description: 'When it last changed (ISO 8601, UTC); lists filter on it with `updatedSince`.',
    format: 'date-time',
    example: '2026-11-23T10:15:00.000Z',
    readOnly: true,
  })
  updatedAt: string;
}

export class ResultPageDto extends PageMetaDto {
  @ApiProperty({ type: [ResultResponseDto] })
  items: ResultResponseDto[];
}
