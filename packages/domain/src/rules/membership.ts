/**
 * Committee membership over time: who sat on a committee, in which role, on a given day, and the
 * rules that keep the periods consistent. A period includes both its `from` and its `to` day; a
 * null `from` has no known start, a null `to` has not ended (the current membership).
 */
import type { Problem } from '../errors.js';
import type { Committee, CommitteeMembership, CommitteeRole } from '../model/people.js';
import type { LocalDate } from '../model/time.js';
import type { Segment } from '../schema/json-path.js';
import { problem } from './document-validation/problems.js';

/** The order a front sheet lists roles in: Chair, Vice-Chair, members, substitutes. */
export const COMMITTEE_ROLE_RANK: Readonly<Record<CommitteeRole, number>> = {
  chair: 0,
  'vice-chair': 1,
  member: 2,
  substitute: 3,
};

/** Whether `date` falls in the period (both ends included; a null end is open). */
export const isMembershipOn = (membership: CommitteeMembership, date: LocalDate): boolean =>
  (membership.from === null || membership.from <= date) &&
  (membership.to === null || date <= membership.to);

/**
 * The committee's membership on `date`: the periods that include it, Chair first, then the
 * Vice-Chair, members and substitutes, each role in the order listed. Vacancies (`member` null)
 * are kept, so a document can say a seat was vacant.
 */
export const membershipOn = (
  committee: Pick<Committee, 'memberships'>,
  date: LocalDate,
): CommitteeMembership[] =>
  committee.memberships
    .map((membership, index) => ({ membership, index }))
    .filter(({ membership }) => isMembershipOn(membership, date))
    .sort(
      (a, b) =>
        COMMITTEE_ROLE_RANK[a.membership.role] - COMMITTEE_ROLE_RANK[b.membership.role] ||
        a.index - b.index,
    )
    .map(({ membership }) => membership);

/** The same person, by member id when known, else by the name as written. */
const personKey = (membership: CommitteeMembership): string | null =>
  membership.member === null
    ? null
    : membership.member.memberId !== null
      ? `id:${membership.member.memberId}`
      : `name:${membership.member.name.trim().toLowerCase()}`;

/** Whether two periods share a day (both ends included; null ends are open). */
const overlap = (a: CommitteeMembership, b: CommitteeMembership): boolean =>
  (a.to === null || b.from === null || b.from <= a.to) &&
  (b.to === null || a.from === null || a.from <= b.to);

const describePeriod = (membership: CommitteeMembership): string =>
  `${membership.role} from ${membership.from ?? 'the start of the record'} to ${membership.to ?? 'now'}`;

/**
 * What is wrong with a committee's periods, each problem at its path under `at` (the list's own
 * path, e.g. `['memberships']`): a period that ends before it starts (at its `to`), and a member
 * who holds two periods that share a day (at the later one's `from`), whatever their roles: a
 * Chair is not also an ordinary member that day. Vacancies never overlap anyone.
 */
export const membershipProblems = (
  memberships: readonly CommitteeMembership[],
  at: readonly Segment[],
): Problem[] => {
  const problems: Problem[] = [];
  memberships.forEach((membership, i) => {
    if (membership.from !== null && membership.to !== null && membership.to < membership.from) {
      problems.push(
        problem(
          [...at, i, 'to'],
          'VALIDATION.OUT_OF_ORDER',
          `The period ends (${membership.to}) before it starts (${membership.from})`,
          membership.to,
        ),
      );
      return;
    }
    const key = personKey(membership);
    if (key === null) return;
    const earlier = memberships.findIndex(
      (other, j) =>
        j < i &&
        personKey(other) === key &&
        !(other.from !== null && other.to !== null && other.to < other.from) &&
        overlap(other, membership),
    );
    if (earlier >= 0) {
      const other = memberships[earlier] as CommitteeMembership;
      problems.push(
        problem(
          [...at, i, 'from'],
          'VALIDATION.DUPLICATE',
          `${membership.member?.name ?? ''} holds two seats at once: ${describePeriod(membership)} overlaps ${describePeriod(other)} (index ${earlier})`,
          membership.from,
        ),
      );
    }
  });
  return problems;
};
