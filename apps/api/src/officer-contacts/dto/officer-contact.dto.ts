import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { portfolioCode } from '@scrutineer/domain';
import { PageMetaDto, PageQueryDto } from '../../common/pagination.js';
import { SatisfiesDomain } from '../../performance/domain-rule.js';
import { OfficerContactBodyDto } from '../../performance/dto/person.dto.js';

export class CreateOfficerContactDto extends OfficerContactBodyDto {
  @ApiProperty({ description: 'The portfolio the officer works for.', example: 'CFSE' })
  @IsString()
  @SatisfiesDomain(portfolioCode)
  portfolioCode: string;
}

export class UpdateOfficerContactDto extends PartialType(OfficerContactBodyDto) {}

export class OfficerContactQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only the contacts of this portfolio.', example: 'CFSE' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  portfolio?: string;
}

export class OfficerContactResponseDto {
  @ApiProperty({ example: 1 })
  id: number;

  @ApiProperty({ example: 'CFSE' })
  portfolioCode: string;

  @ApiProperty({ example: 'Jane Smith' })
  name: string;

  @ApiProperty({ example: 'Performance and Improvement Lead' })
  role: string;

  @ApiProperty({ example: 'jane.smith@stockport.gov.uk', nullable: true, type: String })
  email: string | null;

  @ApiProperty({ example: '0161 474 3186', nullable: true, type: String })
  phone: string | null;

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

export class OfficerContactPageDto extends PageMetaDto {
  @ApiProperty({ type: [OfficerContactResponseDto] })
  items: OfficerContactResponseDto[];
}
