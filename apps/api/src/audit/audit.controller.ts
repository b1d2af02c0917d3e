import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/caller.js';
import { AuditService } from './audit.service.js';
import { AuditEventPageDto, AuditEventQueryDto } from './dto/audit-event.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller({ path: 'audit-events', version: '1' })
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'The audit trail of every write, newest first (admins only).' })
  @ApiOkResponse({ type: AuditEventPageDto })
  list(@Query() query: AuditEventQueryDto): Promise<AuditEventPageDto> {
    return this.audit.list(query) as Promise<AuditEventPageDto>;
  }
}
