import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { financialYear, localDate, measureCode, pence, portfolioCode } from '@scrutineer/domain';
import type { AgreementStatus, MeasureUnit } from '@scrutineer/domain';
import { PageMetaDto, PageQueryDto } from '../../common/pagination.js';
import { SatisfiesDomain } from '../../performance/domain-rule.js';
import { MEASURE_UNITS } from '../../performance/vocabulary.js';

export const AGREEMENT_STATUSES: readonly AgreementStatus[] = ['draft', 'considered', 'approved'];
const TOLERANCE_KINDS = ['absolute', 'relative', 'none'] as const;
const MONEY = 'Integer pence (£794,000 is 79400000).';

export class PriorityDto {
  @ApiProperty({
    description: '1-based, as the council numbers them ("Priority Two" is 2).',
    example: 2,
  })
  @IsInt()
  @Min(1)
  @Max(99)
  number: number;

  @ApiProperty({ example: 'Children and young people are safe', maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title: string;

  @ApiProperty({ type: [String], example: ['Fewer re-referrals to social care'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  outcomes: string[];
}

export class ToleranceDto {
  @ApiProperty({
    description:
      'absolute: `amount` in the measure’s unit; relative: `percent` of the target; none: any miss is Red.',
    enum: TOLERANCE_KINDS,
    example: 'absolute',
  })
  @IsIn(TOLERANCE_KINDS)
  kind: (typeof TOLERANCE_KINDS)[number];

  @ApiPropertyOptional({
    description: 'For `absolute`: the band, in the measure’s unit.',
    example: 2,
  })
  @ValidateIf((dto: ToleranceDto) => dto.kind === 'absolute')
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  amount?: number;

  @ApiPropertyOptional({
    description: 'For `relative`: the band as a percentage of the target.',
    example: 5,
  })
  @ValidateIf((dto: ToleranceDto) => dto.kind === 'relative')
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  percent?: number;
}

export class TargetDto {
  @ApiProperty({ example: 'CFSE11' })
  @SatisfiesDomain(measureCode)
  measureCode: string;

  @ApiProperty({
    description: 'Must be the measure’s unit.',
    enum: MEASURE_UNITS,
    example: 'percent',
  })
  @IsIn(MEASURE_UNITS)
  unit: MeasureUnit;

  @ApiProperty({
    description: 'The figure to reach; null when the agreement sets none.',
    example: 78.8,
    nullable: true,
    type: Number,
  })
  @ValidateIf((_, value) => value !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  target: number | null;

  @ApiPropertyOptional({
    description: 'Why there is no target (required when `target` is null).',
    example: 'New measure: baseline year',
    nullable: true,
    type: String,
  })
  @ValidateIf((dto: TargetDto) => dto.target === null)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  targetUnknownReason?: string | null;

  @ApiProperty({ type: ToleranceDto })
  @ValidateNested()
  @Type(() => ToleranceDto)
  tolerance: ToleranceDto;

  @ApiProperty({
    description: 'Why the tolerance is what it is.',
    example: 'Two points of normal quarterly variation',
    nullable: true,
    type: String,
  })
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(2000)
  toleranceRationale: string | null;
}

export class RevenueBudgetLineDto {
  @ApiProperty({ example: "Children's Social Care", maxLength: 300 })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  service: string;

  @ApiProperty({ description: MONEY, example: 4_530_000_000 })
  @SatisfiesDomain(pence)
  budget: number;
}

export class EarmarkedReserveDto {
  @ApiProperty({ example: 'SEND reserve', maxLength: 300 })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name: string;

  @ApiProperty({ description: `Balance at the start of the year. ${MONEY}`, example: 79_400_000 })
  @SatisfiesDomain(pence)
  balance: number;

  @ApiProperty({
    description: `Planned use in the year; null when none is planned. ${MONEY}`,
    example: 20_000_000,
    nullable: true,
    type: Number,
  })
  @ValidateIf((_, value) => value !== null)
  @SatisfiesDomain(pence)
  plannedUse: number | null;

  @ApiProperty({ example: 'Special educational needs transport', nullable: true, type: String })
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(2000)
  purpose: string | null;
}

export class SavingsLineDto {
  @ApiProperty({ example: 'CFSE-S1', nullable: true, type: String })
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(64)
  reference: string | null;

  @ApiProperty({ example: 'Review of placements', maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title: string;

  @ApiProperty({ description: MONEY, example: 50_000_000 })
  @SatisfiesDomain(pence)
  target: number;
}

export class CapitalLineDto {
  @ApiProperty({ example: 'School places expansion', maxLength: 300 })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  scheme: string;

  @ApiProperty({ description: MONEY, example: 250_000_000 })
  @SatisfiesDomain(pence)
  budget: number;

  @ApiProperty({ example: 'Basic need grant', nullable: true, type: String })
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(300)
  fundingSource: string | null;
}

/** The content of an agreement a portfolio's officers write while it is a draft. */
export class AgreementContentDto {
  @ApiProperty({ type: [PriorityDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PriorityDto)
  priorities: PriorityDto[];

  @ApiProperty({ type: [TargetDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => TargetDto)
  targets: TargetDto[];

  @ApiProperty({ type: [RevenueBudgetLineDto], description: 'The cash limit is their sum.' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => RevenueBudgetLineDto)
  revenueBudget: RevenueBudgetLineDto[];

  @ApiProperty({ type: [EarmarkedReserveDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => EarmarkedReserveDto)
  reserves: EarmarkedReserveDto[];

  @ApiProperty({ type: [SavingsLineDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SavingsLineDto)
  savings: SavingsLineDto[];

  @ApiProperty({ type: [CapitalLineDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CapitalLineDto)
  capital: CapitalLineDto[];
}

export class CreateAgreementDto extends AgreementContentDto {
  @ApiProperty({ example: 'CFSE' })
  @SatisfiesDomain(portfolioCode)
  portfolioCode: string;

  @ApiProperty({ description: 'Financial year.', example: '2021/22' })
  @SatisfiesDomain(financialYear)
  year: string;
}

export class ReplaceAgreementDto extends OmitType(CreateAgreementDto, [
  'portfolioCode',
  'year',
] as const) {}

/** Recording a step of the lifecycle: the committee's consideration, or Cabinet's approval. */
export class AgreementTransitionDto {
  @ApiProperty({
    description: 'The status to move to.',
    enum: ['considered', 'approved'],
    example: 'considered',
  })
  @IsIn(['considered', 'approved'])
  to: 'considered' | 'approved';

  @ApiProperty({
    description: 'When the committee considered it, or Cabinet approved it.',
    example: '2021-06-16',
  })
  @SatisfiesDomain(localDate)
  date: string;

  @ApiPropertyOptional({
    description: 'For `considered`: the scrutiny committee’s id.',
    example: 'stockport-cfsc',
  })
  @ValidateIf((dto: AgreementTransitionDto) => dto.to === 'considered')
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  committeeId?: string;

  @ApiPropertyOptional({
    description: 'For `approved`: the body that approved it.',
    example: 'Cabinet',
  })
  @ValidateIf((dto: AgreementTransitionDto) => dto.to === 'approved')
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  body?: string;
}

export class AgreementQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'CFSE' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  portfolio?: string;

  @ApiPropertyOptional({ description: 'Financial year.', example: '2021/22' })
  @IsOptional()
  @SatisfiesDomain(financialYear)
  year?: string;

  @ApiPropertyOptional({ enum: AGREEMENT_STATUSES, example: 'approved' })
  @IsOptional()
  @IsIn(AGREEMENT_STATUSES)
  status?: AgreementStatus;
}

export class ConsideredDto {
  @ApiProperty({ example: 'stockport-cfsc' })
  committeeId: string;

  @ApiProperty({ example: '2021-06-16' })
  date: string;
}

export class ApprovedDto {
  @ApiProperty({ example: 'Cabinet' })
  body: string;

  @ApiProperty({ example: '2021-06-29' })
  date: string;
}

export class AgreementSummaryDto {
  @ApiProperty({ example: 1 })
  id: number;

  @ApiProperty({ example: 'CFSE' })
  portfolioCode: string;

  @ApiProperty({ example: '2021/22' })
  year: string;

  @ApiProperty({ enum: AGREEMENT_STATUSES, example: 'approved' })
  status: string;

  @ApiProperty({ type: ConsideredDto, nullable: true })
  considered: ConsideredDto | null;

  @ApiProperty({ type: ApprovedDto, nullable: true })
  approved: ApprovedDto | null;

  @ApiProperty({ description: 'Send it back in If-Match to change the agreement.', example: 1 })
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

export class AgreementResponseDto extends AgreementSummaryDto {
  @ApiProperty({ type: [PriorityDto] })
  priorities: PriorityDto[];

  @ApiProperty({ type: [TargetDto] })
  targets: TargetDto[];

  @ApiProperty({ type: [RevenueBudgetLineDto] })
  revenueBudget: RevenueBudgetLineDto[];

  @ApiProperty({
    description: `The sum of the revenue budget lines. ${MONEY}`,
    example: 4_530_000_000,
  })
  cashLimit: number;

  @ApiProperty({ type: [EarmarkedReserveDto] })
  reserves: EarmarkedReserveDto[];

  @ApiProperty({ type: [SavingsLineDto] })
  savings: SavingsLineDto[];

  @ApiProperty({ type: [CapitalLineDto] })
  capital: CapitalLineDto[];
}

export class AgreementPageDto extends PageMetaDto {
  @ApiProperty({ type: [AgreementSummaryDto] })
  items: AgreementSummaryDto[];
}
