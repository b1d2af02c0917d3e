import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { type Caller, CurrentCaller, Roles } from '../auth/caller.js';
import { domainSchema } from '../common/openapi-refs.js';
import { ImportsService } from './imports.service.js';

export class ImportResultDto {
  @ApiProperty({ example: 'stockport-cfsc-2021-12-13' })
  meetingId: string;

  @ApiProperty({ example: 9 })
  agendaItems: number;

  @ApiProperty({ example: 1 })
  declarations: number;

  @ApiProperty({ example: 9 })
  minutes: number;
}

@ApiTags('imports')
@ApiBearerAuth()
@Controller({ path: 'imports', version: '1' })
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post('meetings')
  @Roles('clerk')
  @ApiBody({
    description:
      'One meeting as a whole document (JSON Schema `MeetingDocument`), as GET /meetings/{id}/document returns it.',
    schema: domainSchema('MeetingDocument'),
  })
  @ApiOperation({
    summary:
      'Import a whole meeting (clerk): validated in full, written in one transaction or not at all; 400 lists every problem with its JSON path.',
  })
  @ApiCreatedResponse({ type: ImportResultDto })
  importMeeting(@Body() body: unknown, @CurrentCaller() caller: Caller) {
    return this.imports.importMeeting(body, caller);
  }
}
