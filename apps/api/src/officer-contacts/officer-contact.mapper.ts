import type { OfficerContact } from '@scrutineer/domain';
import type { OfficerContactResponseDto } from './dto/officer-contact.dto.js';
import { OfficerContactEntity } from './officer-contact.entity.js';

export const toDomain = (entity: OfficerContactEntity): OfficerContact => ({
  name: entity.name,
  role: entity.role,
  email: entity.email,
  phone: entity.phone,
});

export const toPersistence = (
  portfolioCode: string,
  contact: OfficerContact,
): OfficerContactEntity =>
  Object.assign(new OfficerContactEntity(), {
    portfolioCode,
    name: contact.name,
    role: contact.role,
    email: contact.email,
    phone: contact.phone,
  });

export const toResponse = (entity: OfficerContactEntity): OfficerContactResponseDto => ({
  id: entity.id,
  portfolioCode: entity.portfolioCode,
  name: entity.name,
  role: entity.role,
  email: entity.email,
  phone: entity.phone,
  version: entity.version,
  createdAt: entity.createdAt,
  updatedAt: entity.updatedAt,
});
