import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { domainSchema } from '../../common/openapi-refs.js';
import { PageMetaDto, PageQueryDto } from '../../common/pagination.js';

export class ResolutionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Only resolutions of this meeting.',
    example: 'stockport-cfsc-2021-12-13',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  meetingId?: string;
}

export class ResolutionResponseDto {
  @ApiProperty({ example: '4d3c2b1a-0f9e-4d8c-b7a6-5f4e3d2c1b0a' })
  id: string;

  @ApiProperty({ example: 'stockport-cfsc-2021-12-13' })
  meetingId: string;

  @ApiProperty({ example: '2c9d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f' })
  minuteId: string;

  @ApiProperty({ description: 'The minute’s reference as printed.', example: '33' })
  minuteRef: string;

  @ApiProperty({
    allOf: [domainSchema('Resolution')],
    example: { kind: 'single', text: 'RESOLVED – That the report be noted.' },
  })
  resolution: unknown;

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

export class ResolutionPageDto extends PageMetaDto {
  @ApiProperty({ type: [ResolutionResponseDto] })
  items: ResolutionResponseDto[];
}
