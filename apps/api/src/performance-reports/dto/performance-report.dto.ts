import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  financialYear,
  localDate,
  measureCode,
  parsePeriodCode,
  pence,
  portfolioCode,
} from '@scrutineer/domain';
import type { ListStyle, PprrKind } from '@scrutineer/domain';
import { PageMetaDto, PageQueryDto } from '../../common/pagination.js';
import { SatisfiesDomain } from '../../performance/domain-rule.js';
import { OfficerContactBodyDto } from '../../performance/dto/person.dto.js';

export const PPRR_KINDS: readonly PprrKind[] = [
  'first-update',
  'mid-year',
  'third-quarter-update',
  'annual',
];
const LIST_STYLES: readonly ListStyle[] = ['lettered', 'roman', 'numbered', 'bulleted'];
const MONEY = 'Integer pence.';
const PARAGRAPH = 10_000;

export class ReportSectionDto {
  @ApiProperty({ example: 'Introduction and Background', maxLength: 300 })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  heading: string;

  @ApiProperty({
    description: 'Paragraphs 1.1, 1.2 … in order.',
    type: [String],
    example: ['This report sets out progress.'],
  })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(PARAGRAPH, { each: true })
  paragraphs: string[];
}

export class RecommendationsDto {
  @ApiProperty({ example: 'The Scrutiny Committee is asked to:', maxLength: 1000 })
  @IsString()
  @MaxLength(1000)
  lead: string;

  @ApiProperty({ enum: LIST_STYLES, example: 'lettered' })
  @IsIn(LIST_STYLES)
  style: ListStyle;

