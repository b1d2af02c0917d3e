/** The committees resource and its seats: `/api/v1/committees`, `/api/v1/committees/{id}/members`. */
import { AuthorityId, Committee, CommitteeMembership } from '../model/people.js';
import { LocalDate } from '../model/time.js';
import {
  BrandedString,
  Closed,
  LIMITS,
  List,
  ReadOnly,
  Text,
  Type,
  type Shape,
} from '../schema/kit.js';
import { IdParam, ListQuery, Page, Resource } from './common.js';

/** A seat on a committee as stored: the membership and the seat's id (to remove it). */
export const CommitteeSeat = Closed(
  {
    id: ReadOnly(Text({ maxLength: 36, description: 'The seat’s id (to remove it).' })),
    ...CommitteeMembership.properties,
  },
  {
    title: 'CommitteeSeat',
    description:
      'A membership period as stored: who holds a seat (null for a vacancy), in what role, from and to which day (both included; `to` null = current).',
  },
);
export type CommitteeSeat = Shape<typeof CommitteeSeat>;

export const CommitteeResource = Resource(
  'CommitteeResource',
  {
    ...Committee.properties,
    memberships: List(CommitteeSeat, {
      maxItems: LIMITS.longList,
      description:
        'Membership over time: every period, as listed. `GET /committees/{id}/members?on=YYYY-MM-DD` gives the membership on a day.',
    }),
  },
  'A committee as stored: the domain’s Committee with its seats’ ids, and the server’s version and timestamps. Send it back as is to replace it.',
);
export type CommitteeResource = Shape<typeof CommitteeResource>;

export const CommitteePage = Page(CommitteeResource);
export type CommitteePage = Shape<typeof CommitteePage>;

export const CommitteeSeatPage = Page(CommitteeSeat);
export type CommitteeSeatPage = Shape<typeof CommitteeSeatPage>;

export const CommitteeQuery = ListQuery(['name'] as const, {
  authorityId: Type.Optional(AuthorityId),
});
export type CommitteeQuery = Shape<typeof CommitteeQuery>;

/**
 * The membership periods of one committee, as listed unless sorted otherwise; with `on`, only
 * those that include that day, Chair first (the membership on that day). Periods change with
 * their committee (its version moves), so `updatedSince` is the committee's `updatedAt`.
 */
export const CommitteeSeatQuery = ListQuery(['name', 'role', 'from'] as const, {
  on: Type.Optional(
    BrandedString<LocalDate>({
      format: 'date',
      pattern: String(LocalDate.pattern),
      description:
        'Only the periods that include this day (both ends included), Chair first: the membership on that day. Today’s date gives the current membership.',
    }),
  ),
});
export type CommitteeSeatQuery = Shape<typeof CommitteeSeatQuery>;

export const CommitteeParams = IdParam('id', 'The committee’s id.');
export const CommitteeSeatParams = Closed({
  ...CommitteeParams.properties,
  seatId: Text({ maxLength: LIMITS.id, description: 'The seat’s id.' }),
});
export { Committee as CommitteeInput, CommitteeMembership as CommitteeSeatInput };
