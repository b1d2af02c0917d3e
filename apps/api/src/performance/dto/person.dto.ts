import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';

/** A person as a source names them, linked to a councillor when the name matched one. */
export class PersonRefDto {
  @ApiProperty({
    description: 'As the council writes it.',
    example: 'Councillor Colin Foster',
    maxLength: 200,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({
    description: 'The councillor (member) id when the name matches one; null otherwise.',
    example: 'stockport-colin-foster',
    nullable: true,
    type: String,
  })
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(64)
  memberId: string | null;
}

/** An officer named as a contact on a report. */
export class OfficerContactBodyDto {
  @ApiProperty({ example: 'Jane Smith', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'Performance and Improvement Lead', maxLength: 300 })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  role: string;

  @ApiProperty({ example: 'jane.smith@stockport.gov.uk', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsEmail()
  @MaxLength(254)
  email: string | null;

  @ApiProperty({
    description: 'As printed; not normalised.',
    example: '0161 474 3186',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(50)
  phone: string | null;
}
