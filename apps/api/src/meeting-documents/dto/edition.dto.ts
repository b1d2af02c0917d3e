import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const EDITIONS = ['public', 'confidential'] as const;
export type Edition = (typeof EDITIONS)[number];

/** `?edition=` of the agenda pack and of a meeting's dataset. */
export class AgendaPackQueryDto {
  @ApiPropertyOptional({
    description:
      'public (exempt items and appendices replaced by notices) or confidential (clerks and members only).',
    enum: EDITIONS,
    default: 'public',
    example: 'public',
  })
  @IsOptional()
  @IsIn(EDITIONS)
  edition?: Edition;
}
