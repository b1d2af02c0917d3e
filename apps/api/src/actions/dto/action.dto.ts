import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageMetaDto, PageQueryDto } from '../../common/pagination.js';

export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ActionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Only actions of this meeting.',
    example: 'stockport-cfsc-2021-12-13',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  meetingId?: string;

  @ApiPropertyOptional({ enum: ACTION_STATUSES, example: 'open' })
  @IsOptional()
  @IsIn(ACTION_STATUSES)
  status?: string;

  @ApiPropertyOptional({
    description: 'Only actions owned by exactly this owner.',
    example: 'Director of Education',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  owner?: string;

  @ApiPropertyOptional({
    description: 'Only actions due on or before this date (YYYY-MM-DD).',
    example: '2022-03-31',
  })
  @IsOptional()
  @Matches(DATE, { message: 'dueBefore must be a date YYYY-MM-DD' })
  dueBefore?: string;
}

export class ActionResponseDto {
  @ApiProperty({ example: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b' })
  id: string;

  @ApiProperty({ example: 'stockport-cfsc-2021-12-13' })
  meetingId: string;

  @ApiProperty({ example: '2c9d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f' })
  minuteId: string;

  @ApiProperty({ example: 'A written response would be provided to the Committee.' })
  text: string;

  @ApiProperty({ nullable: true, type: String, example: 'Director of Education' })
  owner: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2022-01-31' })
  due: string | null;

  @ApiProperty({ enum: ACTION_STATUSES, example: 'open' })
  status: string;

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

export class ActionPageDto extends PageMetaDto {
  @ApiProperty({ type: [ActionResponseDto] })
  items: ActionResponseDto[];
}

/** Follow-up of an action after the meeting; the minuted text itself changes with its minute. */
export class UpdateActionDto {
  @ApiPropertyOptional({ enum: ACTION_STATUSES, example: 'done' })
  @IsOptional()
  @IsIn(ACTION_STATUSES)
  status?: 'open' | 'in-progress' | 'done' | 'dropped';

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'Head of Service, Education Psychology',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  owner?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '2022-02-28' })
  @IsOptional()
  @Matches(DATE, { message: 'due must be a date YYYY-MM-DD' })
  due?: string | null;
}
