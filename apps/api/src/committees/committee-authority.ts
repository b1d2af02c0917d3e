import type { EntityManager } from 'typeorm';
import { CommitteeEntity } from './committee.entity.js';

/** The id of the authority a committee belongs to; null when there is no such committee. */
export const authorityIdOfCommittee = async (
  manager: EntityManager,
  committeeId: string,
): Promise<string | null> =>
  (await manager.findOne(CommitteeEntity, { where: { id: committeeId } }))?.authorityId ?? null;

/** The ids of an authority's committees. */
export const committeeIdsOfAuthority = async (
  manager: EntityManager,
  authorityId: string,
): Promise<string[]> =>
  (await manager.find(CommitteeEntity, { where: { authorityId }, select: { id: true } })).map(
    (committee) => committee.id,
  );
