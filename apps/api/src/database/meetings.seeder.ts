import type { CouncilDataset } from '@scrutineer/domain';
import type { EntityManager } from 'typeorm';
import { AuthorityEntity } from '../authorities/authority.entity.js';
import * as authorityMapper from '../authorities/authority.mapper.js';
import { CommitteeMembershipEntity } from '../committees/committee-membership.entity.js';
import { CommitteeEntity } from '../committees/committee.entity.js';
import * as committeeMapper from '../committees/committee.mapper.js';
import { writeMeetingDocument } from '../meetings/meeting-document.store.js';
import { MemberEntity } from '../members/member.entity.js';
import * as memberMapper from '../members/member.mapper.js';

/** Authorities, councillors, committees with their seats, and every meeting document. */
export const seedMeetingsSide = async (
  manager: EntityManager,
  dataset: CouncilDataset,
): Promise<void> => {
  if (dataset.authorities.length > 0) {
    await manager.insert(
      AuthorityEntity,
      dataset.authorities.map((a) => authorityMapper.toPersistence(a)),
    );
  }
  for (let start = 0; start < dataset.members.length; start += 200) {
    await manager.insert(
      MemberEntity,
      dataset.members.slice(start, start + 200).map((m) => memberMapper.toPersistence(m)),
    );
  }
  for (const committee of dataset.committees) {
    const rows = committeeMapper.toPersistence(committee);
    await manager.insert(CommitteeEntity, rows.committee);
    if (rows.seats.length > 0) await manager.insert(CommitteeMembershipEntity, rows.seats);
  }
  for (const meeting of dataset.meetings) await writeMeetingDocument(manager, meeting);
};
