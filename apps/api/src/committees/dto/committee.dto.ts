import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { domainSchema } from '../../common/openapi-refs.js';
import { PageMetaDto, PageQueryDto } from '../../common/pagination.js';

export class CommitteeQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only committees of this authority.', example: 'stockport' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  authorityId?: string;
}

export class CommitteeMemberResponseDto {
  @ApiProperty({
    description: 'The seat’s id (to remove it).',
    example: '5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b',
  })
  id: string;

  @ApiProperty({
    allOf: [domainSchema('PersonRef')],
    example: { name: 'Councillor Colin Foster', memberId: 'stockport-cllr-colin-foster' },
  })
  member: unknown;

  @ApiProperty({ enum: ['chair', 'vice-chair', 'member', 'substitute'], example: 'chair' })
  role: string;
}

export class CommitteeResponseDto {
  @ApiProperty({ example: 'stockport-cfsc' })
  id: string;

  @ApiProperty({ example: 'stockport' })
  authorityId: string;

  @ApiProperty({ example: 'Children and Families Scrutiny Committee' })
  name: string;

  @ApiProperty({ type: [CommitteeMemberResponseDto], description: 'Chair first.' })
  members: CommitteeMemberResponseDto[];

  @ApiProperty({ nullable: true, allOf: [domainSchema('OfficerContact')] })
  clerk: unknown;

  @ApiProperty({ type: [String], example: ['CFSE'] })
  portfolioCodes: string[];

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

export class CommitteePageDto extends PageMetaDto {
  @ApiProperty({ type: [CommitteeResponseDto] })
  items: CommitteeResponseDto[];
}

export const COMMITTEE_BODY = {
  description: 'A committee in the domain shape (JSON Schema `Committee`).',
  schema: domainSchema('Committee'),
};
export const MEMBERSHIP_BODY = {
  description: 'A seat in the domain shape (JSON Schema `CommitteeMembership`).',
  schema: domainSchema('CommitteeMembership'),
};

export class CommitteeMemberPageDto extends PageMetaDto {
  @ApiProperty({ type: [CommitteeMemberResponseDto] })
  items: CommitteeMemberResponseDto[];
}
