import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ExemptionDto } from '../../agenda-items/dto/agenda-item.dto.js';
import { domainSchema } from '../../common/openapi-refs.js';
import { PageMetaDto, PageQueryDto } from '../../common/pagination.js';

export class MinuteQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Only minutes of this meeting.',
    example: 'stockport-cfsc-2021-12-13',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  meetingId?: string;
}

export class MinuteResponseDto {
  @ApiProperty({ example: '2c9d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f' })
  id: string;

  @ApiProperty({ example: 'stockport-cfsc-2021-12-13' })
  meetingId: string;

  @ApiProperty({ allOf: [domainSchema('MinuteRef')], example: { text: '33', sequence: 33 } })
  ref: unknown;

  @ApiProperty({
    description: 'The agenda item it minutes, by published number.',
    example: '5',
    nullable: true,
    type: String,
  })
  agendaItemNumber: string | null;

  @ApiProperty({ description: 'Order in which the meeting took it, from 1.', example: 5 })
  takenOrder: number;

  @ApiProperty({ example: 'Portfolio Performance and Resources – Mid-Year Report' })
  title: string;

  @ApiProperty({ type: ExemptionDto, nullable: true })
  exemption: ExemptionDto | null;

  @ApiProperty({
    type: 'array',
    items: domainSchema('MinuteBlock'),
    description: 'Numbered paragraphs or grouped comments.',
  })
  blocks: unknown[];

  @ApiProperty({ type: 'array', items: domainSchema('Motion') })
  motions: unknown[];

  @ApiProperty({ type: 'array', items: domainSchema('Election') })
  elections: unknown[];

  @ApiProperty({ type: 'array', items: domainSchema('Action') })
  actions: unknown[];

  @ApiProperty({ nullable: true, allOf: [domainSchema('Resolution')] })
  resolution: unknown;

  @ApiProperty({ nullable: true, allOf: [domainSchema('PreviousMinutesApproval')] })
  previousMinutes: unknown;

  @ApiProperty({
    description: 'True when the minute is exempt and its content is withheld from you.',
    example: false,
  })
  isWithheld: boolean;

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

export class MinutePageDto extends PageMetaDto {
  @ApiProperty({ type: [MinuteResponseDto] })
  items: MinuteResponseDto[];
}

export class MinutesOfMeetingResponseDto {
  @ApiProperty({ example: 'stockport-cfsc-2021-12-13' })
  meetingId: string;

  @ApiProperty({ enum: ['draft', 'approved'], example: 'draft' })
  status: string;

  @ApiProperty({
    description: 'When the next meeting approved them (YYYY-MM-DD).',
    nullable: true,
    type: String,
    example: null,
  })
  approvedOn: string | null;

  @ApiProperty({
    description: 'When the meeting closed (HH:MM).',
    nullable: true,
    type: String,
    example: '19:45',
  })
  closedAt: string | null;

  @ApiProperty({ type: [MinuteResponseDto] })
  minutes: MinuteResponseDto[];

  @ApiProperty({
    description: 'The meeting’s version: send it in If-Match to change the minutes’ status.',
    example: 3,
  })
  version: number;
}

export class StartMinutesDto {
  @ApiPropertyOptional({
    description: 'When the meeting closed (HH:MM), or null.',
    example: '19:45',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'closedAt must be a time HH:MM' })
  closedAt?: string | null;
}

export class ApproveMinutesDto {
  @ApiProperty({
    description: 'The date of the meeting that approved them as a correct record (YYYY-MM-DD).',
    example: '2022-01-24',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'approvedOn must be a date YYYY-MM-DD' })
  approvedOn: string;
}

export const MINUTE_BODY = {
  description:
    'A minute in the domain shape (JSON Schema `Minute`), with its motions and votes, elections, actions and resolution.',
  schema: domainSchema('Minute'),
};
