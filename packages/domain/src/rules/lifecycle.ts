import { DomainError } from '../errors.js';
import type { AgreementStatus, PortfolioAgreement } from '../model/agreement.js';
import type { Meeting, MeetingStatus } from '../model/meeting.js';
import type { MinutesOfMeeting, MinutesStatus } from '../model/minutes.js';
import type { CommitteeId } from '../model/people.js';
import type { Instant, LocalDate } from '../model/time.js';
import type { PublicationFinding } from '../contract/publication-check.js';
import { compareDates, instant, localDate } from './dates.js';
import { assertPublishable } from './publication-check.js';

type Transitions<S extends string> = Readonly<Record<S, readonly S[]>>;

/**
 * A portfolio agreement is drafted, considered by the scrutiny committee, then approved by
 * Cabinet (DOMAIN.md, "The yearly cycle"). Approval is final: a change after it needs a new
 * agreement, so there is no way back from `approved`.
 */
export const AGREEMENT_TRANSITIONS: Transitions<AgreementStatus> = {
  draft: ['considered'],
  considered: ['approved'],
  approved: [],
};

/**
 * Draft minutes become the approved record at the next meeting; after that they do not change.
 * Minutes of unknown status (a historic import) can be approved once the clerk knows they were.
 */
export const MINUTES_TRANSITIONS: Transitions<MinutesStatus> = {
  draft: ['approved'],
  approved: [],
  unknown: ['approved'],
};

/**
 * A meeting is scheduled, its agenda is published (open to inspection), then it is held. It can
 * be cancelled until it is held. Held and cancelled are final.
 */
export const MEETING_TRANSITIONS: Transitions<MeetingStatus> = {
  scheduled: ['agenda-published', 'cancelled'],
  'agenda-published': ['held', 'cancelled'],
  held: [],
  cancelled: [],
};

const canTransition = <S extends string>(transitions: Transitions<S>, from: S, to: S): boolean =>
  transitions[from].includes(to);

const invalidTransition = (
  what: string,
  from: string,
  to: string,
  allowed: readonly string[],
): DomainError =>
  new DomainError(
    'LIFECYCLE.INVALID_TRANSITION',
    `A ${what} cannot go from ${from} to ${to}${allowed.length > 0 ? ` (from ${from} it can go to: ${allowed.join(', ')})` : ` (${from} is final)`}`,
    { value: to, from, to, allowed },
  );

export const canTransitionAgreement = (from: AgreementStatus, to: AgreementStatus): boolean =>
  canTransition(AGREEMENT_TRANSITIONS, from, to);

export const canTransitionMinutes = (from: MinutesStatus, to: MinutesStatus): boolean =>
  canTransition(MINUTES_TRANSITIONS, from, to);

export const canTransitionMeeting = (from: MeetingStatus, to: MeetingStatus): boolean =>
  canTransition(MEETING_TRANSITIONS, from, to);

const agreementApproved = (
  agreement: Pick<PortfolioAgreement, 'portfolioCode' | 'year' | 'approved'>,
) =>
  new DomainError(
    'AGREEMENT.APPROVED',
    `The ${agreement.portfolioCode} agreement for ${agreement.year} has been approved${agreement.approved ? ` (${agreement.approved.body}, ${agreement.approved.date})` : ''} and cannot change`,
    { portfolioCode: agreement.portfolioCode, year: agreement.year },
  );

/** Throws AGREEMENT.APPROVED when the agreement is approved: nothing in it may change then. */
export const assertAgreementEditable = (
  agreement: Pick<PortfolioAgreement, 'portfolioCode' | 'year' | 'status' | 'approved'>,
): void => {
  if (agreement.status === 'approved') throw agreementApproved(agreement);
};

/** Checks a move between agreement statuses: out of `approved` is AGREEMENT.APPROVED, any other bad move LIFECYCLE.INVALID_TRANSITION. */
export const assertAgreementTransition = (
  agreement: Pick<PortfolioAgreement, 'portfolioCode' | 'year' | 'status' | 'approved'>,
  to: AgreementStatus,
): void => {
  assertAgreementEditable(agreement);
  if (!canTransitionAgreement(agreement.status, to)) {
    throw invalidTransition(
      'portfolio agreement',
      agreement.status,
      to,
      AGREEMENT_TRANSITIONS[agreement.status],
    );
  }
};

