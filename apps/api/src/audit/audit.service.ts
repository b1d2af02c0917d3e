import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import {
  filterUpdatedSince,
  type Page,
  pageOf,
  pageWindow,
  parseSort,
} from '../common/pagination.js';
import { AuditEventEntity } from './audit-event.entity.js';
import { toResponse } from './audit.mapper.js';
import type { AuditEventQueryDto, AuditEventResponseDto } from './dto/audit-event.dto.js';

@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>,
  ) {}

  async list(query: AuditEventQueryDto): Promise<Page<AuditEventResponseDto>> {
    const { limit, offset } = pageWindow(query);
    const builder = this.events.createQueryBuilder('event');
    if (query.entity !== undefined)
      builder.andWhere('event.entity = :entity', { entity: query.entity });
    if (query.entityId !== undefined)
      builder.andWhere('event.entityId = :entityId', { entityId: query.entityId });
    if (query.actor !== undefined)
      builder.andWhere('event.actorName = :actor', { actor: query.actor });
    // An audit event never changes: `updatedSince` is when it happened.
    filterUpdatedSince(builder, query, 'event.at');
    for (const order of parseSort(query.sort, { at: 'event.at' }, [
      { column: 'event.at', direction: 'DESC' },
      { column: 'event.id', direction: 'ASC' },
    ])) {
      builder.addOrderBy(order.column, order.direction);
    }
    const [rows, total] = await builder.skip(offset).take(limit).getManyAndCount();
    return pageOf(rows.map(toResponse), total, query);
  }
}
