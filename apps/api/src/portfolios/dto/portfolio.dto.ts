import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { portfolioCode } from '@scrutineer/domain';
import { PageMetaDto, PageQueryDto } from '../../common/pagination.js';
import { SatisfiesDomain } from '../../performance/domain-rule.js';
import { PersonRefDto } from '../../performance/dto/person.dto.js';

export class CreatePortfolioDto {
  @ApiProperty({
    description: 'Short code: 2–10 upper-case letters or digits, starting with a letter.',
    example: 'CFSE',
  })
  @IsString()
  @SatisfiesDomain(portfolioCode)
  code: string;

  @ApiProperty({
    description: 'The council that holds the portfolio.',
    example: 'stockport',
    maxLength: 64,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  authorityId: string;

  @ApiProperty({ example: 'Children, Family Services and Education', maxLength: 300 })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name: string;

  @ApiProperty({
    description: 'The Cabinet Member holding it; null when not known.',
    type: PersonRefDto,
    nullable: true,
  })
  @ValidateIf((_, value) => value !== null)
  @ValidateNested()
  @Type(() => PersonRefDto)
  cabinetMember: PersonRefDto | null;

  @ApiProperty({
    description: 'Job titles of the directors who report for it.',
    example: ["Director of Children's Services"],
    type: [String],
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  directors: string[];
}

export class UpdatePortfolioDto {
  @ApiPropertyOptional({ example: 'Children, Family Services and Education', maxLength: 300 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name?: string;

  @ApiPropertyOptional({ type: PersonRefDto, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @ValidateNested()
  @Type(() => PersonRefDto)
  cabinetMember?: PersonRefDto | null;

  @ApiPropertyOptional({ example: ["Director of Children's Services"], type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  directors?: string[];
}

export class PortfolioQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Only the portfolios of this council.',
    example: 'stockport',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  authorityId?: string;
}

export class PortfolioResponseDto {
  @ApiProperty({ example: 'CFSE' })
  code: string;

  @ApiProperty({ example: 'stockport' })
  authorityId: string;

  @ApiProperty({ example: 'Children, Family Services and Education' })
  name: string;

  @ApiProperty({ type: PersonRefDto, nullable: true })
  cabinetMember: PersonRefDto | null;

  @ApiProperty({ type: [String], example: ["Director of Children's Services"] })
  directors: string[];

  @ApiProperty({ description: 'Send it back in If-Match to change the portfolio.', example: 1 })
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

export class PortfolioPageDto extends PageMetaDto {
  @ApiProperty({ type: [PortfolioResponseDto] })
  items: PortfolioResponseDto[];
}
