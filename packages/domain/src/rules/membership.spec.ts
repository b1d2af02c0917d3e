import type { CommitteeMembership, CommitteeRole, MemberId } from '../model/people.js';
import type { LocalDate } from '../model/time.js';
import { isMembershipOn, membershipOn, membershipProblems } from './membership.js';

const date = (value: string) => value as LocalDate;

const period = (
  name: string | null,
  role: CommitteeRole,
  from: string | null,
  to: string | null,
): CommitteeMembership => ({
  member: name === null ? null : { name, memberId: name.toLowerCase() as MemberId },
  role,
  from: from === null ? null : date(from),
  to: to === null ? null : date(to),
});

const names = (memberships: readonly CommitteeMembership[]) =>
  memberships.map((m) => `${m.member?.name ?? 'vacancy'}:${m.role}`);

describe(isMembershipOn.name, () => {
  const term = period('Ashworth', 'chair', '2021-05-25', '2022-05-23');

  it('includes both the first and the last day of a period', () => {
    expect(isMembershipOn(term, date('2021-05-25'))).toBe(true);
    expect(isMembershipOn(term, date('2022-05-23'))).toBe(true);
  });

  it('excludes the day before it starts and the day after it ends', () => {
    expect(isMembershipOn(term, date('2021-05-24'))).toBe(false);
    expect(isMembershipOn(term, date('2022-05-24'))).toBe(false);
  });

  it('treats a null end as open: a period with no start or no end reaches as far as asked', () => {
    expect(isMembershipOn(period('A', 'member', null, '2021-01-01'), date('1990-01-01'))).toBe(
      true,
    );
    expect(isMembershipOn(period('A', 'member', '2021-01-01', null), date('2099-12-31'))).toBe(
      true,
    );
  });
});

describe(membershipOn.name, () => {
  // A Chair who later became an ordinary member; the Vice-Chair took the chair the next day.
  const committee = {
    memberships: [
      period('Ashworth', 'chair', '2021-05-25', '2022-05-23'),
      period('Ashworth', 'member', '2022-05-24', null),
      period('Bramhall', 'vice-chair', '2021-05-25', '2022-05-23'),
      period('Bramhall', 'chair', '2022-05-24', null),
      period('Shah', 'member', null, null),
      period('Lowe', 'substitute', '2021-05-25', null),
      period(null, 'member', '2021-10-01', '2021-11-30'),
    ],
  };

  it('gives the membership on the day, Chair first, then Vice-Chair, members, substitutes', () => {
    expect(names(membershipOn(committee, date('2021-11-24')))).toEqual([
      'Ashworth:chair',
      'Bramhall:vice-chair',
      'Shah:member',
      'vacancy:member',
      'Lowe:substitute',
    ]);
  });

  it('follows a Chair who became an ordinary member across the changeover', () => {
    expect(names(membershipOn(committee, date('2022-05-23'))).slice(0, 2)).toEqual([
      'Ashworth:chair',
      'Bramhall:vice-chair',
    ]);
    expect(names(membershipOn(committee, date('2022-05-24')))).toEqual([
      'Bramhall:chair',
      'Ashworth:member',
      'Shah:member',
      'Lowe:substitute',
    ]);
  });

  it('keeps a vacancy only while it lasts', () => {
    expect(names(membershipOn(committee, date('2021-12-01')))).not.toContain('vacancy:member');
  });

  it('is empty before anyone is known to have sat', () => {
    expect(membershipOn({ memberships: [] }, date('2021-06-01'))).toEqual([]);
  });
});

describe(membershipProblems.name, () => {
  it('accepts a Chair who becomes a member the day after the chair ends', () => {
    expect(
      membershipProblems(
        [
          period('Ashworth', 'chair', '2021-05-25', '2022-05-23'),
          period('Ashworth', 'member', '2022-05-24', null),
        ],
        ['memberships'],
      ),
    ).toEqual([]);
  });

  it('refuses a period that ends before it starts, at its `to`', () => {
    expect(
      membershipProblems(
        [
          period('Shah', 'member', null, null),
          period('Ashworth', 'chair', '2022-05-24', '2022-05-23'),
        ],
        ['memberships'],
      ),
    ).toEqual([
      expect.objectContaining({ path: '$.memberships[1].to', code: 'VALIDATION.OUT_OF_ORDER' }),
    ]);
  });

  it('accepts a one-day period (from equals to)', () => {
    expect(
      membershipProblems([period('Shah', 'member', '2022-05-24', '2022-05-24')], ['memberships']),
    ).toEqual([]);
  });

  it('refuses the same member in the same role twice on one day: the shared end day overlaps', () => {
    const problems = membershipProblems(
      [
        period('Ashworth', 'member', '2021-05-25', '2022-05-24'),
        period('Ashworth', 'member', '2022-05-24', null),
      ],
      ['memberships'],
    );
    expect(problems).toEqual([
      expect.objectContaining({ path: '$.memberships[1].from', code: 'VALIDATION.DUPLICATE' }),
    ]);
    expect(problems[0]?.message).toContain('index 0');
  });

  it('refuses a Chair who is also an ordinary member on the same day', () => {
    expect(
      membershipProblems(
        [period('Ashworth', 'chair', null, null), period('Ashworth', 'member', '2022-05-24', null)],
        ['committees', 0, 'memberships'],
      ),
    ).toEqual([expect.objectContaining({ path: '$.committees[0].memberships[1].from' })]);
  });

  it('matches a person without a member id by name, and never matches two vacancies', () => {
    const unlinked = (role: CommitteeRole): CommitteeMembership => ({
      member: { name: 'Cllr X', memberId: null },
      role,
      from: null,
      to: null,
    });
    expect(membershipProblems([unlinked('member'), unlinked('substitute')], ['m'])).toHaveLength(1);
    expect(
      membershipProblems(
        [period(null, 'member', null, null), period(null, 'member', null, null)],
        ['m'],
      ),
    ).toEqual([]);
  });
});
