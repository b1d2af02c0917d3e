import type { OfficerContact, OfficerContactResource, PortfolioCode } from '@scrutineer/domain';
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

export const toResponse = (entity: OfficerContactEntity): OfficerContactResource => ({
  id: entity.id,
  portfolioCode: entity.portfolioCode as PortfolioCode,
  ...toDomain(entity),
  version: entity.version,
  createdAt: entity.createdAt,
  updatedAt: entity.updatedAt,
});
