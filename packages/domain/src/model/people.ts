import type { Brand } from '../brand.js';
import {
  BrandedString,
  Closed,
  LIMITS,
  List,
  Nullable,
  StringEnum,
  Text,
  Type,
  type Shape,
} from '../schema/kit.js';
import { PORTFOLIO_CODE_PATTERN } from '../schema/patterns.js';
import { LocalDate } from './time.js';

/** An identifier of a stored thing (an authority, member, committee, meeting …). */
export const identifier = <B extends string>(description?: string) =>
  BrandedString<B>({
    minLength: 1,
    maxLength: LIMITS.id,
    ...(description === undefined ? {} : { description }),
  });

export const HOLIDAY_REGIONS = ['england', 'wales'] as const;
/** Where the authority is: its bank holidays differ (England and Wales here). */
export type HolidayRegion = (typeof HOLIDAY_REGIONS)[number];

export const RESOLUTION_LEADS = ['RESOLVED –', 'Resolved –', 'RESOLVED:'] as const;
/**
 * How a council's minutes introduce a resolution, in its own casing and punctuation: Stockport
 * prints "RESOLVED – That the report be noted.", West Sussex "Resolved – That the Committee: …".
 */
export type ResolutionLead = (typeof RESOLUTION_LEADS)[number];
export const ResolutionLead = StringEnum(RESOLUTION_LEADS, {
  title: 'ResolutionLead',
  description:
    'How the minutes introduce a resolution: `RESOLVED –` (Stockport), `Resolved –` (West Sussex) or `RESOLVED:`.',
});

/** How the council's documents look. Every pack, report and minutes PDF takes its branding from here. */
export const AuthorityStyle = Closed(
  {
    primaryColour: Type.String({
      pattern: '^#[0-9A-Fa-f]{6}$',
      description: 'The council’s colour for headings and rules, `#RRGGBB`.',
    }),
    logo: Nullable(
      Type.String({
        pattern: '^data:image/(png|jpeg);base64,',
        maxLength: 1_000_000,
        description: 'A PNG or JPEG logo as a data URL.',
      }),
    ),
    minutePrefix: Type.String({
      maxLength: 20,
      description: 'The prefix before minute numbers, e.g. `OS.`; empty for plain numbers.',
    }),
    municipalYearStart: Closed(
      {
        month: Type.Integer({ minimum: 1, maximum: 12 }),
        day: Type.Integer({ minimum: 1, maximum: 31 }),
      },
      {
        description: 'When the municipal year starts: minutes are numbered from 1 again from then.',
      },
    ),
    resolutionLead: ResolutionLead,
  },
  { title: 'AuthorityStyle' },
);
export type AuthorityStyle = Shape<typeof AuthorityStyle>;

export type AuthorityId = Brand<string, 'AuthorityId'>;
export const AuthorityId = identifier<AuthorityId>('The council’s id, e.g. `stockport`.');

/** A council. One installation can hold several (the sample holds Stockport and West Sussex). */
export const Authority = Closed(
  {
    id: AuthorityId,
    name: Text({ maxLength: LIMITS.name }),
    shortName: Text({ maxLength: 100 }),
    region: StringEnum(HOLIDAY_REGIONS),
    style: AuthorityStyle,
    closureDays: List(LocalDate, {
      maxItems: LIMITS.longList,
      description: 'Days the offices are closed beyond bank holidays (not clear days).',
    }),
    website: Nullable(Text()),
  },
  { title: 'Authority' },
);
export type Authority = Shape<typeof Authority>;

export type MemberId = Brand<string, 'MemberId'>;
export const MemberId = identifier<MemberId>('A councillor’s id.');

/** A councillor. */
export const Member = Closed(
  {
    id: MemberId,
    name: Text({
      maxLength: LIMITS.name,
      description: 'As the council writes it, e.g. `Councillor Colin Foster`.',
    }),
    party: Nullable(Text({ maxLength: 100 })),
    ward: Nullable(Text({ maxLength: LIMITS.name })),
  },
  { title: 'Member' },
);
export type Member = Shape<typeof Member>;

/**
 * A person as a source names them. `memberId` links to a known councillor where the
 * name could be matched; it is null for people the data set does not hold as members.
 */