/** The scrutiny committee considered the draft on `date`. */
export const considerAgreement = (
  agreement: PortfolioAgreement,
  considered: { readonly committeeId: CommitteeId; readonly date: LocalDate },
): PortfolioAgreement => {
  assertAgreementTransition(agreement, 'considered');
  localDate(considered.date);
  return { ...agreement, status: 'considered', considered };
};

/** Cabinet (or whichever `body`) approved the agreement on `date`, on or after the committee considered it. */
export const approveAgreement = (
  agreement: PortfolioAgreement,
  approved: { readonly body: string; readonly date: LocalDate },
): PortfolioAgreement => {
  assertAgreementTransition(agreement, 'approved');
  localDate(approved.date);
  if (agreement.considered !== null && compareDates(approved.date, agreement.considered.date) < 0) {
    throw new DomainError(
      'VALIDATION.OUT_OF_ORDER',
      `An agreement is approved after it is considered: approval on ${approved.date} is before consideration on ${agreement.considered.date}`,
      { value: approved.date, considered: agreement.considered.date },
    );
  }
  return { ...agreement, status: 'approved', approved };
};

const minutesApproved = (minutes: Pick<MinutesOfMeeting, 'approvedOn'>) =>
  new DomainError(
    'MINUTES.ALREADY_APPROVED',
    `These minutes were approved as a correct record${minutes.approvedOn ? ` on ${minutes.approvedOn}` : ''} and cannot change`,
    { approvedOn: minutes.approvedOn },
  );

/** Throws MINUTES.ALREADY_APPROVED once the minutes are the signed record. */
export const assertMinutesEditable = (
  minutes: Pick<MinutesOfMeeting, 'status' | 'approvedOn'>,
): void => {
  if (minutes.status === 'approved') throw minutesApproved(minutes);
};

/** The next meeting approves the draft as a correct record on `approvedOn`, which is after the meeting it minutes. */
export const approveMinutes = (
  minutes: MinutesOfMeeting,
  approvedOn: LocalDate,
  meetingDate: LocalDate,
): MinutesOfMeeting => {
  assertMinutesEditable(minutes);
  localDate(approvedOn);
  if (compareDates(approvedOn, meetingDate) <= 0) {
    throw new DomainError(
      'VALIDATION.OUT_OF_ORDER',
      `Minutes are approved at a later meeting: ${approvedOn} is not after the meeting on ${meetingDate}`,
      { value: approvedOn, meetingDate },
    );
  }
  return { ...minutes, status: 'approved', approvedOn };
};

/** Checks a move between meeting statuses; LIFECYCLE.INVALID_TRANSITION names the moves allowed. */
export const assertMeetingTransition = (from: MeetingStatus, to: MeetingStatus): void => {
  if (!canTransitionMeeting(from, to)) {
    throw invalidTransition('meeting', from, to, MEETING_TRANSITIONS[from]);
  }
};

/**
 * The agenda is open to inspection from `at`. `findings` is the pre-publication check
 * (`checkPublicationReadiness` with the reporter's layout findings): any error refuses
 * publication with PUBLICATION.HAS_ERRORS; warnings do not stop it.
 */
export const publishAgenda = (
  meeting: Meeting,
  at: Instant,
  findings: readonly PublicationFinding[],
): Meeting => {
  assertMeetingTransition(meeting.status, 'agenda-published');
  instant(at);
  assertPublishable(findings);
  return { ...meeting, status: 'agenda-published', agendaPublishedAt: at };
};

export const holdMeeting = (meeting: Meeting): Meeting => {
  assertMeetingTransition(meeting.status, 'held');
  return { ...meeting, status: 'held' };
};

export const cancelMeeting = (meeting: Meeting): Meeting => {
  assertMeetingTransition(meeting.status, 'cancelled');
  return { ...meeting, status: 'cancelled' };
};
