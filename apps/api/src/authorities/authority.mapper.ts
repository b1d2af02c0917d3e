import {
  regionOfAuthority,
  type Authority,
  type AuthorityId,
  type AuthorityResource,
  type AuthorityStyle,
  type LocalDate,
} from '@scrutineer/domain';
import { AuthorityEntity } from './authority.entity.js';

export const toDomain = (entity: AuthorityEntity): Authority => ({
  id: entity.id as AuthorityId,
  name: entity.name,
  shortName: entity.shortName,
  region: regionOfAuthority(entity),
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

export const toResponse = (entity: AuthorityEntity): AuthorityResource => ({
  ...toDomain(entity),
  version: entity.version,
  createdAt: entity.createdAt,
  updatedAt: entity.updatedAt,
});
