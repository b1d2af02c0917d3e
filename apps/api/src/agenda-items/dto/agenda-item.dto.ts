import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageMetaDto, PageQueryDto } from '../../common/pagination.js';
import { domainSchema } from '../../common/openapi-refs.js';

const KINDS = [
  'apologies',
  'minutes',
  'declarations',
  'call-in',
  'exclusion-of-public',
  'urgent-business',
  'report',
  'other',
];

export class ExemptionDto {
  @ApiProperty({
    description: 'Local Government Act 1972, Schedule 12A, Part 1 paragraph (1–7).',
    minimum: 1,
    maximum: 7,
    example: 3,
  })
  paragraph: number;
}

export class ItemDocumentResponseDto {
  @ApiProperty({ example: 'Appendix 1: Tender evaluation' })
  title: string;

  @ApiProperty({ enum: ['report', 'appendix', 'supporting'], example: 'appendix' })
  role: string;

  @ApiProperty({ type: ExemptionDto, nullable: true, description: 'Null for a public document.' })
  exemption: ExemptionDto | null;

  @ApiProperty({
    description:
      'The document (sections, a table, or a link to a performance report). Null when it is exempt and you may not read it.',
    nullable: true,
    oneOf: [domainSchema('ItemDocument')],
    example: {
      kind: 'sections',
      sections: [{ heading: '1. Introduction', paragraphs: ['1.1 This report …'] }],
    },
  })
  content: unknown;

  @ApiProperty({
    description:
      'True when the content is withheld from you (exempt, and your role may not read it).',
    example: false,
  })
  isWithheld: boolean;
}

export class AgendaItemResponseDto {
  @ApiProperty({ example: '0b6d7f8e-3c1a-4b8e-9f0a-2d7c5e1f4a9b' })
  id: string;

  @ApiProperty({ example: 'stockport-cfsc-2021-12-13' })
  meetingId: string;

  @ApiProperty({ description: 'The published number as printed.', example: '5' })
  number: string;

  @ApiProperty({ description: 'Position in the published agenda, from 1.', example: 5 })
  order: number;

  @ApiProperty({ enum: KINDS, example: 'report' })
  kind: string;

  @ApiProperty({ example: 'Portfolio Performance and Resources – Mid-Year Report 2021/22' })
  title: string;

  @ApiProperty({
    type: ExemptionDto,
    nullable: true,
    description:
      'The Schedule 12A paragraph when the item is taken in private; null for an open item.',
  })
  exemption: ExemptionDto | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example:
      'To consider a joint report of the Director of Children’s Services and the Director of Education.',
  })
  summary: string | null;

  @ApiProperty({ nullable: true, allOf: [domainSchema('Recommendations')] })
  recommendations: unknown;

  @ApiProperty({ type: [String], example: ['Director of Children’s Services'] })
  reportOf: string[];

  @ApiProperty({ type: 'array', items: domainSchema('OfficerContact') })
  contacts: unknown[];

  @ApiProperty({ type: [ItemDocumentResponseDto] })
  documents: ItemDocumentResponseDto[];

  @ApiProperty({
    description: 'True when the item is exempt and its content is withheld from you.',
    example: false,
  })
  isWithheld: boolean;

  @ApiProperty({ description: 'Send it in If-Match when you change the item.', example: 1 })
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

export class AgendaItemPageDto extends PageMetaDto {
  @ApiProperty({ type: [AgendaItemResponseDto] })
  items: AgendaItemResponseDto[];
}

export class AgendaItemQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Only items of this meeting.',
    example: 'stockport-cfsc-2021-12-13',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  meetingId?: string;

  @ApiPropertyOptional({ enum: KINDS, example: 'report' })
  @IsOptional()
  @IsIn(KINDS)
  kind?: string;

  @ApiPropertyOptional({
    description: 'Only exempt (true) or only open (false) items.',
    example: false,
  })
  @IsOptional()
  @Type(() => String)
  @IsIn(['true', 'false'])
  exempt?: string;
}

/** Kept for symmetry with other DTO files; the body itself is the domain's AgendaItem. */
export const AGENDA_ITEM_BODY = {
  description:
    'An agenda item in the domain shape (JSON Schema `AgendaItem`); `order` places it in the agenda.',
  schema: domainSchema('AgendaItem'),
};
