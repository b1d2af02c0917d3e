import { randomUUID } from 'node:crypto';
import type {
  Action,
  ActionStatus,
  Election,
  LocalDate,
  Minute,
  MinuteBlock,
  MinuteResource,
  Motion,
  PreviousMinutesApproval,
  Resolution,
} from '@scrutineer/domain';
import { isWithheld, withholdMinute } from '@scrutineer/domain';
import { ActionEntity } from '../actions/action.entity.js';
import { type Caller, canReadExempt } from '../auth/caller.js';
import { exemptionFromColumns, exemptionToColumns } from '../common/exemption-columns.js';
import { toDateString } from '../common/values.js';
import { ResolutionEntity } from '../resolutions/resolution.entity.js';
import { MinuteEntity } from './minute.entity.js';
import { MotionEntity } from './motion.entity.js';

/** A minute's rows: the minute, its motions, actions and resolution. */
export type MinuteRows = {
  readonly minute: MinuteEntity;
  readonly motions: readonly MotionEntity[];
  readonly actions: readonly ActionEntity[];
  readonly resolution: ResolutionEntity | null;
};

const byPosition = <T extends { position: number }>(rows: readonly T[]): T[] =>
  [...rows].sort((a, b) => a.position - b.position);

export const motionToDomain = (entity: MotionEntity): Motion => ({
  text: entity.text,
  proposer: entity.proposer as Motion['proposer'],
  seconder: entity.seconder as Motion['seconder'],
  vote: entity.vote as Motion['vote'],
  outcome: entity.outcome as Motion['outcome'],
});

export const actionToDomain = (entity: ActionEntity): Action => ({
  text: entity.text,
  owner: entity.owner,
  due: toDateString(entity.due) as LocalDate | null,
  status: entity.status as ActionStatus,
});

export const toDomain = (rows: MinuteRows): Minute => ({
  ref: { text: rows.minute.refText, sequence: rows.minute.refSequence },
  agendaItemNumber: rows.minute.agendaItemNumber,
  takenOrder: rows.minute.takenOrder,
  title: rows.minute.title,
  blocks: rows.minute.blocks as MinuteBlock[],
  motions: byPosition(rows.motions).map(motionToDomain),
  elections: rows.minute.elections as Election[],
  actions: byPosition(rows.actions).map(actionToDomain),
  resolution: (rows.resolution?.body ?? null) as Resolution | null,
  previousMinutes: rows.minute.previousMinutes as PreviousMinutesApproval | null,
  exemption: exemptionFromColumns(rows.minute),
});

export const toPersistence = (
  minute: Minute,
  meetingId: string,
  position: number,
  id: string = randomUUID(),
  version = 1,
): MinuteRows => {
  const isExempt = minute.exemption !== null;
  return {
    minute: Object.assign(new MinuteEntity(), {
      id,
      meetingId,
      position,
      refText: minute.ref.text,
      refSequence: minute.ref.sequence,
      agendaItemNumber: minute.agendaItemNumber,
      takenOrder: minute.takenOrder,
      title: minute.title,
      blocks: [...minute.blocks],
      elections: [...minute.elections],
      previousMinutes: minute.previousMinutes,
      ...exemptionToColumns(minute.exemption),
      version,
    }),
    motions: minute.motions.map((motion, index) =>
      Object.assign(new MotionEntity(), {
        id: randomUUID(),
        minuteId: id,
        position: index + 1,
        text: motion.text,
        proposer: motion.proposer,
        seconder: motion.seconder,
        vote: motion.vote,
        outcome: motion.outcome,
      }),
    ),
    actions: minute.actions.map((action, index) =>
      Object.assign(new ActionEntity(), {
        id: randomUUID(),
        minuteId: id,
        meetingId,
        position: index + 1,
        text: action.text,
        owner: action.owner,
        due: action.due,
        status: action.status,
        isExempt,
        version: 1,
      }),
    ),
    resolution:
      minute.resolution === null
        ? null
        : Object.assign(new ResolutionEntity(), {
            id: randomUUID(),
            minuteId: id,
            meetingId,
            body: minute.resolution,
            isExempt,
          }),
  };
};

/** The minute as the caller may see it (the domain's `withholdMinute`): of an exempt minute, the public sees its reference, title and paragraph only. */
export const toResponse = (rows: MinuteRows, caller: Caller): MinuteResource => {
  const domain = toDomain(rows);
  const mayReadExempt = canReadExempt(caller);
  const seen = withholdMinute(domain, mayReadExempt);
  return {
    id: rows.minute.id,
    meetingId: rows.minute.meetingId,
    ref: seen.ref,
    agendaItemNumber: seen.agendaItemNumber,
    takenOrder: seen.takenOrder,
    title: seen.title,
    exemption: seen.exemption,
    blocks: [...seen.blocks],
    motions: [...seen.motions],
    elections: [...seen.elections],
    actions: [...seen.actions],
    resolution: seen.resolution,
    previousMinutes: seen.previousMinutes,
    isWithheld: isWithheld(domain, mayReadExempt),
    version: rows.minute.version,
    createdAt: rows.minute.createdAt,
    updatedAt: rows.minute.updatedAt,
  };
};
