import { regionOfAuthority, type HolidayRegion } from '@scrutineer/domain';
import type { EntityManager } from 'typeorm';
import { AuthorityEntity } from './authority.entity.js';

/** The stored authority's region, read by the domain's `regionOfAuthority`; null when there is no such authority. */
export const loadRegionOfAuthority = async (
  manager: EntityManager,
  authorityId: string,
): Promise<HolidayRegion | null> => {
  const authority = await manager.findOne(AuthorityEntity, { where: { id: authorityId } });
  return authority === null ? null : regionOfAuthority(authority);
};
