import {
  exemptionRegionRules,
  itemExemptionRules,
  regionOfAuthority,
  type AgendaItem,
  type HolidayRegion,
  type MeetingDocument,
} from '@scrutineer/domain';
import type { EntityManager } from 'typeorm';
import { AuthorityEntity } from '../authorities/authority.entity.js';
import { authorityIdOfCommittee } from '../committees/committee-authority.js';
import { ApiError, type FieldProblem } from '../common/problem.js';
import { MeetingEntity } from './meeting.entity.js';

/** The nation whose Schedule 12A paragraphs a committee's authority cites (null: no such committee). */
export const regionOfCommittee = async (
  manager: EntityManager,
  committeeId: string,
): Promise<HolidayRegion | null> => {
  const authorityId = await authorityIdOfCommittee(manager, committeeId);
  if (authorityId === null) return null;
  const authority = await manager.findOne(AuthorityEntity, { where: { id: authorityId } });
  return authority === null ? null : regionOfAuthority(authority);
};

const refuse = (code: 'REQUEST.INVALID' | 'DOCUMENT.INVALID', errors: FieldProblem[]) =>
  new ApiError(
    code,
    `${errors[0]?.message ?? 'A Schedule 12A paragraph does not apply'}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}.`,
    errors,
  );

/** An agenda item's paragraphs (its own and its documents') must be its authority's nation's. */
export const assertItemExemptionsFit = async (
  manager: EntityManager,
  meetingId: string,
  item: Pick<AgendaItem, 'exemption' | 'documents'>,
): Promise<void> => {
  const meeting = await manager.findOne(MeetingEntity, { where: { id: meetingId } });
  if (meeting === null) return;
  const region = await regionOfCommittee(manager, meeting.committeeId);
  if (region === null) return;
  const errors: FieldProblem[] = itemExemptionRules(item, region, []).map((p) => ({
    path: p.path,
    message: p.message,
    code: p.code,
  }));
  if (errors.length > 0) throw refuse('REQUEST.INVALID', errors);
};

/** A meeting document's paragraphs (items, documents, minutes) must be its authority's nation's. */
export const assertDocumentExemptionsFit = async (
  manager: EntityManager,
  document: MeetingDocument,
): Promise<void> => {
  const region = await regionOfCommittee(manager, document.meeting.committeeId);
  if (region === null) return;
  const problems = exemptionRegionRules(document, region, []);
  if (problems.length > 0)
    throw refuse(
      'DOCUMENT.INVALID',
      problems.map((p) => ({ path: p.path, message: p.message, code: p.code })),
    );
};
