import type { Brand } from '../brand.js';
import type { LocalDate } from './time.js';

/** Where the authority is: its bank holidays differ (England and Wales here). */
export type HolidayRegion = 'england' | 'wales';

/** How the council's documents look. Every pack, report and minutes PDF takes its branding from here. */
export type AuthorityStyle = {
  /** The council's colour for headings and rules, `#RRGGBB`. */
  readonly primaryColour: string;
  /** A PNG or JPEG logo as a data URL, or null for none. */
  readonly logo: string | null;
  /** The prefix the council puts before minute numbers, e.g. `OS.`; empty for plain numbers. */
  readonly minutePrefix: string;
  /** Month (1–12) and day the municipal year starts: minutes are numbered from 1 again from then. */
  readonly municipalYearStart: { readonly month: number; readonly day: number };
};

export type AuthorityId = Brand<string, 'AuthorityId'>;

/** A council. One installation can hold several (the sample holds Stockport and West Sussex). */
export type Authority = {
  readonly id: AuthorityId;
  readonly name: string;
  readonly shortName: string;
  readonly region: HolidayRegion;
  readonly style: AuthorityStyle;
  /** Days the council's offices are closed beyond bank holidays (they do not count as clear days). */
  readonly closureDays: readonly LocalDate[];
  readonly website: string | null;
};

export type MemberId = Brand<string, 'MemberId'>;

/** A councillor. */
export type Member = {
  readonly id: MemberId;
  /** As the council writes it, e.g. `Councillor Colin Foster`. */
  readonly name: string;
  readonly party: string | null;
  readonly ward: string | null;
};

/**
 * A person as a source names them. `memberId` links to a known councillor where the
 * name could be matched; it is null for people the data set does not hold as members.
 */
export type PersonRef = { readonly name: string; readonly memberId: MemberId | null };

export type CommitteeRole = 'chair' | 'vice-chair' | 'member' | 'substitute';

export type CommitteeMembership = { readonly member: PersonRef; readonly role: CommitteeRole };

/** A council officer named as a contact on a report or as the committee's clerk. */
export type OfficerContact = {
  readonly name: string;
  readonly role: string;
  readonly email: string | null;
  /** As printed, e.g. `0161 474 3186` or `(474 3186)`; not normalised. */
  readonly phone: string | null;
};

export type CommitteeId = Brand<string, 'CommitteeId'>;

export type Committee = {
  readonly id: CommitteeId;
  readonly authorityId: AuthorityId;
  readonly name: string;
  readonly memberships: readonly CommitteeMembership[];
  readonly clerk: OfficerContact | null;
  /** Codes of the portfolios whose reports this committee scrutinises. */
  readonly portfolioCodes: readonly PortfolioCode[];
};

/** A portfolio's short code, e.g. `CFSE`. Upper-case letters and digits. */
export type PortfolioCode = Brand<string, 'PortfolioCode'>;

export type Portfolio = {
  readonly code: PortfolioCode;
  readonly authorityId: AuthorityId;
  readonly name: string;
  readonly cabinetMember: PersonRef | null;
  /** Job titles of the directors who report for it, e.g. `Director of Children's Services`. */
  readonly directors: readonly string[];
};
