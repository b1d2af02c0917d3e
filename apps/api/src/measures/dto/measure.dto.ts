import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { measureCode, portfolioCode } from '@scrutineer/domain';
import type { MeasureFrequency, MeasureUnit, Polarity } from '@scrutineer/domain';
import { FREQUENCIES, MEASURE_UNITS, POLARITIES } from '../../performance/vocabulary.js';
import { PageMetaDto, PageQueryDto } from '../../common/pagination.js';
import { TargetDto } from '../../agreements/dto/agreement.dto.js';
import { SatisfiesDomain } from '../../performance/domain-rule.js';
import { ResultResponseDto } from '../../results/dto/measure-result.dto.js';

export class CreateMeasureDto {
  @ApiProperty({
    description: 'As the council writes it: `CFSE.28`, `CFSE11`, `CFSE12(ii)`.',
    example: 'CFSE.28',
  })
  @SatisfiesDomain(measureCode)
  code: string;

  @ApiProperty({ description: 'The portfolio it belongs to.', example: 'CFSE' })
  @SatisfiesDomain(portfolioCode)
  portfolioCode: string;

  @ApiProperty({
    example: 'Percentage of young people in academic Years 12 and 13 (16-18) in Apprenticeships',
    maxLength: 500,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title: string;

  @ApiProperty({ enum: MEASURE_UNITS, example: 'percent' })
  @IsIn(MEASURE_UNITS)
  unit: MeasureUnit;

  @ApiProperty({
    description: 'Whether a higher or a lower figure is better.',
    enum: POLARITIES,
    example: 'higher-is-better',
  })
  @IsIn(POLARITIES)
  polarity: Polarity;

  @ApiProperty({ enum: FREQUENCIES, example: 'quarterly' })
  @IsIn(FREQUENCIES)
  frequency: MeasureFrequency;

  @ApiProperty({
    description: 'Where the figure comes from; null when not said.',
    example: 'DfE',
    nullable: true,
    type: String,
  })
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(500)
  source: string | null;

  @ApiProperty({
    description: "The priority (by number in the portfolio's agreement) it reports under.",
    example: 2,
    nullable: true,
    type: Number,
  })
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(99)
  priorityNumber: number | null;

  @ApiProperty({ description: 'Decimal places to print.', example: 1, minimum: 0, maximum: 6 })
  @IsInt()
  @Min(0)
  @Max(6)
  decimals: number;
}

export class UpdateMeasureDto extends PartialType(
  OmitType(CreateMeasureDto, ['code', 'portfolioCode'] as const),
) {}

export class MeasureQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only measures of this portfolio.', example: 'CFSE' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  portfolio?: string;

  @ApiPropertyOptional({
    description: 'Only measures reporting under this priority number.',
    example: 2,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  priority?: number;
}

export class MeasureResponseDto {
  @ApiProperty({ example: 'CFSE.28' })
  code: string;

  @ApiProperty({ example: 'CFSE' })
  portfolioCode: string;

  @ApiProperty({
    example: 'Percentage of young people in academic Years 12 and 13 (16-18) in Apprenticeships',
  })
  title: string;

  @ApiProperty({ enum: MEASURE_UNITS, example: 'percent' })
  unit: string;

  @ApiProperty({ enum: POLARITIES, example: 'higher-is-better' })
  polarity: string;

  @ApiProperty({ enum: FREQUENCIES, example: 'quarterly' })
  frequency: string;

  @ApiProperty({ example: 'DfE', nullable: true, type: String })
  source: string | null;

  @ApiProperty({ example: 2, nullable: true, type: Number })
  priorityNumber: number | null;

  @ApiProperty({ example: 1 })
  decimals: number;

  @ApiProperty({ description: 'Send it back in If-Match to change the measure.', example: 1 })
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

export class MeasurePageDto extends PageMetaDto {
  @ApiProperty({ type: [MeasureResponseDto] })
  items: MeasureResponseDto[];
}

export class MeasureYearDto {
  @ApiProperty({ description: 'Financial year.', example: '2021/22' })
  year: string;

  @ApiProperty({
    description: 'The status of that year’s agreement; null when there is none.',
    example: 'approved',
    nullable: true,
    type: String,
  })
  agreementStatus: string | null;

  @ApiProperty({
    description: 'The target that year’s agreement set; null when it set none.',
    type: TargetDto,
    nullable: true,
  })
  target: TargetDto | null;

  @ApiProperty({
    description: 'The year’s results, in period order, each with its RAG and trend.',
    type: [ResultResponseDto],
  })
  results: ResultResponseDto[];
}

export class MeasureHistoryDto {
  @ApiProperty({ type: MeasureResponseDto })
  measure: MeasureResponseDto;

  @ApiProperty({
    description: 'Every year with a target or a result, oldest first.',
    type: [MeasureYearDto],
  })
  years: MeasureYearDto[];
}
