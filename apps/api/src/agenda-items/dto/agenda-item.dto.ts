import { ApiProperty } from '@nestjs/swagger';

/**
 * Left only for minutes/dto/minute.dto.ts, which still describes minutes with class DTOs; the
 * agenda items resource is described by the domain's schemas. Delete with that file.
 */
export class ExemptionDto {
  @ApiProperty({
    description: 'Local Government Act 1972, Schedule 12A, Part 1 paragraph (1–7).',
    minimum: 1,
    maximum: 7,
    example: 3,
  })
  paragraph: number;
}
