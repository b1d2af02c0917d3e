import {
  exemptionRegionRules,
  itemExemptionRules,
  minuteExemptionRules,
  nationConflicts,
  type AgendaItem,
  type HolidayRegion,
  type MeetingDocument,
  type Minute,
} from '@scrutineer/domain';
import { In, type EntityManager } from 'typeorm';
import { loadRegionOfAuthority } from '../authorities/authority-region.js';
import { authorityIdOfCommittee } from '../committees/committee-authority.js';
import { ApiError, type FieldProblem } from '../common/problem.js';
import { readMeetingDocument } from './meeting-document.store.js';
import { MeetingEntity } from './meeting.entity.js';

/** The nation whose Schedule 12A paragraphs a committee's authority cites (null: no such committee). */
export const regionOfCommittee = async (
  manager: EntityManager,
  committeeId: string,
): Promise<HolidayRegion | null> => {
  const authorityId = await authorityIdOfCommittee(manager, committeeId);
  return authorityId === null ? null : loadRegionOfAuthority(manager, authorityId);
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

/** A minute's paragraph must be its authority's nation's, and its public interest test one the paragraph takes. */
export const assertMinuteExemptionFits = async (
  manager: EntityManager,
  meetingId: string,
  minute: Pick<Minute, 'exemption'>,
): Promise<void> => {
  const meeting = await manager.findOne(MeetingEntity, { where: { id: meetingId } });
  if (meeting === null) return;
  const region = await regionOfCommittee(manager, meeting.committeeId);
  if (region === null) return;
  const errors: FieldProblem[] = minuteExemptionRules(minute, region, []).map((p) => ({
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

/**
 * The meetings of `committeeIds` must keep citing their nation's paragraphs when their authority
 * becomes one in `region` (a committee moved to another authority, an authority's region
 * changed): otherwise 409, naming each meeting, item and the range that nation cites, at `field`
 * of the request. Called before anything is written.
 */
export const assertMeetingsFitRegion = async (
  manager: EntityManager,
  committeeIds: readonly string[],
  region: HolidayRegion,
  field: '$.authorityId' | '$.region',
): Promise<void> => {
  if (committeeIds.length === 0) return;
  const meetings = await manager.find(MeetingEntity, {
    where: { committeeId: In([...committeeIds]) },
    select: { id: true },
    order: { id: 'ASC' },
  });
  const conflicts = [];
  for (const { id } of meetings) {
    const document = await readMeetingDocument(manager, id);
    if (document !== null) conflicts.push(...nationConflicts(document, region));
  }
  const [first] = conflicts;
  if (first === undefined) return;
  throw new ApiError(
    'RESOURCE.IN_USE',
    `${first.message}${conflicts.length > 1 ? ` (and ${conflicts.length - 1} more)` : ''}. Change those paragraphs first; nothing was changed.`,
    conflicts.map((c) => ({ path: field, message: c.message, code: 'VALIDATION.MISMATCH' })),
    { conflicts },
  );
};
