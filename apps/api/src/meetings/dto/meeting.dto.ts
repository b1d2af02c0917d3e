import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { AgendaItemResponseDto } from '../../agenda-items/dto/agenda-item.dto.js';
import { domainSchema } from '../../common/openapi-refs.js';
import { PageMetaDto, PageQueryDto } from '../../common/pagination.js';

export const MEETING_STATUSES = ['scheduled', 'agenda-published', 'held', 'cancelled'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export class MeetingQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Only meetings of this committee.',
    example: 'stockport-cfsc',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  committeeId?: string;

  @ApiPropertyOptional({
    description: 'Meetings on or after this date (YYYY-MM-DD).',
    example: '2021-09-01',
  })
  @IsOptional()
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({
    description: 'Meetings on or before this date (YYYY-MM-DD).',
    example: '2022-03-31',
  })
  @IsOptional()
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ enum: MEETING_STATUSES, example: 'held' })
  @IsOptional()
  @IsIn(MEETING_STATUSES)
  status?: string;
}

export class CreateMeetingDto {
  @ApiPropertyOptional({
    description: 'A stable id (letters, digits, `.`, `_`, `-`); generated when omitted.',
    example: 'stockport-cfsc-2022-03-14',
  })
  @IsOptional()
  @Matches(ID, { message: 'id must be 1–200 letters, digits, dots, underscores or hyphens' })
  id?: string;

  @ApiProperty({ description: 'The committee that meets.', example: 'stockport-cfsc' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  committeeId: string;

  @ApiProperty({ description: 'The date (YYYY-MM-DD).', example: '2022-03-14' })
  @Matches(DATE, { message: 'date must be a date YYYY-MM-DD' })
  date: string;

  @ApiPropertyOptional({
    description: 'Start time (HH:MM, 24-hour), or null.',
    example: '18:00',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @Matches(TIME, { message: 'startTime must be a time HH:MM' })
  startTime?: string | null;

  @ApiPropertyOptional({
    description: 'Where it is held, or null.',
    example: 'Committee Room 2, Town Hall',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  venue?: string | null;
}

export class UpdateMeetingDto {
  @ApiPropertyOptional({ example: '2022-03-15' })
  @IsOptional()
  @Matches(DATE, { message: 'date must be a date YYYY-MM-DD' })
  date?: string;

  @ApiPropertyOptional({ example: '18:30', nullable: true, type: String })
  @IsOptional()
  @Matches(TIME, { message: 'startTime must be a time HH:MM' })
  startTime?: string | null;

  @ApiPropertyOptional({ example: 'Council Chamber', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  venue?: string | null;

  @ApiPropertyOptional({
    description:
      'Only `held` or `cancelled`; the agenda is published with POST …/agenda/publication.',
    enum: ['held', 'cancelled'],
    example: 'held',
  })
  @IsOptional()
  @IsIn(['held', 'cancelled'])
  status?: 'held' | 'cancelled';

  @ApiPropertyOptional({
    description:
      'Whether declarations were recorded when none were made (`none-made`) or not recorded at all.',
    enum: ['not-recorded', 'none-made'],
    example: 'none-made',
  })
  @IsOptional()
  @IsIn(['not-recorded', 'none-made'])
  declarations?: 'not-recorded' | 'none-made';
}

export class MeetingResponseDto {
  @ApiProperty({ example: 'stockport-cfsc-2021-12-13' })
  id: string;

  @ApiProperty({ example: 'stockport-cfsc' })
  committeeId: string;

  @ApiProperty({ example: 'Children and Families Scrutiny Committee' })
  committeeName: string;

  @ApiProperty({ example: '2021-12-13' })
  date: string;

  @ApiProperty({ example: '18:00', nullable: true, type: String })
  startTime: string | null;

  @ApiProperty({ example: 'Committee Room 2, Town Hall', nullable: true, type: String })
  venue: string | null;

  @ApiProperty({ enum: MEETING_STATUSES, example: 'held' })
  status: string;

  @ApiProperty({
    description: 'When the agenda was published (ISO 8601), or null.',
    example: '2021-12-03T09:00:00.000Z',
    nullable: true,
    type: String,
  })
  agendaPublishedAt: string | null;

  @ApiProperty({
    description: 'draft, approved, or null before the meeting is minuted.',
    example: 'approved',
    nullable: true,
    type: String,
  })
  minutesStatus: string | null;

  @ApiProperty({ description: 'Send it in If-Match when you change the meeting.', example: 1 })
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

export class MeetingDetailDto extends MeetingResponseDto {
  @ApiProperty({ type: [AgendaItemResponseDto], description: 'The agenda in published order.' })
  agendaItems: AgendaItemResponseDto[];
}

export class MeetingPageDto extends PageMetaDto {
  @ApiProperty({ type: [MeetingResponseDto] })
  items: MeetingResponseDto[];
}

export class PublicationResponseDto {
  @ApiProperty({ type: MeetingResponseDto })
  meeting: MeetingResponseDto;

  @ApiProperty({
    description: 'When the agenda was published (ISO 8601).',
    example: '2022-03-04T09:00:00.000Z',
  })
  publishedAt: string;

  @ApiProperty({
    description: 'Whether it was open to inspection five clear days before the meeting.',
    example: true,
  })
  isOnTime: boolean;

  @ApiProperty({
    description: 'The last day it could be published and still meet the deadline (YYYY-MM-DD).',
    example: '2022-03-04',
  })
  deadline: string;

  @ApiProperty({ description: 'Clear days between publication and the meeting.', example: 5 })
  clearDays: number;

  @ApiProperty({
    description: 'The rule, in words.',
    example:
      'Published on Friday 4 March 2022, 5 clear days before the meeting on Monday 14 March 2022.',
  })
  explanation: string;
}

export const ATTENDANCE_BODY = {
  description: 'Attendance in the domain shape (JSON Schema `Attendance`).',
  schema: domainSchema('Attendance'),
};
