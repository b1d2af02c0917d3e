/** The synthetic council's authority, councillors and scrutiny committees. */
import type {
  Authority,
  AuthorityId,
  Committee,
  CommitteeId,
  Member,
  MemberId,
  PersonRef,
  PortfolioCode,
} from '@scrutineer/domain';

export const SYNTHETIC_AUTHORITY_ID = 'bench-council' as AuthorityId;

/** Councillors in the data set: a metropolitan borough's 60 or so (21 wards of three, roughly). */
const MEMBER_COUNT = 60;
/** Members of each scrutiny committee: chair, vice-chair and seven more. */
const COMMITTEE_SIZE = 9;

const FIRST_NAMES = ['Alex', 'Sam', 'Jo', 'Chris', 'Pat', 'Ruth', 'Imran', 'Grace', 'Tom', 'Aisha'];
const SURNAMES = ['Ashworth', 'Bennett', 'Chowdhury', 'Doyle', 'Evans', 'Fletcher'];
const PARTIES = ['Labour', 'Conservative', 'Liberal Democrat', 'Green'];

export const buildAuthority = (): Authority => ({
  id: SYNTHETIC_AUTHORITY_ID,
  name: 'Benchmark Metropolitan Borough Council',
  shortName: 'Benchmark',
  region: 'england',
  style: {
    primaryColour: '#00594F',
    logo: null,
    minutePrefix: '',
    municipalYearStart: { month: 5, day: 1 },
    resolutionLead: 'RESOLVED –',
  },
  closureDays: [],
  website: null,
});

/**
 * Sixty councillors, parties in turn, three to a ward. The surname moves on with every member
 * and once more every ten, so the 10 × 6 names are all different and neighbours differ.
 */
export const buildMembers = (): Member[] =>
  Array.from({ length: MEMBER_COUNT }, (_, index) => ({
    id: `bench-member-${index + 1}` as MemberId,
    name: `Councillor ${FIRST_NAMES[index % FIRST_NAMES.length] as string} ${SURNAMES[(index + Math.floor(index / FIRST_NAMES.length)) % SURNAMES.length] as string}`,
    party: PARTIES[index % PARTIES.length] ?? null,
    ward: `Ward ${Math.floor(index / 3) + 1}`,
  }));

/** The councillor at `index`, counting round the council. */
export const memberRef = (members: readonly Member[], index: number): PersonRef => {
  const member = members[index % members.length] as Member;
  return { name: member.name, memberId: member.id };
};

/**
 * The portfolios of each committee, in order and as evenly as they go: 20 portfolios between 4
 * committees are 5 each; between 1, all 20.
 */
export const shareOut = <T>(items: readonly T[], groups: number): T[][] =>
  Array.from({ length: groups }, (_, group) =>
    items.slice(
      Math.floor((group * items.length) / groups),
      Math.floor(((group + 1) * items.length) / groups),
    ),
  );

export const committeeName = (index: number): string => `Benchmark Scrutiny Committee ${index + 1}`;

export const buildCommittee = (
  index: number,
  members: readonly Member[],
  portfolioCodes: readonly PortfolioCode[],
): Committee => ({
  id: `bench-committee-${index + 1}` as CommitteeId,
  authorityId: SYNTHETIC_AUTHORITY_ID,
  name: committeeName(index),
  ...(portfolioCodes.length === 0
    ? {}
    : {
        purpose: `Scrutinises the portfolios ${portfolioCodes.join(', ')}: their agreements and their performance and resources reports.`,
      }),
  memberships: Array.from({ length: COMMITTEE_SIZE }, (_, seat) => ({
    member: memberRef(members, index * COMMITTEE_SIZE + seat),
    role: seat === 0 ? 'chair' : seat === 1 ? 'vice-chair' : 'member',
    // One period per seat with no known start and no end: the membership on every meeting's day.
    from: null,
    to: null,
  })),
  clerk: {
    name: 'Jo Clerk',
    role: 'Democratic Services Officer',
    email: 'jo.clerk@example.gov.uk',
    phone: '0161 000 0001',
  },
  portfolioCodes,
});
