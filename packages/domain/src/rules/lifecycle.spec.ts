import { DomainError } from '../errors.js';
import type { PortfolioAgreement } from '../model/agreement.js';
import type { Meeting, MeetingStatus } from '../model/meeting.js';
import type { MinutesOfMeeting } from '../model/minutes.js';
import type { CommitteeId } from '../model/people.js';
import type { Instant, LocalDate } from '../model/time.js';
import { stockportDataset, westSussexMeeting } from '../../test/fixtures/documents.js';
import {
  AGREEMENT_TRANSITIONS,
  approveAgreement,
  approveMinutes,
  assertAgreementEditable,
  assertAgreementTransition,
  assertMeetingTransition,
  assertMinutesEditable,
  canTransitionAgreement,
  canTransitionMeeting,
  canTransitionMinutes,
  cancelMeeting,
  considerAgreement,
  holdMeeting,
  MEETING_TRANSITIONS,
  publishAgenda,
} from './lifecycle.js';

const date = (value: string) => value as LocalDate;
const committeeId = 'cfs-scrutiny' as CommitteeId;

const thrown = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
};

const draftAgreement = (): PortfolioAgreement => ({
  ...(stockportDataset().agreements[0] as PortfolioAgreement),
  status: 'draft',
  considered: null,
  approved: null,
});

