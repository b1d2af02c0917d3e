import { Controller, Get, Query } from '@nestjs/common';
import { AuditEventPage, AuditEventQuery } from '@scrutineer/domain';
import { Roles } from '../auth/caller.js';
import { Operation, Resource } from '../contract/operation.js';
import { AuditService } from './audit.service.js';

@Resource('audit-events', 'The audit trail: every write, who made it and what changed.')
@Controller({ path: 'audit-events', version: '1' })
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  @Operation({
    summary: 'The audit trail of every write, newest first (admins).',
    query: AuditEventQuery,
    response: AuditEventPage,
  })
  list(@Query() query: AuditEventQuery): Promise<AuditEventPage> {
    return this.audit.list(query);
  }
}
