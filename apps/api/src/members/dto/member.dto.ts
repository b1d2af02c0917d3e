import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageMetaDto, PageQueryDto } from '../../common/pagination.js';

export class MemberQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Names containing this text (case-insensitive).',
    example: 'Foster',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ description: 'Only members of this party.', example: 'Liberal Democrat' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  party?: string;
}

export class CreateMemberDto {
  @ApiPropertyOptional({
    description: 'A stable id; generated from the name when omitted.',
    example: 'stockport-cllr-colin-foster',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/, {
    message: 'id must be 1–200 letters, digits, dots, underscores or hyphens',
  })
  id?: string;

  @ApiProperty({ description: 'As the council writes it.', example: 'Councillor Colin Foster' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Liberal Democrat' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  party?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Cheadle Hulme North' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  ward?: string | null;
}

export class UpdateMemberDto {
  @ApiPropertyOptional({ example: 'Councillor Colin Foster' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Labour' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  party?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Bramhall South' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  ward?: string | null;
}

export class MemberResponseDto {
  @ApiProperty({ example: 'stockport-cllr-colin-foster' })
  id: string;

  @ApiProperty({ example: 'Councillor Colin Foster' })
  name: string;

  @ApiProperty({ nullable: true, type: String, example: 'Liberal Democrat' })
  party: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Cheadle Hulme North' })
  ward: string | null;

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

export class MemberPageDto extends PageMetaDto {
  @ApiProperty({ type: [MemberResponseDto] })
  items: MemberResponseDto[];
}
