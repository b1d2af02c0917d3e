import type { EntityManager } from 'typeorm';
import { CommitteeEntity } from './committee.entity.js';

/** The id of the authority a committee belongs to; null when there is no such committee. */
export const authorityIdOfCommittee = async (
  manager: EntityManager,
  committeeId: string,
): Promise<string | null> =>
  (await manager.findOne(CommitteeEntity, { where: { id: committeeId } }))?.authorityId ?? null;
