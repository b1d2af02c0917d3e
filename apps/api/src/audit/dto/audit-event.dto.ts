import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageMetaDto, PageQueryDto } from '../../common/pagination.js';

export class AuditEventQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Only events about this kind of resource.',
    example: 'meeting',
  })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  entity?: string;

  @ApiPropertyOptional({
    description: 'Only events about this resource id.',
    example: 'stockport-cfsc-2021-12-13',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  entityId?: string;

  @ApiPropertyOptional({
    description: 'Only events by this actor (the token name).',
    example: 'Democratic Services',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;
}

export class AuditEventResponseDto {
  @ApiProperty({ example: '4b0e8a8e-7d7a-4c0e-9a59-0d3c2b8f5d1a' })
  id: string;

  @ApiProperty({
    description: 'When the write happened (ISO 8601, UTC).',
    example: '2026-11-23T10:15:00.000Z',
  })
  at: string;

  @ApiProperty({ description: 'Who: the token name.', example: 'Democratic Services' })
  actorName: string;

  @ApiProperty({ description: 'The token role.', example: 'clerk' })
  actorRole: string;

  @ApiProperty({ description: 'The kind of resource.', example: 'meeting' })
  entity: string;

  @ApiProperty({ description: 'The resource id.', example: 'stockport-cfsc-2021-12-13' })
  entityId: string;

  @ApiProperty({ description: 'create, update, delete or a lifecycle verb.', example: 'update' })
  action: string;

  @ApiProperty({
    description:
      'What changed: `{ field: { from, to } }` for updates, the record for creates and deletes.',
    example: { venue: { from: 'Committee Room 2', to: 'Council Chamber' } },
    type: 'object',
    additionalProperties: true,
  })
  changes: Record<string, unknown>;

  @ApiProperty({
    description: 'The id of the request that made the write.',
    nullable: true,
    example: 'a1b2c3',
    type: String,
  })
  requestId: string | null;
}

export class AuditEventPageDto extends PageMetaDto {
  @ApiProperty({ type: [AuditEventResponseDto] })
  items: AuditEventResponseDto[];
}