  @ApiProperty({ type: [String], example: ['note the report', 'comment on performance'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(PARAGRAPH, { each: true })
  items: string[];
}

export class PriorityUpdateDto {
  @ApiProperty({ example: 2 })
  @IsInt()
  @Min(1)
  @Max(99)
  priorityNumber: number;

  @ApiProperty({ example: 'Children and young people are safe', maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title: string;

  @ApiProperty({ type: [String], example: ['Re-referrals fell for the third quarter running.'] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(PARAGRAPH, { each: true })
  highlights: string[];

  @ApiProperty({ type: [String], example: ['Apprenticeships remain below target.'] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(PARAGRAPH, { each: true })
  exceptions: string[];

  @ApiProperty({
    description: 'The measures reported under this priority this period.',
    type: [String],
    example: ['CFSE.28'],
  })
  @IsArray()
  @ArrayMaxSize(200)
  @SatisfiesDomain(measureCode, { each: true })
  measureCodes: string[];
}

/** One Part Two line: a budget (or balance, or savings target) and its forecast. */
class MoneyForecastDto {
  @ApiProperty({
    description: `Forecast (or out-turn); null when there is none. ${MONEY}`,
    example: 5_120_000_00,
    nullable: true,
    type: Number,
  })
  @ValidateIf((_, value) => value !== null)
  @SatisfiesDomain(pence)
  forecast: number | null;

  @ApiPropertyOptional({
    description: 'Why there is no forecast (required when `forecast` is null).',
    example: 'Not yet forecast',
    nullable: true,
    type: String,
  })
  @ValidateIf((dto: MoneyForecastDto) => dto.forecast === null)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  forecastUnknownReason?: string | null;
}

export class RevenueMonitoringLineDto extends MoneyForecastDto {
  @ApiProperty({ example: "Children's Social Care", maxLength: 300 })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  service: string;

  @ApiProperty({ description: MONEY, example: 5_000_000_00 })
  @SatisfiesDomain(pence)
  budget: number;
}

export class ReserveMonitoringLineDto {
  @ApiProperty({ example: 'SEND reserve', maxLength: 300 })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name: string;

  @ApiProperty({ description: MONEY, example: 79_400_000 })
  @SatisfiesDomain(pence)
  balance: number;

  @ApiProperty({
    description: `Forecast use in the year; null when not forecast. ${MONEY}`,
    example: 12_000_000,
    nullable: true,
    type: Number,
  })
  @ValidateIf((_, value) => value !== null)
  @SatisfiesDomain(pence)
  forecastUse: number | null;

  @ApiPropertyOptional({ example: 'Not yet forecast', nullable: true, type: String })
  @ValidateIf((dto: ReserveMonitoringLineDto) => dto.forecastUse === null)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  forecastUnknownReason?: string | null;
}

export class SavingsMonitoringLineDto extends MoneyForecastDto {
  @ApiProperty({ example: 'Review of placements', maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title: string;

  @ApiProperty({ description: MONEY, example: 20_000_000 })
  @SatisfiesDomain(pence)
  target: number;

  @ApiProperty({ nullable: true, type: String, example: 'On track' })
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(PARAGRAPH)
  commentary: string | null;
}

export class CapitalMonitoringLineDto extends MoneyForecastDto {
  @ApiProperty({ example: 'School places expansion', maxLength: 300 })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  scheme: string;

  @ApiProperty({ description: MONEY, example: 100_000_000 })
  @SatisfiesDomain(pence)
  budget: number;

  @ApiProperty({ nullable: true, type: String, example: 'Slipped to next year' })
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(PARAGRAPH)
  commentary: string | null;
}

export class FinancialMonitoringDto {
  @ApiProperty({ type: [RevenueMonitoringLineDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => RevenueMonitoringLineDto)
  revenue: RevenueMonitoringLineDto[];

  @ApiProperty({ type: [ReserveMonitoringLineDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ReserveMonitoringLineDto)
  reserves: ReserveMonitoringLineDto[];

  @ApiProperty({ type: [SavingsMonitoringLineDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SavingsMonitoringLineDto)
  savings: SavingsMonitoringLineDto[];

  @ApiProperty({ type: [CapitalMonitoringLineDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CapitalMonitoringLineDto)
  capital: CapitalMonitoringLineDto[];

  @ApiProperty({ type: [String], example: ['The forecast is within the cash limit.'] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(PARAGRAPH, { each: true })
  commentary: string[];
}

export class ReportContentDto {
  @ApiProperty({
    description: 'Header block: REPORT TO.',
    example: 'Children & Families Scrutiny Committee',
    maxLength: 300,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  reportTo: string;

  @ApiProperty({ description: 'Header block: DATE.', example: '2021-11-15' })
  @SatisfiesDomain(localDate)
  date: string;

  @ApiProperty({
    description: 'Header block: REPORT OF (two or more for a joint report).',
    type: [String],
    example: ["Director of Children's Services"],
  })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  reportOf: string[];

  @ApiProperty({
    example: 'Mid-Year Portfolio Performance and Resource Report 2021/22',
    maxLength: 500,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title: string;

  @ApiProperty({ type: [ReportSectionDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ReportSectionDto)
  sections: ReportSectionDto[];

  @ApiProperty({ type: RecommendationsDto })
  @ValidateNested()
  @Type(() => RecommendationsDto)
  recommendations: RecommendationsDto;

  @ApiProperty({ description: 'Part One: per priority.', type: [PriorityUpdateDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PriorityUpdateDto)
  partOne: PriorityUpdateDto[];

  @ApiProperty({
    description: 'Part Two: financial resources and monitoring.',
    type: FinancialMonitoringDto,
  })
  @ValidateNested()
  @Type(() => FinancialMonitoringDto)
  partTwo: FinancialMonitoringDto;

  @ApiProperty({ type: [String], example: [] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(PARAGRAPH, { each: true })
  furtherInformation: string[];

  @ApiProperty({ type: [OfficerContactBodyDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => OfficerContactBodyDto)
  contacts: OfficerContactBodyDto[];
}

export class CreateReportDto extends ReportContentDto {
  @ApiProperty({ example: 'CFSE' })
  @SatisfiesDomain(portfolioCode)
  portfolioCode: string;

  @ApiProperty({ description: 'Financial year.', example: '2021/22' })
  @SatisfiesDomain(financialYear)
  year: string;

  @ApiProperty({ enum: PPRR_KINDS, example: 'mid-year' })
  @IsIn(PPRR_KINDS)
  kind: PprrKind;

  @ApiProperty({
    description: 'The period it reports on, e.g. `2021/22-Q2`.',
    example: '2021/22-Q2',
  })
  @SatisfiesDomain(parsePeriodCode)
  period: string;
}

export class ReplaceReportDto extends OmitType(CreateReportDto, [
  'portfolioCode',
  'year',
  'kind',
] as const) {}

export class ReportQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'CFSE' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  portfolio?: string;

  @ApiPropertyOptional({ example: '2021/22' })
  @IsOptional()
  @SatisfiesDomain(financialYear)
  year?: string;

  @ApiPropertyOptional({ enum: PPRR_KINDS, example: 'mid-year' })
  @IsOptional()
  @IsIn(PPRR_KINDS)
  kind?: PprrKind;
}

export class ReportSummaryDto {
  @ApiProperty({ example: 'cfse-2021-22-mid-year' })
  id: string;

  @ApiProperty({ example: 'CFSE' })
  portfolioCode: string;

  @ApiProperty({ example: '2021/22' })
  year: string;

  @ApiProperty({ enum: PPRR_KINDS, example: 'mid-year' })
  kind: string;

  @ApiProperty({ example: '2021/22-Q2' })
  period: string;

  @ApiProperty({ example: 'Q2 2021/22' })
  periodLabel: string;

  @ApiProperty({ example: '2021-11-15' })
  date: string;

  @ApiProperty({ example: 'Mid-Year Portfolio Performance and Resource Report 2021/22' })
  title: string;

  @ApiProperty({ example: 1 })
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

export class MoneyLineResponseDto {
  @ApiProperty({
    description: 'The service, reserve, savings line or capital scheme.',
    example: "Children's Social Care",
  })
  label: string;

  @ApiProperty({
    description: `Budget, balance or savings target. ${MONEY}`,
    example: 5_000_000_00,
  })
  amount: number;

  @ApiProperty({ description: MONEY, nullable: true, type: Number, example: 5_120_000_00 })
  forecast: number | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  forecastUnknownReason: string | null;

  @ApiProperty({
    description: `Forecast minus amount; null without a forecast. ${MONEY}`,
    nullable: true,
    type: Number,
    example: 12_000_00,
  })
  variance: number | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  commentary: string | null;
}

export class PartTwoResponseDto {
  @ApiProperty({ type: [MoneyLineResponseDto] })
  revenue: MoneyLineResponseDto[];

  @ApiProperty({ type: [MoneyLineResponseDto] })
  reserves: MoneyLineResponseDto[];

  @ApiProperty({ type: [MoneyLineResponseDto] })
  savings: MoneyLineResponseDto[];

  @ApiProperty({ type: [MoneyLineResponseDto] })
  capital: MoneyLineResponseDto[];

  @ApiProperty({ type: [String] })
  commentary: string[];
}

export class ReportResponseDto extends ReportSummaryDto {
  @ApiProperty()
  reportTo: string;

  @ApiProperty({ type: [String] })
  reportOf: string[];

  @ApiProperty({ type: [ReportSectionDto] })
  sections: ReportSectionDto[];

  @ApiProperty({ type: RecommendationsDto })
  recommendations: RecommendationsDto;

  @ApiProperty({ type: [PriorityUpdateDto] })
  partOne: PriorityUpdateDto[];

  @ApiProperty({ type: PartTwoResponseDto })
  partTwo: PartTwoResponseDto;

  @ApiProperty({ type: [String] })
  furtherInformation: string[];

  @ApiProperty({ type: [OfficerContactBodyDto] })
  contacts: OfficerContactBodyDto[];
}

export class ReportPageDto extends PageMetaDto {
  @ApiProperty({ type: [ReportSummaryDto] })
  items: ReportSummaryDto[];
}

export class PartOneDto {
  @ApiProperty({
    description: 'Part One: per priority, highlights, exceptions and measures.',
    type: [PriorityUpdateDto],
  })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PriorityUpdateDto)
  partOne: PriorityUpdateDto[];
}
