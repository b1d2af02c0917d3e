import type { HolidayRegion } from '@scrutineer/domain';
import type { EntityManager } from 'typeorm';
import { AuthorityEntity } from './authority.entity.js';

/** An authority's region (bank holidays, Schedule 12A's nation); null when there is no such authority. */
export const regionOfAuthority = async (
  manager: EntityManager,
  authorityId: string,
): Promise<HolidayRegion | null> => {
  const authority = await manager.findOne(AuthorityEntity, { where: { id: authorityId } });
  if (authority === null) return null;
  return authority.region === 'wales' ? 'wales' : 'england';
};
