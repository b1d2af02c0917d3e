import { ApiProperty } from '@nestjs/swagger';
import { domainSchema } from '../../common/openapi-refs.js';
import { PageMetaDto } from '../../common/pagination.js';

export class AuthorityResponseDto {
  @ApiProperty({ example: 'stockport' })
  id: string;

  @ApiProperty({ example: 'Stockport Metropolitan Borough Council' })
  name: string;

  @ApiProperty({ example: 'Stockport' })
  shortName: string;

  @ApiProperty({ enum: ['england', 'wales'], example: 'england' })
  region: string;

  @ApiProperty({
    allOf: [domainSchema('AuthorityStyle')],
    description: 'How the council’s documents look.',
  })
  style: unknown;

  @ApiProperty({
    type: [String],
    description: 'Office closure days beyond bank holidays (YYYY-MM-DD).',
    example: ['2021-12-29'],
  })
  closureDays: string[];

  @ApiProperty({ nullable: true, type: String, example: 'https://www.stockport.gov.uk' })
  website: string | null;

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

export class AuthorityPageDto extends PageMetaDto {
  @ApiProperty({ type: [AuthorityResponseDto] })
  items: AuthorityResponseDto[];
}

export const AUTHORITY_BODY = {
  description: 'An authority in the domain shape (JSON Schema `Authority`).',
  schema: domainSchema('Authority'),
};
