import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class AgendaPackQueryDto {
  @ApiPropertyOptional({
    description:
      'public (exempt items and appendices replaced by notices) or confidential (clerks and members only).',
    enum: ['public', 'confidential'],
    default: 'public',
    example: 'public',
  })
  @IsOptional()
  @IsIn(['public', 'confidential'])
  edition?: 'public' | 'confidential';
}