export const PersonRef = Closed(
  {
    name: Text({ maxLength: LIMITS.name, description: 'As the source writes it.' }),
    memberId: Nullable(MemberId),
  },
  { title: 'PersonRef' },
);
export type PersonRef = Shape<typeof PersonRef>;

export const COMMITTEE_ROLES = ['chair', 'vice-chair', 'member', 'substitute'] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];
export const CommitteeRole = StringEnum(COMMITTEE_ROLES, { title: 'CommitteeRole' });

/**
 * A period in which a seat on a committee is held in a role: who (or no one, for a vacancy), from
 * and to which day. Both days are in the period (a term "to 16 May 2022" includes the 16th), so a
 * member who is Chair then an ordinary member has one period ending the day before the next starts.
 * `rules/membership.ts` answers who sat on a date and refuses overlapping periods.
 */
export const CommitteeMembership = Closed(
  {
    member: Nullable(PersonRef, {
      description: 'Who holds the seat; null for a vacancy (a seat no one holds in the period).',
    }),
    role: CommitteeRole,
    from: Nullable(LocalDate, {
      description:
        'The first day of the period (included); null when the source gives no start (from before the record).',
    }),
    to: Nullable(LocalDate, {
      description: 'The last day of the period (included); null while it continues (current).',
    }),
  },
  {
    title: 'CommitteeMembership',
    description:
      'A seat held in a role for a period (from and to both included; `to` null = current); `member` null for a vacancy.',
  },
);
export type CommitteeMembership = Shape<typeof CommitteeMembership>;

/** A council officer named as a contact on a report or as the committee's clerk. */
export const OfficerContact = Closed(
  {
    name: Text({ maxLength: LIMITS.name }),
    role: Text({ minLength: 0 }),
    email: Nullable(Text({ maxLength: 254, format: 'email' })),
    phone: Nullable(
      Text({ maxLength: 50, description: 'As printed, e.g. `0161 474 3186`; not normalised.' }),
    ),
  },
  { title: 'OfficerContact' },
);
export type OfficerContact = Shape<typeof OfficerContact>;

export type CommitteeId = Brand<string, 'CommitteeId'>;
export const CommitteeId = identifier<CommitteeId>('A committee’s id.');

/** A portfolio's short code, e.g. `CFSE`. Upper-case letters and digits. */
export type PortfolioCode = Brand<string, 'PortfolioCode'>;
export const PortfolioCode = BrandedString<PortfolioCode>({
  title: 'PortfolioCode',
  pattern: PORTFOLIO_CODE_PATTERN.source,
  description:
    'A portfolio’s short code: 2–10 upper-case letters or digits, starting with a letter, e.g. `CFSE`.',
});

/** The longest purpose (terms of reference) a committee may have: some 300 words. */
export const COMMITTEE_PURPOSE_MAX_LENGTH = 2000;

export const Committee = Closed(
  {
    id: CommitteeId,
    authorityId: AuthorityId,
    name: Text(),
    // Optional as well as nullable: data files and clients from before it keep working.
    purpose: Type.Optional(
      Nullable(Text({ maxLength: COMMITTEE_PURPOSE_MAX_LENGTH }), {
        description:
          'What the committee is for: its purpose or terms of reference as the council states them, in plain text (at most 2,000 characters). Null, or absent, when none is recorded; a replace (PUT) without it clears it.',
      }),
    ),
    memberships: List(CommitteeMembership, {
      maxItems: LIMITS.longList,
      description:
        'Membership over time: every period of every seat, as listed (chair first). `membershipOn` gives the membership on a date.',
    }),
    clerk: Nullable(OfficerContact),
    portfolioCodes: List(PortfolioCode, {
      description: 'The portfolios whose reports this committee scrutinises.',
    }),
  },
  { title: 'Committee' },
);
export type Committee = Shape<typeof Committee>;

export const Portfolio = Closed(
  {
    code: PortfolioCode,
    authorityId: AuthorityId,
    name: Text(),
    cabinetMember: Nullable(PersonRef, { description: 'The Cabinet Member holding it.' }),
    directors: List(Text(), {
      maxItems: 20,
      description: 'Job titles of the directors who report for it.',
    }),
  },
  { title: 'Portfolio' },
);
export type Portfolio = Shape<typeof Portfolio>;