describe('agreement lifecycle', () => {
  it('goes draft → considered → approved', () => {
    const considered = considerAgreement(draftAgreement(), {
      committeeId,
      date: date('2021-06-16'),
    });
    expect(considered.status).toBe('considered');
    expect(considered.considered).toEqual({ committeeId, date: '2021-06-16' });
    const approved = approveAgreement(considered, { body: 'Cabinet', date: date('2021-06-29') });
    expect(approved.status).toBe('approved');
    expect(approved.approved).toEqual({ body: 'Cabinet', date: '2021-06-29' });
  });

  it('does not skip consideration by the committee', () => {
    const error = thrown(() =>
      approveAgreement(draftAgreement(), { body: 'Cabinet', date: date('2021-06-29') }),
    );
    expect(error.code).toBe('LIFECYCLE.INVALID_TRANSITION');
    expect(error.data).toEqual({
      value: 'approved',
      from: 'draft',
      to: 'approved',
      allowed: ['considered'],
    });
    expect(error.message).toBe(
      'A portfolio agreement cannot go from draft to approved (from draft it can go to: considered)',
    );
  });

  it('does not consider an agreement twice', () => {
    const considered = considerAgreement(draftAgreement(), {
      committeeId,
      date: date('2021-06-16'),
    });
    expect(
      thrown(() => considerAgreement(considered, { committeeId, date: date('2021-06-17') })).code,
    ).toBe('LIFECYCLE.INVALID_TRANSITION');
  });

  it('refuses an approval dated before the consideration', () => {
    const considered = considerAgreement(draftAgreement(), {
      committeeId,
      date: date('2021-06-16'),
    });
    const error = thrown(() =>
      approveAgreement(considered, { body: 'Cabinet', date: date('2021-06-15') }),
    );
    expect(error.code).toBe('VALIDATION.OUT_OF_ORDER');
    expect(error.data['value']).toBe('2021-06-15');
  });

  it('refuses dates that are not dates', () => {
    expect(
      thrown(() => considerAgreement(draftAgreement(), { committeeId, date: date('2021-06-31') }))
        .code,
    ).toBe('VALIDATION.INVALID_VALUE');
  });

  it('treats approved as final', () => {
    const approved = stockportDataset().agreements[0] as PortfolioAgreement;
    for (const to of ['draft', 'considered', 'approved'] as const) {
      const error = thrown(() => assertAgreementTransition(approved, to));
      expect(error.code).toBe('AGREEMENT.APPROVED');
      expect(error.data).toEqual({ portfolioCode: 'CFSE', year: '2021/22' });
    }
    expect(thrown(() => assertAgreementEditable(approved)).message).toBe(
      'The CFSE agreement for 2021/22 has been approved (Cabinet, 2021-06-29) and cannot change',
    );
    expect(thrown(() => assertAgreementEditable({ ...approved, approved: null })).message).toBe(
      'The CFSE agreement for 2021/22 has been approved and cannot change',
    );
  });

  it('lets drafts and considered agreements be edited', () => {
    expect(() => assertAgreementEditable(draftAgreement())).not.toThrow();
    expect(() =>
      assertAgreementEditable({ ...draftAgreement(), status: 'considered' }),
    ).not.toThrow();
  });

  it('allows exactly the transitions in its table', () => {
    const statuses = Object.keys(AGREEMENT_TRANSITIONS) as (keyof typeof AGREEMENT_TRANSITIONS)[];
    const allowed = statuses.flatMap((from) =>
      statuses.filter((to) => canTransitionAgreement(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual(['draft→considered', 'considered→approved']);
  });
});

describe('minutes lifecycle', () => {
  const draft = (): MinutesOfMeeting => ({
    ...(westSussexMeeting().minutes as MinutesOfMeeting),
    status: 'draft',
    approvedOn: null,
  });

  it('approves draft minutes at a later meeting', () => {
    expect(approveMinutes(draft(), date('2022-01-13'), date('2021-11-17'))).toEqual(
      expect.objectContaining({ status: 'approved', approvedOn: '2022-01-13' }),
    );
    expect(canTransitionMinutes('draft', 'approved')).toBe(true);
    expect(canTransitionMinutes('approved', 'draft')).toBe(false);
  });

  it('approves minutes of unknown status (a historic import) once the clerk knows, never makes them a draft', () => {
    expect(
      approveMinutes({ ...draft(), status: 'unknown' }, date('2022-01-13'), date('2021-11-17')),
    ).toEqual(expect.objectContaining({ status: 'approved', approvedOn: '2022-01-13' }));
    expect(canTransitionMinutes('unknown', 'approved')).toBe(true);
    expect(canTransitionMinutes('unknown', 'draft')).toBe(false);
    expect(() => assertMinutesEditable({ status: 'unknown', approvedOn: null })).not.toThrow();
  });

  it('refuses an approval on or before the meeting itself', () => {
    const error = thrown(() => approveMinutes(draft(), date('2021-11-17'), date('2021-11-17')));
    expect(error.code).toBe('VALIDATION.OUT_OF_ORDER');
    expect(error.data).toEqual({ value: '2021-11-17', meetingDate: '2021-11-17' });
  });

  it('refuses an approval date that is not a date', () => {
    expect(thrown(() => approveMinutes(draft(), date('13/01/2022'), date('2021-11-17'))).code).toBe(
      'VALIDATION.INVALID_VALUE',
    );
  });

  it('never changes approved minutes', () => {
    const approved = approveMinutes(draft(), date('2022-01-13'), date('2021-11-17'));
    const error = thrown(() => approveMinutes(approved, date('2022-02-01'), date('2021-11-17')));
    expect(error.code).toBe('MINUTES.ALREADY_APPROVED');
    expect(error.message).toBe(
      'These minutes were approved as a correct record on 2022-01-13 and cannot change',
    );
    expect(
      thrown(() => assertMinutesEditable({ status: 'approved', approvedOn: null })).message,
    ).toBe('These minutes were approved as a correct record and cannot change');
    expect(() => assertMinutesEditable(draft())).not.toThrow();
  });
});

describe('meeting lifecycle', () => {
  const scheduled = (): Meeting => ({
    ...westSussexMeeting().meeting,
    status: 'scheduled',
    agendaPublishedAt: null,
  });
  const at = '2021-11-08T09:00:00Z' as Instant;

  it('goes scheduled → agenda-published → held', () => {
    const published = publishAgenda(scheduled(), at, []);
    expect(published).toEqual(
      expect.objectContaining({ status: 'agenda-published', agendaPublishedAt: at }),
    );
    expect(holdMeeting(published).status).toBe('held');
  });

  it('can be cancelled before it is held, from either state', () => {
    expect(cancelMeeting(scheduled()).status).toBe('cancelled');
    expect(cancelMeeting(publishAgenda(scheduled(), at, [])).status).toBe('cancelled');
  });

  it('is not held without a published agenda, and not un-cancelled', () => {
    const error = thrown(() => holdMeeting(scheduled()));
    expect(error.code).toBe('LIFECYCLE.INVALID_TRANSITION');
    expect(error.data).toEqual({
      value: 'held',
      from: 'scheduled',
      to: 'held',
      allowed: ['agenda-published', 'cancelled'],
    });
    const cancelled = cancelMeeting(scheduled());
    expect(thrown(() => publishAgenda(cancelled, at, [])).message).toBe(
      'A meeting cannot go from cancelled to agenda-published (cancelled is final)',
    );
    expect(thrown(() => cancelMeeting(holdMeeting(publishAgenda(scheduled(), at, [])))).code).toBe(
      'LIFECYCLE.INVALID_TRANSITION',
    );
  });

  it('refuses a publication time that is not an instant', () => {
    expect(thrown(() => publishAgenda(scheduled(), '2021-11-08 09:00' as Instant, [])).code).toBe(
      'VALIDATION.INVALID_VALUE',
    );
  });

  it('allows exactly the transitions in its table', () => {
    const statuses = Object.keys(MEETING_TRANSITIONS) as MeetingStatus[];
    const allowed = statuses.flatMap((from) =>
      statuses.filter((to) => canTransitionMeeting(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual([
      'scheduled→agenda-published',
      'scheduled→cancelled',
      'agenda-published→held',
      'agenda-published→cancelled',
    ]);
    expect(() => assertMeetingTransition('held', 'held')).toThrow(DomainError);
  });
});
