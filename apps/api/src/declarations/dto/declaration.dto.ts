import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { domainSchema } from '../../common/openapi-refs.js';
import { PageMetaDto, PageQueryDto } from '../../common/pagination.js';

const INTERESTS = [
  'personal',
  'prejudicial',
  'disclosable-pecuniary',
  'other-registrable',
  'non-registrable',
];

export class DeclarationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Only declarations made at this meeting.',
    example: 'stockport-cfsc-2021-12-13',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  meetingId?: string;

  @ApiPropertyOptional({
    description: 'Only declarations by this councillor.',
    example: 'stockport-cllr-colin-foster',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  memberId?: string;

  @ApiPropertyOptional({ enum: INTERESTS, example: 'personal' })
  @IsOptional()
  @IsIn(INTERESTS)
  interest?: string;
}

export class DeclarationResponseDto {
  @ApiProperty({ example: '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f' })
  id: string;

  @ApiProperty({ example: 'stockport-cfsc-2021-12-13' })
  meetingId: string;

  @ApiProperty({
    allOf: [domainSchema('PersonRef')],
    example: { name: 'Councillor Colin Foster', memberId: null },
  })
  member: unknown;

  @ApiProperty({
    description: 'An agenda item by its number, or a subject.',
    example: { kind: 'agenda-item', itemNumber: '5' },
    type: 'object',
    additionalProperties: true,
  })
  about: unknown;

  @ApiProperty({ enum: INTERESTS, example: 'personal' })
  interest: string;

  @ApiProperty({ example: 'His daughter attends a school in the borough.' })
  nature: string;

  @ApiProperty({
    description: 'true, false, or `{ kind: "unknown", reason }` when the minutes do not say.',
    example: false,
  })
  withdrew: unknown;

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

export class DeclarationPageDto extends PageMetaDto {
  @ApiProperty({ type: [DeclarationResponseDto] })
  items: DeclarationResponseDto[];
}

export const DECLARATION_BODY = {
  description: 'A declaration in the domain shape (JSON Schema `Declaration`).',
  schema: domainSchema('Declaration'),
};
