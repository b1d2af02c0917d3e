import type {
  Authority,
  AuthorityId,
  AuthorityStyle,
  HolidayRegion,
  LocalDate,
} from '@scrutineer/domain';
import { AuthorityEntity } from './authority.entity.js';
import type { AuthorityResponseDto } from './dto/authority.dto.js';

export const toDomain = (entity: AuthorityEntity): Authority => ({
  id: entity.id as AuthorityId,
  name: entity.name,
  shortName: entity.shortName,
  region: entity.region as HolidayRegion,
  style: entity.style as AuthorityStyle,
  closureDays: entity.closureDays as LocalDate[],
  website: entity.website,
});

export const toPersistence = (authority: Authority, version = 1): AuthorityEntity =>
  Object.assign(new AuthorityEntity(), {
    id: authority.id,
    name: authority.name,
    shortName: authority.shortName,
    region: authority.region,
    style: authority.style,
    closureDays: [...authority.closureDays],
    website: authority.website,
    version,
  });

export const toResponse = (entity: AuthorityEntity): AuthorityResponseDto => ({
  id: entity.id,
  name: entity.name,
  shortName: entity.shortName,
  region: entity.region,
  style: entity.style,
  closureDays: entity.closureDays,
  website: entity.website,
  version: entity.version,
  createdAt: entity.createdAt,
  updatedAt: entity.updatedAt,
});
